import {parseArgs} from 'node:util';

export type BenchOptions = {
	/** Container counts, ascending: the fleet only ever grows between them. */
	readonly sizes: readonly number[];
	/** Length of each CPU measurement window, in seconds. */
	readonly windowSeconds: number;
	/** Cores that all CPU burners together may use (each gets at most 0.5). */
	readonly burnBudget: number;
	/** Running containers of the remote case (through ssh:// to a loopback sshd); 0 leaves it out. */
	readonly remote: number;
	/** Running containers on each of the fleet case's five engines; 0 leaves it out. */
	readonly fleet: number;
	/** The lazydocker to measure side by side, as given or found on PATH. */
	readonly lazydocker: string;
};

export const usage = `Usage: npm run bench -- [--sizes 10,100,300] [--window 20] [--burn-budget 1] [--remote 300]
                       [--fleet 100] [--lazydocker PATH]

  --sizes        container counts to measure, each at least 2 (default 10,100,300)
  --window       seconds of each CPU measurement window (default 20); a multiple of 30
                 keeps the shims' own 30 s cycle out of the daemon-side figure
  --burn-budget  cores that the CPU-burning containers may use together (default 1)
  --remote       containers of the remote case, reached through ssh:// to an sshd on
                 127.0.0.1 (default 300; 0 leaves the case out)
  --fleet        running containers on each of the fleet case's five engines (three on
                 unix sockets, one through ssh:// and one through tcp with TLS, all on this
                 machine), dockmate on all five at once (default 100; 0 leaves the case out)
  --lazydocker   the lazydocker binary to measure in the same run, for the ratios (default:
                 lazydocker on PATH; without one, the ratios are to lazydocker 0.23's
                 figures at 300 containers measured before). --sizes 300,1000 adds the
                 1,000-container case (about 2 minutes more to create them)`;

function positive(name: string, text: string): number {
	const value = Number(text);
	if (!Number.isFinite(value) || value <= 0) {
		throw new Error(`--${name} must be a positive number, not "${text}"`);
	}

	return value;
}

/** A case's containers: 0 leaves the case out, else 2 at least, for the key latency (as --sizes). */
function caseSize(name: string, text: string): number {
	const size = Number(text);
	if (!Number.isInteger(size) || size < 0 || size === 1) {
		throw new Error(
			`--${name} takes 0 or a whole number of 2 or more, not "${text}"`,
		);
	}

	return size;
}

/**
 * Parses the bench's command line.
 * @throws Error that says what is wrong, for the caller to print with {@link usage}.
 */
export function parseBenchOptions(args: readonly string[]): BenchOptions {
	const {values} = parseArgs({
		args: [...args],
		options: {
			sizes: {type: 'string', default: '10,100,300'},
			window: {type: 'string', default: '20'},
			'burn-budget': {type: 'string', default: '1'},
			remote: {type: 'string', default: '300'},
			fleet: {type: 'string', default: '100'},
			lazydocker: {type: 'string', default: 'lazydocker'},
		},
		strict: true,
		allowPositionals: false,
	});
	const sizes = values.sizes
		.split(',')
		.filter(Boolean)
		.map(text => {
			const size = Number(text);
			// Two at least: the key latency test moves the selection down a row and back.
			if (!Number.isInteger(size) || size < 2) {
				throw new Error(
					`--sizes takes whole numbers of 2 or more, not "${text}"`,
				);
			}

			return size;
		});
	if (sizes.length === 0) {
		throw new Error('--sizes needs at least one size');
	}

	return {
		sizes: [...new Set(sizes)].sort((a, b) => a - b),
		windowSeconds: positive('window', values.window),
		burnBudget: positive('burn-budget', values['burn-budget']),
		remote: caseSize('remote', values.remote),
		fleet: caseSize('fleet', values.fleet),
		lazydocker: values.lazydocker,
	};
}
