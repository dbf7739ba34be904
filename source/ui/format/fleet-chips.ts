// The header's chips of a fleet, one per engine, in the widest form that lets every chip show.
import type {FleetEngine} from '../../docker/docker-client.js';
import {formatMemory} from '../../format/units.js';
import type {EngineCounts, EngineFigures} from '../../state/fleet.js';
import {cellWidth, prefixWithin} from './cells.js';
import {formatPercent} from './resources.js';

/** One run of a chip's text, and how it is drawn. */
export type ChipPart = {
	readonly text: string;
	readonly tone?: 'name' | 'up' | 'connecting' | 'down' | 'key';
};

/**
 * How much a chip says: `full` its kind and version, the connection in words and the figures;
 * `brief` the connection as a sign (the reason kept when down) and the figures; `least` the name,
 * the sign, read-only and the containers, the figures being on each engine's line in Resources;
 * `bare` the name, the sign and read-only.
 */
export type ChipForm = 'full' | 'brief' | 'least' | 'bare';

const forms: readonly ChipForm[] = ['full', 'brief', 'least', 'bare'];

const gap = '  ';

/** How much of an engine's error its chip shows: enough to say why, leaving room for the others. */
const reasonLength = 40;

/** The last clause of an engine's error (`…: connection refused`), which says why, cut to fit. */
export function shortReason(error: string, length = reasonLength): string {
	const reason = error.split(': ').at(-1) ?? error;
	return cellWidth(reason) <= length
		? reason
		: `${prefixWithin(reason, length - 1).text}…`;
}

/**
 * An engine's kind and version to its minor (`Docker 20.10`, not `Docker 20.10.24+dfsg1`): the
 * chips share one line, and the patch level is in the System pane.
 */
function shortProduct(product: string): string {
	return product.replace(/(\d+\.\d+)\.\S*/, '$1');
}

/** An engine's connection: words in the full form, a sign (and, when down, when and why) otherwise. */
function connectionParts(
	engine: FleetEngine,
	form: ChipForm,
	now: number,
): ChipPart[] {
	const {state} = engine;
	switch (state.status) {
		case 'connected': {
			return [{text: form === 'full' ? '● connected' : '●', tone: 'up'}];
		}

		case 'connecting': {
			return [
				{text: form === 'full' ? '… connecting' : '…', tone: 'connecting'},
			];
		}

		case 'down': {
			const seconds = Math.max(0, Math.ceil((state.retryAt - now) / 1000));
			const when = seconds > 0 ? ` in ${seconds}s` : '…';
			return [
				{
					text:
						form === 'full'
							? `✕ retrying${when}: ${shortReason(state.error)}`
							: form === 'brief'
								? `✕ retrying${when}: ${shortReason(state.error, 16)}`
								: `✕${seconds > 0 ? ` ${seconds}s` : ''}`,
					tone: 'down',
				},
			];
		}
	}
}

/**
 * An engine's containers running / total: `0/0` when it is connected and has none, nothing when
 * none of its rows are known and it is not connected (never listed, or listed empty and now out of
 * reach), where `0/0` would claim it has none.
 */
function countsText(
	engine: FleetEngine,
	counts: EngineCounts | undefined,
): string | undefined {
	if (counts !== undefined) {
		return ` ${counts.running}/${counts.total}`;
	}

	return engine.state.status === 'connected' ? ' 0/0' : undefined;
}

/** One engine's chip in `form`: `[name state kind read-only running/total CPU MEM]`. */
export function chipParts(
	engine: FleetEngine,
	form: ChipForm,
	counts: EngineCounts | undefined,
	figures: EngineFigures | undefined,
	now: number,
): ChipPart[] {
	const containers = countsText(engine, counts);
	return [
		{text: '['},
		{text: engine.name, tone: 'name'},
		{text: ' '},
		// The state before the rest: a chip cut at the width keeps the state it reaches.
		...connectionParts(engine, form, now),
		...(form === 'full' && engine.product !== undefined
			? [{text: ` ${shortProduct(engine.product)}`}]
			: []),
		...(engine.readOnly ? [{text: ' read-only', tone: 'key' as const}] : []),
		...(form === 'bare' || containers === undefined
			? []
			: [{text: containers}]),
		...(form === 'least' || form === 'bare' || figures === undefined
			? []
			: [
					{
						text: ` CPU ${formatPercent(figures.cpuPercent)} MEM ${formatMemory(figures.memory)}`,
					},
				]),
		{text: ']'},
	];
}

/** How the chips are laid out on their line: the form they take, which show, and how many do not. */
export type ChipLayout = {
	readonly form: ChipForm;
	/** The chips shown, in their order: the first ones. */
	readonly shown: readonly number[];
	/** Chips left out, said at the end of the line (`+2 more`). */
	readonly hidden: number;
};

/** What the line ends with when chips are left out. */
export function moreText(hidden: number): string {
	return `${gap}+${hidden} more`;
}

/**
 * The widest form in which every chip fits on the line (the header has two rows: the fleet's
 * totals, and the chips); when even the barest form does not fit, the chips that do, those of
 * engines not connected first (`isTrouble`), the line ending with how many do not.
 * `widthOf(index, form)` is chip `index`'s width in `form`.
 */
export function chipLayout(
	count: number,
	widthOf: (index: number, form: ChipForm) => number,
	width: number,
	isTrouble: (index: number) => boolean,
): ChipLayout {
	const all = Array.from({length: count}, (_, index) => index);
	const lineWidth = (form: ChipForm, chips: readonly number[]): number =>
		chips.reduce((sum, index) => sum + widthOf(index, form), 0) +
		gap.length * Math.max(0, chips.length - 1);
	const form = forms.find(each => lineWidth(each, all) <= width);
	if (form !== undefined) {
		return {form, shown: all, hidden: 0};
	}

	const shown = [
		...all.filter(index => isTrouble(index)),
		...all.filter(index => !isTrouble(index)),
	];
	while (
		shown.length > 1 &&
		lineWidth('bare', shown) + moreText(count - shown.length).length > width
	) {
		shown.pop();
	}

	return {form: 'bare', shown, hidden: count - shown.length};
}

/** The width of a chip's parts on screen. */
export function partsWidth(parts: readonly ChipPart[]): number {
	return cellWidth(parts.map(part => part.text).join(''));
}

/** Between two chips of a line. */
export const chipGap = gap;
