// The command palette's key-to-list time at 1,000 containers: in-process, over the fake engine,
// through Ink as the app draws. Run alone with `node --import tsx bench/palette.tsx`; `npm run
// bench` prints it first.
import {
	FakeDockerClient,
	fakeImage,
	numberedContainers,
} from '../test/fakes/fake-docker-client.js';
import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {App} from '../source/app.js';
import {createServices} from '../source/runtime/services.js';
import {median, percentile} from './latency.js';

/** What the palette is measured over: containers, and an image per ten of them. */
export const paletteObjects = Number(process.env['PALETTE_OBJECTS'] ?? 1000);

/** Keys typed and erased, each a new list: narrowing letter by letter, then widening again. */
const query = 'web-999';
const rounds = 4;

export type PaletteTiming = {
	/** ms from each key to the frame with the list for the new line. */
	readonly keyToList: readonly number[];
	/** CPU ms the process used in that time: what the key cost, whatever else loads the machine. */
	readonly cpuPerKey: readonly number[];
};

/**
 * Polls the last frame at every turn of the event loop until it holds `text`.
 * @returns when it did, in ms from `started`.
 */
async function frameShows(
	lastFrame: () => string | undefined,
	text: string,
	started: number,
): Promise<number> {
	const deadline = started + 5000;
	while (!stripVTControlCharacters(lastFrame() ?? '').includes(text)) {
		if (performance.now() > deadline) {
			throw new Error(`the palette never showed ${text}`);
		}

		await new Promise(resolve => setImmediate(resolve));
	}

	return performance.now() - started;
}

/**
 * Opens the palette over {@link paletteObjects} containers and types {@link query} and erases it,
 * key by key, timing each key until the frame shows the typed line and the list it selects. The
 * feeds run at their real pace, as in use.
 */
export async function measurePalette(): Promise<PaletteTiming> {
	const docker = new FakeDockerClient({
		containers: numberedContainers('web', paletteObjects),
		images: Array.from({length: paletteObjects / 10}, (_, index) =>
			fakeImage({id: `sha256:${index}`, tags: [`app-${index}:latest`]}),
		),
	});
	const services = createServices({docker});
	const instance = render(
		<App services={services} size={{columns: 120, rows: 40}} />,
	);
	const running = services.start();
	const keyToList: number[] = [];
	const cpuPerKey: number[] = [];
	try {
		await frameShows(instance.lastFrame, 'web-000 ', performance.now());
		instance.stdin.write(':');
		await frameShows(instance.lastFrame, 'Palette ·', performance.now());
		const timed = async (key: string, draft: string): Promise<void> => {
			const cpu = process.cpuUsage();
			const started = performance.now();
			instance.stdin.write(key);
			keyToList.push(
				await frameShows(instance.lastFrame, `│ :${draft} `, started),
			);
			const used = process.cpuUsage(cpu);
			cpuPerKey.push((used.user + used.system) / 1000);
		};

		for (let round = 0; round < rounds; round++) {
			for (let length = 1; length <= query.length; length++) {
				await timed(query.charAt(length - 1), query.slice(0, length));
			}

			for (let length = query.length - 1; length >= 0; length--) {
				await timed('\u007F', query.slice(0, length));
			}
		}
	} finally {
		services.dispose();
		instance.unmount();
		await running;
	}

	return {keyToList, cpuPerKey};
}

/** One line for the bench's report. */
export function formatPaletteTiming({
	keyToList,
	cpuPerKey,
}: PaletteTiming): string {
	const figures = (values: readonly number[]): string =>
		`median ${median(values).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms`;
	return [
		`command palette, ${paletteObjects} containers and ${Math.round(paletteObjects / 10)} images, in-process over the fake engine, ${keyToList.length} keys (target < 30 ms):`,
		`  key to updated list  ${figures(keyToList)}`,
		`  CPU per key          ${figures(cpuPerKey)}`,
	].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(formatPaletteTiming(await measurePalette()));
}
