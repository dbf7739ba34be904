/** How a figure is printed; MiB as ps and top count it (the reference's "MB"). */
export type Unit = 'ms' | '%' | 'MiB' | 'B/s' | 'files' | 'rows';

/** One line of a size's table. */
export type Figure = {
	readonly label: string;
	readonly value: number;
	readonly unit: Unit;
	/** Must stay below this: the target at N = 300, or the size's own (see {@link goalAt}). */
	readonly target?: number;
	/** lazydocker 0.23's figure at N = 300, measured the same way, or lazydocker's in this run. */
	readonly reference?: number;
	/** The reference was measured in this run, at this size. */
	readonly referenceMeasured?: true;
	/** Context in parentheses after the figure. */
	readonly note?: string;
};

/** The size that the targets and reference figures were set for. */
export const referenceSize = 300;

/** Targets at N = 300, and lazydocker 0.23 measured the same way at that size. */
export const goals = {
	firstPaintMs: {target: 600, reference: 660},
	dockmateCpuPercent: {target: 5, reference: 17.6},
	daemonCpuPercent: {target: 10, reference: 81},
	rssMib: {target: 120, reference: 64},
	keyLatencyMs: {target: 30, reference: 67},
	/** Targets at 1,000 containers, which hold at every size. */
	openFiles: {target: 300},
	riseMs: {target: 2000},
	/** With every row's CPU changing every second, at 200x50. */
	outputBytesPerSecond: {target: 2048},
} as const;

type SizedGoal =
	| 'firstPaintMs'
	| 'dockmateCpuPercent'
	| 'daemonCpuPercent'
	| 'rssMib'
	| 'keyLatencyMs';

/** Tighter targets at the sizes a fleet of containers is measured at: 300 and 1,000 running. */
const sizedTargets: Readonly<
	Record<number, Readonly<Partial<Record<SizedGoal, number>>>>
> = {
	300: {dockmateCpuPercent: 3, rssMib: 90},
	1000: {
		firstPaintMs: 1200,
		dockmateCpuPercent: 5,
		daemonCpuPercent: 5,
		rssMib: 130,
		keyLatencyMs: 40,
	},
};

/** The target and reference of a figure at `size`: the size's own target where it has one. */
export function goalAt(
	goal: SizedGoal,
	size: number,
): {readonly target: number; readonly reference: number} {
	return {
		...goals[goal],
		target: sizedTargets[size]?.[goal] ?? goals[goal].target,
	};
}

/** Targets of the remote case at N = 300, reached through ssh:// on loopback. */
export const remoteGoals = {
	firstPaintMs: {target: 1500},
	dockmateAndSshCpuPercent: {target: 8},
	engineCpuPercent: {target: 10},
	/** Every row live: none without a figure. */
	rowsWithoutFigurePercent: {target: 0.1},
	newRowFigureMs: {target: 2000},
} as const;

/** Targets of the fleet case: five engines with 100 running containers each. */
export const fleetGoals = {
	allListedMs: {target: 2000},
	dockmateCpuPercent: {target: 6},
	/** Each engine's dockerd, containerd and shims. */
	engineCpuPercent: {target: 2},
	rssMib: {target: 150},
	keyLatencyMs: {target: 40},
} as const;

export function formatValue(value: number, unit: Unit): string {
	if (Number.isNaN(value)) {
		return `? ${unit}`;
	}

	const digits =
		(unit === 'ms' && Math.abs(value) >= 10) ||
		unit === 'B/s' ||
		unit === 'files' ||
		unit === 'rows'
			? 0
			: 1;
	return `${value.toFixed(digits)} ${unit}`;
}

/** True when the figure has a target and does not meet it. */
export function misses(figure: Figure): boolean {
	return (
		figure.target !== undefined && !(figure.value < figure.target) // NaN misses too.
	);
}

/** A target or reference as given, without the decimals of a measurement. */
function formatGiven(value: number, unit: Unit): string {
	return `${value} ${unit}`;
}

function formatRatio(value: number, reference: number): string {
	// A daemon-side cost within noise of zero can come out a hair below it.
	return `${Math.max(0, value / reference).toFixed(2)}x`;
}

/** `  first paint   412 ms   target < 600 ms   ok   lazydocker 660 ms: 0.62x` */
export function formatFigure(figure: Figure): string {
	const columns = [
		`  ${figure.label.padEnd(22)}`,
		formatValue(figure.value, figure.unit).padStart(10),
		figure.target === undefined
			? ''.padEnd(30)
			: `   target < ${formatGiven(figure.target, figure.unit)}`.padEnd(22) +
				(misses(figure) ? 'MISSED' : 'ok').padEnd(8),
	];
	if (figure.reference !== undefined) {
		columns.push(
			`lazydocker ${figure.referenceMeasured ? formatValue(figure.reference, figure.unit) : formatGiven(figure.reference, figure.unit)}: ${formatRatio(figure.value, figure.reference)}`.padEnd(
				30,
			),
		);
	}

	if (figure.note !== undefined) {
		columns.push(`(${figure.note})`);
	}

	return columns.join('').trimEnd();
}

/** A titled table of figures, with a closing line that lists the missed targets. */
export function formatTable(
	title: string,
	figures: readonly Figure[],
	notes: readonly string[] = [],
): string {
	const missed = figures.filter(figure => misses(figure));
	return [
		title,
		...notes.map(note => `  ${note}`),
		...figures.map(figure => formatFigure(figure)),
		missed.length === 0
			? '  all targets met'
			: `  MISSED ${missed.length} target${missed.length === 1 ? '' : 's'}: ${missed.map(figure => figure.label).join(', ')}`,
	].join('\n');
}
