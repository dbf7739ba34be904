// The Resources pane's totals in a fleet: a line per engine, or one for all when there is no room.
import type {FleetEngineState} from '../../docker/docker-client.js';
import type {EngineSource} from '../../state/app-state.js';
import type {EngineFigures} from '../../state/fleet.js';
import {formatMemory} from '../../format/units.js';
import {cellWidth, fit} from './cells.js';
import {shortReason} from './fleet-chips.js';
import {formatPercent} from './resources.js';

/** One engine as its totals line shows it. */
export type EngineTotals = {
	readonly name: string;
	/** Undefined until one of its containers is measured. */
	readonly figures: EngineFigures | undefined;
	/** Undefined until its source is chosen. */
	readonly source: EngineSource | undefined;
	readonly state: FleetEngineState;
};

/**
 * How an engine's figures are read, or why they are not: an engine down says why on its own line
 * (at 80 columns its chip has room only for its sign), not on the line summing every engine.
 */
function sourceText({source, state}: EngineTotals, isOwnLine: boolean): string {
	if (state.status === 'down') {
		return isOwnLine ? `✕ ${shortReason(state.error)}` : 'not reached';
	}

	return (
		source?.source ??
		(state.status === 'connecting' ? 'connecting…' : 'measuring…')
	);
}

/** The most cells an engine's name takes: the figures after it must stay on an 80-column line. */
const nameWidth = 16;

/** An engine's CPU and memory, `–` while none of its containers is measured: not a measured 0. */
function figuresText(figures: EngineFigures | undefined): string {
	return [
		`CPU ${(figures === undefined ? '–' : formatPercent(figures.cpuPercent)).padStart(6)}`,
		`MEM ${(figures === undefined ? '–' : formatMemory(figures.memory)).padStart(7)}`,
		`${String(figures?.measured ?? 0).padStart(3)} measured`,
	].join('  ');
}

/** `lab   CPU  12.5%  MEM  150MiB    2 measured  cgroup v1`: one line per engine, names aligned. */
export function engineTotalsLines(engines: readonly EngineTotals[]): string[] {
	const width = Math.min(
		nameWidth,
		Math.max(0, ...engines.map(engine => cellWidth(engine.name))),
	);
	return engines.map(engine =>
		[
			fit(engine.name, width),
			figuresText(engine.figures),
			sourceText(engine, true),
		].join('  '),
	);
}

/** Every engine's totals summed on one line, with how many engines use each source. */
export function combinedTotalsLine(engines: readonly EngineTotals[]): string {
	const sum = {cpuPercent: 0, memory: 0, measured: 0};
	const sources = new Map<string, number>();
	for (const engine of engines) {
		const {figures} = engine;
		sum.cpuPercent += figures?.cpuPercent ?? 0;
		sum.memory += figures?.memory ?? 0;
		sum.measured += figures?.measured ?? 0;
		const name = sourceText(engine, false);
		sources.set(name, (sources.get(name) ?? 0) + 1);
	}

	return [
		`${engines.length} engines`,
		figuresText(sum),
		[...sources].map(([name, count]) => `${name} ×${count}`).join(', '),
	].join('  ');
}
