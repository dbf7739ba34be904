import stringWidth from 'string-width';

/** Options for {@link ansiToSvg}. */
export type AnsiToSvgOptions = {
	/** Width of the terminal in cells; text beyond it is cut off. */
	readonly columns: number;
	/** Height of the terminal in cells; lines beyond it are cut off, missing ones are blank. */
	readonly rows: number;
	/** Shown in a title bar with the three window dots; without it there is no title bar. */
	readonly title?: string;
};

type Style = {
	/** A `#rrggbb` colour, or undefined for the terminal's default. */
	readonly fg: string | undefined;
	readonly bg: string | undefined;
	readonly bold: boolean;
	readonly dim: boolean;
	readonly italic: boolean;
	readonly underline: boolean;
	readonly strike: boolean;
	readonly inverse: boolean;
	readonly hidden: boolean;
};

type Cell = {
	/** One grapheme cluster; a space for an empty cell. */
	text: string;
	readonly style: Style;
	readonly width: 1 | 2;
};

/** The right half of a wide character. */
type Grid = (Cell | 'continuation')[][];

const fontFamily = `ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace`;
const fontSize = 14;
// 0.6 em is the advance of nearly every monospace font, so textLength rarely has to stretch.
const cellWidth = fontSize * 0.6;
// Whole pixels, so that the backgrounds of adjacent rows meet without an anti-aliased seam.
const cellHeight = 17;
const padX = 14;
const padY = 12;
const titleBarHeight = 32;
const radius = 8;

const defaultFg = '#cccccc';
const defaultBg = '#1e1e1e';
// xterm's layout with the softer tones of VS Code's terminal: pure xterm blue (#0000ee) is
// barely legible on a dark background.
const basePalette = [
	'#000000',
	'#cd3131',
	'#0dbc79',
	'#e5e510',
	'#2472c8',
	'#bc3fbc',
	'#11a8cd',
	'#e5e5e5',
	'#767676',
	'#f14c4c',
	'#23d18b',
	'#f5f543',
	'#3b8eea',
	'#d670d6',
	'#29b8db',
	'#ffffff',
] as const;

const plainStyle: Style = {
	fg: undefined,
	bg: undefined,
	bold: false,
	dim: false,
	italic: false,
	underline: false,
	strike: false,
	inverse: false,
	hidden: false,
};

/**
 * Turns a screen captured with `tmux capture-pane -p -e` into a self-contained SVG of a dark
 * terminal window. Every character sits on a cell grid whatever font the viewer has: runs of
 * ASCII are stretched to their cells with `textLength`, other characters are centred in their
 * cells, and box-drawing and block characters are drawn as shapes so that borders join.
 * Only SGR sequences are understood; every other escape sequence is dropped.
 */
export function ansiToSvg(capture: string, options: AnsiToSvgOptions): string {
	const {columns, rows, title} = options;
	const grid = parse(capture, columns, rows);
	const top = title === undefined ? 0 : titleBarHeight;
	const width = round(columns * cellWidth + 2 * padX);
	const height = round(top + rows * cellHeight + 2 * padY);
	const canvas = new Canvas(padX, top + padY);
	for (const [index, row] of grid.entries()) {
		canvas.drawRow(row, index);
	}

	const label = escapeXml(title ?? 'terminal');
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}" xml:space="preserve">`,
		`<title>${label}</title>`,
		'<style>',
		`text{font-family:${fontFamily};font-size:${fontSize}px;white-space:pre}`,
		...canvas.classRules(),
		'</style>',
		...windowFrame(width, height, title),
		...canvas.elements(),
		'</svg>',
		'',
	].join('\n');
}

function windowFrame(
	width: number,
	height: number,
	title: string | undefined,
): string[] {
	const frame = `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="${radius}" fill="${defaultBg}" stroke="#3c3c3c"/>`;
	if (title === undefined) {
		return [frame];
	}

	const r = radius - 0.5;
	// Only the top corners are round: the bar sits inside the frame's outline.
	const bar = `M0.5 ${titleBarHeight}V${radius}A${r} ${r} 0 0 1 ${radius} 0.5H${width - radius}A${r} ${r} 0 0 1 ${width - 0.5} ${radius}V${titleBarHeight}Z`;
	const dots = ['#ff5f57', '#febc2e', '#28c840'].map(
		(colour, index) =>
			`<circle cx="${20 + index * 20}" cy="${titleBarHeight / 2}" r="6" fill="${colour}"/>`,
	);
	return [
		frame,
		`<path d="${bar}" fill="#2d2d2d" stroke="#3c3c3c"/>`,
		`<line x1="0.5" y1="${titleBarHeight}" x2="${width - 0.5}" y2="${titleBarHeight}" stroke="#3c3c3c"/>`,
		...dots,
		`<text x="${width / 2}" y="${titleBarHeight / 2 + 4.5}" text-anchor="middle" fill="#9d9d9d" style="font-size:13px">${escapeXml(title)}</text>`,
	];
}

// ---------------------------------------------------------------------------------------------
// Parsing

// CSI (7-bit and C1), OSC to BEL or ST, DCS/SOS/PM/APC to ST, and two- or three-byte escapes
// such as `ESC 7` or `ESC ( B`.
const escapePattern =
	// eslint-disable-next-line no-control-regex -- matching terminal control sequences is the point
	/\u001B(?:\[([0-?]*)([ -/]*)([@-~])|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[ -/]*[0-~])|\u009B([0-?]*)([ -/]*)([@-~])|\u001B/gu;
// C0 and C1 controls and lone surrogates: not allowed in XML, and nothing a screen shows.
// eslint-disable-next-line no-control-regex -- see above
const unprintable = /[\u0000-\u001F\u007F-\u009F]|\p{Cs}/gu;

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

function parse(capture: string, columns: number, rows: number): Grid {
	const blankRow = (): Cell[] =>
		Array.from({length: columns}, () => ({
			text: ' ',
			style: plainStyle,
			width: 1 as const,
		}));
	const grid: Grid = Array.from({length: rows}, blankRow);
	// tmux writes each SGR change only once, so a colour set on one line still holds on the next.
	let style = plainStyle;
	const lines = capture.replace(/\r?\n$/, '').split(/\r?\n/);
	for (const [rowIndex, line] of lines.slice(0, rows).entries()) {
		const row = grid[rowIndex]!;
		let column = 0;
		let last: Cell | undefined;
		const write = (text: string): void => {
			for (const {segment} of segmenter.segment(text)) {
				if (segment === '\t') {
					column = Math.min(columns, (Math.floor(column / 8) + 1) * 8);
					last = undefined;
					continue;
				}

				const grapheme = segment.replaceAll(unprintable, '');
				if (grapheme === '') {
					continue;
				}

				const width = Math.min(2, stringWidth(grapheme));
				if (width === 0) {
					// A combining mark or joiner that arrived on its own belongs to the cell before.
					if (last) {
						last.text += grapheme;
					}

					continue;
				}

				if (column + width > columns) {
					column = columns;
					continue;
				}

				const cell: Cell = {text: grapheme, style, width: width === 2 ? 2 : 1};
				row[column] = cell;
				if (width === 2) {
					row[column + 1] = 'continuation';
				}

				column += width;
				last = cell;
			}
		};

		let position = 0;
		for (const match of line.matchAll(escapePattern)) {
			write(line.slice(position, match.index));
			position = match.index + match[0].length;
			const params = match[1] ?? match[4];
			const intermediates = match[2] ?? match[5];
			const final = match[3] ?? match[6];
			// Private-parameter forms such as `ESC [ > 4 ; 2 m` (xterm's modifyOtherKeys) are not SGR.
			if (final === 'm' && intermediates === '' && !/^[<=>?]/.test(params!)) {
				style = applySgr(style, params!);
			}
		}

		write(line.slice(position));
	}

	return grid;
}

function applySgr(start: Style, params: string): Style {
	let style = start;
	const parts = params.split(';');
	for (let index = 0; index < parts.length; index++) {
		const part = parts[index]!;
		const sub = part.split(':');
		const code = sub[0] === '' ? 0 : Number(sub[0]);
		if (code === 38 || code === 48 || code === 58) {
			let colour: string | undefined;
			if (sub.length > 1) {
				colour = extendedColour(sub.slice(1), true);
			} else {
				const rest = parts.slice(index + 1);
				colour = extendedColour(rest, false);
				index += rest[0] === '5' ? 2 : rest[0] === '2' ? 4 : 0;
			}

			// 58 is the underline colour, which this renderer draws in the text's colour.
			if (colour !== undefined && code !== 58) {
				style = code === 38 ? {...style, fg: colour} : {...style, bg: colour};
			}

			continue;
		}

		style = applyCode(style, code, sub);
	}

	return style;
}

function applyCode(style: Style, code: number, sub: string[]): Style {
	if (code >= 30 && code <= 37) {
		return {...style, fg: basePalette[code - 30]};
	}

	if (code >= 90 && code <= 97) {
		return {...style, fg: basePalette[code - 90 + 8]};
	}

	if (code >= 40 && code <= 47) {
		return {...style, bg: basePalette[code - 40]};
	}

	if (code >= 100 && code <= 107) {
		return {...style, bg: basePalette[code - 100 + 8]};
	}

	switch (code) {
		case 0: {
			return plainStyle;
		}

		case 1: {
			return {...style, bold: true};
		}

		case 2: {
			return {...style, dim: true};
		}

		case 3: {
			return {...style, italic: true};
		}

		case 4: {
			// `4:0` is kitty's and VTE's "no underline"; `4:3` a curly one, drawn straight here.
			return {...style, underline: sub[1] !== '0'};
		}

		case 7: {
			return {...style, inverse: true};
		}

		case 8: {
			return {...style, hidden: true};
		}

		case 9: {
			return {...style, strike: true};
		}

		case 21: {
			// ECMA-48 and xterm: doubly underlined.
			return {...style, underline: true};
		}

		case 22: {
			return {...style, bold: false, dim: false};
		}

		case 23: {
			return {...style, italic: false};
		}

		case 24: {
			return {...style, underline: false};
		}

		case 27: {
			return {...style, inverse: false};
		}

		case 28: {
			return {...style, hidden: false};
		}

		case 29: {
			return {...style, strike: false};
		}

		case 39: {
			return {...style, fg: undefined};
		}

		case 49: {
			return {...style, bg: undefined};
		}

		default: {
			// Blink, fonts, overline and the like: nothing a still picture should show.
			return style;
		}
	}
}

/**
 * The colour after a 38/48: `5;n` or `2;r;g;b`. The colon form may carry a colour-space id
 * before r, g and b (`38:2::r:g:b`), which the semicolon form never has.
 */
function extendedColour(
	args: readonly string[],
	colonForm: boolean,
): string | undefined {
	if (args[0] === '5') {
		const index = byte(args[1]);
		return index === undefined ? undefined : indexedColour(index);
	}

	if (args[0] === '2') {
		const rgb =
			colonForm && args.length >= 5 ? args.slice(-3) : args.slice(1, 4);
		const [r, g, b] = rgb.map(value => byte(value));
		return r === undefined || g === undefined || b === undefined
			? undefined
			: hex(r, g, b);
	}

	return undefined;
}

function byte(text: string | undefined): number | undefined {
	if (text === undefined || !/^\d+$/.test(text)) {
		return undefined;
	}

	const value = Number(text);
	return value <= 255 ? value : undefined;
}

function indexedColour(index: number): string {
	if (index < 16) {
		return basePalette[index]!;
	}

	if (index < 232) {
		const levels = [0, 95, 135, 175, 215, 255];
		const n = index - 16;
		return hex(
			levels[Math.floor(n / 36)]!,
			levels[Math.floor(n / 6) % 6]!,
			levels[n % 6]!,
		);
	}

	const grey = 8 + (index - 232) * 10;
	return hex(grey, grey, grey);
}

function hex(r: number, g: number, b: number): string {
	return `#${[r, g, b].map(value => value.toString(16).padStart(2, '0')).join('')}`;
}

// ---------------------------------------------------------------------------------------------
// Drawing

type TextStyle = {
	readonly fill: string;
	readonly bold: boolean;
	readonly italic: boolean;
	readonly dim: boolean;
};

type Segment = {x1: number; y1: number; x2: number; y2: number};

/** Collects the SVG elements of the screen, layer by layer, and the classes for text styles. */
class Canvas {
	private readonly backgrounds: string[] = [];
	private readonly decorations: string[] = [];
	private readonly shapes: string[] = [];
	private readonly texts: string[] = [];
	private readonly classes = new Map<string, {name: string; rule: string}>();
	// Keyed by stroke attributes, so that a border becomes one path per colour and joins cleanly.
	private readonly lines = new Map<string, Segment[]>();

	constructor(
		private readonly left: number,
		private readonly top: number,
	) {}

	drawRow(row: readonly (Cell | 'continuation')[], rowIndex: number): void {
		const y = this.top + rowIndex * cellHeight;
		this.drawBackgrounds(row, y);
		this.drawDecorations(row, y);
		let run: {start: number; text: string; style: TextStyle} | undefined;
		const flush = (): void => {
			if (run) {
				this.drawAsciiRun(run.start, y, run.text, run.style);
			}

			run = undefined;
		};

		for (const [column, cell] of row.entries()) {
			if (cell === 'continuation') {
				continue;
			}

			if (cell.style.hidden) {
				flush();
				continue;
			}

			const style = textStyle(cell.style);
			if (cell.text === ' ') {
				// A space shows only its background, drawn already, so it may join any run.
				if (run) {
					run.text += ' ';
				}

				continue;
			}

			if (/^[!-~]$/.test(cell.text)) {
				if (run && sameTextStyle(run.style, style)) {
					run.text += cell.text;
				} else {
					flush();
					run = {start: column, text: cell.text, style};
				}

				continue;
			}

			flush();
			const x = this.left + column * cellWidth;
			if (
				!drawBoxCharacter(cell.text, x, y, style, this) &&
				!this.drawBlockCharacter(cell.text, x, y, style)
			) {
				this.drawGlyph(cell.text, x, y, cell.width, style);
			}
		}

		flush();
	}

	addLine(
		style: TextStyle,
		width: number,
		dash: string,
		segment: Segment,
	): void {
		const key = `${style.fill}|${style.dim}|${round(width)}|${dash}`;
		const list = this.lines.get(key) ?? [];
		list.push(segment);
		this.lines.set(key, list);
	}

	addShape(element: string): void {
		this.shapes.push(element);
	}

	classRules(): string[] {
		return [...this.classes.values()].map(
			({name, rule}) => `.${name}{${rule}}`,
		);
	}

	elements(): string[] {
		const lines = [...this.lines.entries()].map(([key, segments]) => {
			const [fill, dim, width, dash] = key.split('|');
			return `<path d="${segmentsPath(segments)}" stroke="${fill}" stroke-width="${width}" fill="none"${
				dash ? ` stroke-dasharray="${dash}"` : ''
			}${dim === 'true' ? ' opacity="0.6"' : ''}/>`;
		});
		return [
			...this.backgrounds,
			...this.decorations,
			...lines,
			...this.shapes,
			...this.texts,
		];
	}

	className(style: TextStyle): string {
		const rule = [
			`fill:${style.fill}`,
			...(style.bold ? ['font-weight:bold'] : []),
			...(style.italic ? ['font-style:italic'] : []),
			...(style.dim ? ['opacity:0.6'] : []),
		].join(';');
		let entry = this.classes.get(rule);
		if (!entry) {
			entry = {name: `c${this.classes.size}`, rule};
			this.classes.set(rule, entry);
		}

		return entry.name;
	}

	private drawBackgrounds(
		row: readonly (Cell | 'continuation')[],
		y: number,
	): void {
		let start = 0;
		let current: string | undefined;
		const flush = (end: number): void => {
			if (current !== undefined && end > start) {
				this.backgrounds.push(
					`<rect x="${round(this.left + start * cellWidth)}" y="${y}" width="${round((end - start) * cellWidth)}" height="${cellHeight}" fill="${current}"/>`,
				);
			}
		};

		let lead: Cell | undefined;
		for (const [column, cell] of row.entries()) {
			if (cell !== 'continuation') {
				lead = cell;
			}

			const colour = lead ? backgroundOf(lead.style) : undefined;
			if (colour !== current) {
				flush(column);
				start = column;
				current = colour;
			}
		}

		flush(row.length);
	}

	private drawDecorations(
		row: readonly (Cell | 'continuation')[],
		y: number,
	): void {
		const kinds = [
			{on: (style: Style) => style.underline, offset: cellHeight - 2.5},
			{on: (style: Style) => style.strike, offset: cellHeight / 2},
		];
		for (const {on, offset} of kinds) {
			let start = 0;
			let current: string | undefined;
			const flush = (end: number): void => {
				if (current !== undefined && end > start) {
					this.decorations.push(
						`<rect x="${round(this.left + start * cellWidth)}" y="${round(y + offset)}" width="${round((end - start) * cellWidth)}" height="1" fill="${current}"/>`,
					);
				}
			};

			let lead: Cell | undefined;
			for (const [column, cell] of row.entries()) {
				if (cell !== 'continuation') {
					lead = cell;
				}

				const colour =
					lead && on(lead.style) && !lead.style.hidden
						? textStyle(lead.style).fill
						: undefined;
				if (colour !== current) {
					flush(column);
					start = column;
					current = colour;
				}
			}

			flush(row.length);
		}
	}

	private drawAsciiRun(
		start: number,
		y: number,
		text: string,
		style: TextStyle,
	): void {
		const trimmed = text.trimEnd();
		const x = this.left + start * cellWidth;
		// Stretched (or squeezed) to exactly its cells, so the next run starts on its column in any font.
		this.texts.push(
			`<text x="${round(x)}" y="${round(baseline(y))}" textLength="${round(trimmed.length * cellWidth)}" lengthAdjust="spacingAndGlyphs" class="${this.className(style)}">${escapeXml(trimmed)}</text>`,
		);
	}

	private drawGlyph(
		text: string,
		x: number,
		y: number,
		width: 1 | 2,
		style: TextStyle,
	): void {
		// Centred rather than stretched: such a glyph may come from a fallback font of another width.
		this.texts.push(
			`<text x="${round(x + (width * cellWidth) / 2)}" y="${round(baseline(y))}" text-anchor="middle" class="${this.className(style)}">${escapeXml(text)}</text>`,
		);
	}

	private drawBlockCharacter(
		text: string,
		x: number,
		y: number,
		style: TextStyle,
	): boolean {
		const rects = blockRects(text);
		if (!rects) {
			return false;
		}

		const opacity = (style.dim ? 0.6 : 1) * (rects.opacity ?? 1);
		for (const [left, top, right, bottom] of rects.parts) {
			this.shapes.push(
				`<rect x="${round(x + left * cellWidth)}" y="${round(y + top * cellHeight)}" width="${round((right - left) * cellWidth)}" height="${round((bottom - top) * cellHeight)}" fill="${style.fill}"${
					opacity === 1 ? '' : ` opacity="${round(opacity)}"`
				}/>`,
			);
		}

		return true;
	}
}

function textStyle(style: Style): TextStyle {
	return {
		fill: style.inverse ? (style.bg ?? defaultBg) : (style.fg ?? defaultFg),
		bold: style.bold,
		italic: style.italic,
		dim: style.dim,
	};
}

function sameTextStyle(a: TextStyle, b: TextStyle): boolean {
	return (
		a.fill === b.fill &&
		a.bold === b.bold &&
		a.italic === b.italic &&
		a.dim === b.dim
	);
}

function backgroundOf(style: Style): string | undefined {
	return style.inverse ? (style.fg ?? defaultFg) : style.bg;
}

function baseline(rowTop: number): number {
	// Centres the x-height band of a typical monospace font in the row.
	return rowTop + cellHeight / 2 + fontSize * 0.35;
}

/** Joins touching collinear segments, so that a long border is one stroke without seams. */
function segmentsPath(segments: readonly Segment[]): string {
	const horizontal = segments
		.filter(s => s.y1 === s.y2)
		.map(s => ({
			at: s.y1,
			from: Math.min(s.x1, s.x2),
			to: Math.max(s.x1, s.x2),
		}));
	const vertical = segments
		.filter(s => s.y1 !== s.y2)
		.map(s => ({
			at: s.x1,
			from: Math.min(s.y1, s.y2),
			to: Math.max(s.y1, s.y2),
		}));
	const merge = (list: typeof horizontal) => {
		list.sort((a, b) => a.at - b.at || a.from - b.from);
		const merged: typeof horizontal = [];
		for (const item of list) {
			const previous = merged.at(-1);
			if (previous?.at === item.at && item.from <= previous.to + 0.01) {
				previous.to = Math.max(previous.to, item.to);
			} else {
				merged.push({...item});
			}
		}

		return merged;
	};

	return [
		...merge(horizontal).map(
			({at, from, to}) => `M${round(from)} ${round(at)}H${round(to)}`,
		),
		...merge(vertical).map(
			({at, from, to}) => `M${round(at)} ${round(from)}V${round(to)}`,
		),
	].join('');
}

// ---------------------------------------------------------------------------------------------
// Box drawing (U+2500–U+257F): drawn, not typeset, because a font's glyphs only join when its
// line height matches ours exactly, and the viewer's font is unknown.

/** Weight of an arm: 0 none, 1 light, 2 heavy, 3 double. */
type Weight = 0 | 1 | 2 | 3;
/** Arms up, right, down, left. */
type Arms = readonly [Weight, Weight, Weight, Weight];

// Up, right, down, left for U+2500–U+254B, four digits each, in code point order. The dashed
// lines (U+2504–U+250B) are listed as plain lines and dashed by `dashes`.
const boxArms =
	'0101 0202 1010 2020 0101 0202 1010 2020 0101 0202 1010 2020 ' + // ─━│┃┄┅┆┇┈┉┊┋
	'0110 0210 0120 0220 0011 0012 0021 0022 ' + // ┌┍┎┏┐┑┒┓
	'1100 1200 2100 2200 1001 1002 2001 2002 ' + // └┕┖┗┘┙┚┛
	'1110 1210 2110 1120 2120 2210 1220 2220 ' + // ├┝┞┟┠┡┢┣
	'1011 1012 2011 1021 2021 2012 1022 2022 ' + // ┤┥┦┧┨┩┪┫
	'0111 0112 0211 0212 0121 0122 0221 0222 ' + // ┬┭┮┯┰┱┲┳
	'1101 1102 1201 1202 2101 2102 2201 2202 ' + // ┴┵┶┷┸┹┺┻
	'1111 1112 1211 1212 2111 1121 2121 2112 ' + // ┼┽┾┿╀╁╂╃
	'2211 1122 1221 2212 1222 2122 2221 2222'; // ╄╅╆╇╈╉╊╋
// U+254C–U+257F: double dashes, double lines, arcs, diagonals and half lines.
const boxArmsHigh =
	'0101 0202 1010 2020 ' + // ╌╍╎╏
	'0303 3030 0310 0130 0330 0013 0031 0033 ' + // ═║╒╓╔╕╖╗
	'1300 3100 3300 1003 3001 3003 1310 3130 ' + // ╘╙╚╛╜╝╞╟
	'3330 1013 3031 3033 0313 0131 0333 1303 ' + // ╠╡╢╣╤╥╦╧
	'3101 3303 1313 3131 3333 ' + // ╨╩╪╫╬
	'0110 0011 1001 1100 0000 0000 0000 ' + // ╭╮╯╰╱╲╳
	'0001 1000 0100 0010 0002 2000 0200 0020 0201 1020 0102 2010'; // ╴╵╶╷╸╹╺╻╼╽╾╿

function parseArms(table: string): Arms[] {
	return table
		.trim()
		.split(/\s+/)
		.map(digits => Array.from(digits, Number) as unknown as Arms);
}

const lowArms = parseArms(boxArms);
const highArms = parseArms(boxArmsHigh);

function armsOf(codePoint: number): Arms | undefined {
	if (codePoint >= 0x25_00 && codePoint < 0x25_00 + lowArms.length) {
		return lowArms[codePoint - 0x25_00];
	}

	if (codePoint >= 0x25_4c && codePoint < 0x25_4c + highArms.length) {
		return highArms[codePoint - 0x25_4c];
	}

	return undefined;
}

/** How many dashes per cell the dashed lines have. */
function dashes(codePoint: number): number {
	if (codePoint >= 0x25_04 && codePoint <= 0x25_07) {
		return 3;
	}

	if (codePoint >= 0x25_08 && codePoint <= 0x25_0b) {
		return 4;
	}

	return codePoint >= 0x25_4c && codePoint <= 0x25_4f ? 2 : 1;
}

const lightWidth = round(fontSize / 12);
const heavyWidth = round(lightWidth * 2.2);
const doubleGap = round(lightWidth * 1.4);

function strokeWidth(weight: Weight): number {
	return weight === 2 ? heavyWidth : lightWidth;
}

function drawBoxCharacter(
	text: string,
	x: number,
	y: number,
	style: TextStyle,
	canvas: Canvas,
): boolean {
	const codePoint = text.codePointAt(0) ?? 0;
	const arms = text.length === 1 ? armsOf(codePoint) : undefined;
	if (!arms) {
		return false;
	}

	const cx = x + cellWidth / 2;
	const cy = y + cellHeight / 2;
	const right = x + cellWidth;
	const bottom = y + cellHeight;
	const line = (width: number, segment: Segment, dash = ''): void => {
		canvas.addLine(style, width, dash, segment);
	};

	if (codePoint >= 0x25_71 && codePoint <= 0x25_73) {
		// ╱ ╲ ╳: corner to corner, so that a run of them makes one unbroken slope.
		const rising = `M${round(x)} ${round(bottom)}L${round(right)} ${round(y)}`;
		const falling = `M${round(x)} ${round(y)}L${round(right)} ${round(bottom)}`;
		const d =
			codePoint === 0x25_71
				? rising
				: codePoint === 0x25_72
					? falling
					: rising + falling;
		canvas.addShape(
			`<path d="${d}" stroke="${style.fill}" stroke-width="${lightWidth}" fill="none"${style.dim ? ' opacity="0.6"' : ''}/>`,
		);
		return true;
	}

	if (codePoint >= 0x25_6d && codePoint <= 0x25_70) {
		const r = cellWidth / 2;
		const [up, toRight] = [arms[0] !== 0, arms[1] !== 0];
		const endY = up ? y : bottom;
		const endX = toRight ? right : x;
		const dy = up ? -r : r;
		const dx = toRight ? r : -r;
		canvas.addShape(
			`<path d="M${round(cx)} ${round(endY)}V${round(cy + dy)}Q${round(cx)} ${round(cy)} ${round(cx + dx)} ${round(cy)}H${round(endX)}" stroke="${style.fill}" stroke-width="${lightWidth}" fill="none"${
				style.dim ? ' opacity="0.6"' : ''
			}/>`,
		);
		return true;
	}

	const count = dashes(codePoint);
	// Arms as direction vectors in the order of `Arms`.
	const directions = [
		[0, -1],
		[1, 0],
		[0, 1],
		[-1, 0],
	] as const;
	for (const [index, weight] of arms.entries()) {
		if (weight === 0) {
			continue;
		}

		const [dx, dy] = directions[index]!;
		const horizontal = dy === 0;
		const length = horizontal ? cellWidth / 2 : cellHeight / 2;
		// The arms on either side of this one, e.g. up and down for the right arm.
		const sideA = arms[(index + 3) % 4]!;
		const sideB = arms[(index + 1) % 4]!;
		let dash = '';
		if (count > 1) {
			const period = (length * 2) / count;
			dash = `${round(period * 0.6)} ${round(period * 0.4)}`;
		}

		const segment = (side: number | undefined, from: number): Segment => {
			// Shifted towards `side` (for the two lines of a double arm), then from `from` past the
			// centre out to the edge.
			const [ox, oy] =
				side === undefined ? [0, 0] : directions[side]!.map(v => v * doubleGap);
			return {
				x1: cx + ox! + dx * from,
				y1: cy + oy! + dy * from,
				x2: cx + ox! + dx * length,
				y2: cy + oy! + dy * length,
			};
		};

		if (weight === 3) {
			for (const [side, opposite] of [
				[(index + 3) % 4, (index + 1) % 4],
				[(index + 1) % 4, (index + 3) % 4],
			] as const) {
				const near = arms[side]!;
				const far = arms[opposite]!;
				// A line stops at a double arm on its own side (╬), meets a single one (╞), and
				// reaches round the corner to the outer line of a double arm opposite (╔).
				const from =
					near === 3
						? doubleGap
						: near !== 0
							? -lightWidth / 2
							: far === 3
								? -doubleGap
								: far !== 0
									? -lightWidth / 2
									: 0;
				line(lightWidth, segment(side, from), dash);
			}

			continue;
		}

		const doubles = Number(sideA === 3) + Number(sideB === 3);
		const from =
			doubles === 2
				? doubleGap
				: doubles === 1
					? -doubleGap
					: -Math.max(
							sideA === 0 ? 0 : strokeWidth(sideA),
							sideB === 0 ? 0 : strokeWidth(sideB),
						) / 2;
		line(strokeWidth(weight), segment(undefined, from), dash);
	}

	return true;
}

// ---------------------------------------------------------------------------------------------
// Block elements (U+2580–U+259F), as rectangles in fractions of a cell: left, top, right, bottom.

type Rect = readonly [number, number, number, number];

function blockRects(
	text: string,
): {parts: readonly Rect[]; opacity?: number} | undefined {
	const codePoint = text.length === 1 ? (text.codePointAt(0) ?? 0) : 0;
	if (codePoint === 0x25_80) {
		return {parts: [[0, 0, 1, 0.5]]};
	}

	if (codePoint >= 0x25_81 && codePoint <= 0x25_88) {
		// ▁ to █: lower eighths.
		return {parts: [[0, 1 - (codePoint - 0x25_80) / 8, 1, 1]]};
	}

	if (codePoint >= 0x25_89 && codePoint <= 0x25_8f) {
		// ▉ to ▏: left eighths, from seven down to one.
		return {parts: [[0, 0, (0x25_90 - codePoint) / 8, 1]]};
	}

	if (codePoint === 0x25_90) {
		return {parts: [[0.5, 0, 1, 1]]};
	}

	if (codePoint >= 0x25_91 && codePoint <= 0x25_93) {
		return {parts: [[0, 0, 1, 1]], opacity: (codePoint - 0x25_90) * 0.25};
	}

	if (codePoint === 0x25_94) {
		return {parts: [[0, 0, 1, 1 / 8]]};
	}

	if (codePoint === 0x25_95) {
		return {parts: [[7 / 8, 0, 1, 1]]};
	}

	if (codePoint >= 0x25_96 && codePoint <= 0x25_9f) {
		// Quadrants as bits: upper left, upper right, lower left, lower right.
		const masks = [
			0b0010, 0b0001, 0b1000, 0b1011, 0b1001, 0b1110, 0b1101, 0b0100, 0b0110,
			0b0111,
		];
		const mask = masks[codePoint - 0x25_96]!;
		const quadrants: Rect[] = [
			[0, 0, 0.5, 0.5],
			[0.5, 0, 1, 0.5],
			[0, 0.5, 0.5, 1],
			[0.5, 0.5, 1, 1],
		];
		return {
			parts: quadrants.filter((_, bit) => (mask & (0b1000 >> bit)) !== 0),
		};
	}

	return undefined;
}

// ---------------------------------------------------------------------------------------------

function round(value: number): number {
	return Math.round(value * 100) / 100;
}

function escapeXml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&apos;');
}
