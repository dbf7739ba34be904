import type {ThemeName} from '../cli-flags.js';
import type {Condition} from '../state/container-condition.js';

/** How a highlighted run of text is drawn: a colour pair, or (without colours) inverse video. */
export type Highlight = {
	readonly backgroundColor?: string;
	readonly color?: string;
	readonly inverse?: boolean;
	readonly bold?: boolean;
};

/** Semantic colours: components name a role, never a raw colour. The empty string is no colour. */
export type Theme = {
	readonly text: {title: string; accent: string; dim: string};
	readonly border: {focused: string; idle: string};
	readonly selection: {
		background: string;
		idleBackground: string;
		text: string;
	};
	readonly connection: {up: string; connecting: string; down: string};
	key: string;
	readonly status: {ok: string; error: string};
	pending: string;
	mark: string;
	readonly chart: {cpu: string; memory: string};
	readonly logs: {
		stderr: string;
		match: Highlight;
		currentMatch: Highlight;
		/** A merged log's name column: one colour per container, in turn; red is stderr's. */
		names: string[];
	};
	readonly state: Record<Condition, string>;
};

/**
 * For a dark background. Only the eight basic colours and gray, so that any terminal shows them;
 * each state also has a glyph of its own (`stateGlyphs`), so red and green never carry a meaning
 * alone.
 */
function darkTheme(): Theme {
	return {
		text: {dim: 'gray', title: 'cyan', accent: 'cyan'},
		border: {focused: 'cyan', idle: 'gray'},
		selection: {background: 'blue', idleBackground: 'gray', text: 'white'},
		connection: {up: 'green', connecting: 'yellow', down: 'red'},
		key: 'yellow',
		status: {ok: 'green', error: 'red'},
		pending: 'yellow',
		mark: 'magenta',
		chart: {cpu: 'cyan', memory: 'magenta'},
		logs: {
			stderr: 'red',
			match: {backgroundColor: 'yellow', color: 'black'},
			currentMatch: {backgroundColor: 'magenta', color: 'white'},
			names: ['cyan', 'green', 'yellow', 'magenta', 'blue', 'white'],
		},
		state: {
			running: 'green',
			starting: 'yellow',
			unhealthy: 'red',
			restarting: 'yellow',
			paused: 'yellow',
			created: 'gray',
			exited: 'gray',
			failed: 'red',
			killed: 'yellow',
			'oom-killed': 'magenta',
			dead: 'red',
			removing: 'red',
		},
	};
}

/** For a light background: no yellow or white text (they vanish on white), cyan made blue. */
function lightTheme(): Theme {
	const dark = darkTheme();
	return {
		...dark,
		text: {dim: 'gray', title: 'blue', accent: 'blue'},
		border: {focused: 'blue', idle: 'gray'},
		connection: {up: 'green', connecting: 'magenta', down: 'red'},
		key: 'magenta',
		pending: 'magenta',
		chart: {cpu: 'blue', memory: 'magenta'},
		logs: {
			...dark.logs,
			names: ['blue', 'green', 'magenta', 'cyan', 'black'],
		},
		state: {
			...dark.state,
			starting: 'magenta',
			restarting: 'magenta',
			paused: 'magenta',
			killed: 'magenta',
			'oom-killed': 'red',
		},
	};
}

/**
 * `NO_COLOR`: no colour at all (every colour empty, which Ink draws as none). What colour told
 * is told by glyphs and words already; highlights become inverse video, which is not colour.
 */
function colourless(base: Theme): Theme {
	const none = <K extends string>(record: Record<K, string>) =>
		Object.fromEntries(Object.keys(record).map(key => [key, ''])) as Record<
			K,
			string
		>;
	return {
		text: none(base.text),
		border: none(base.border),
		selection: none(base.selection),
		connection: none(base.connection),
		key: '',
		status: none(base.status),
		pending: '',
		mark: '',
		chart: none(base.chart),
		logs: {
			stderr: '',
			match: {inverse: true},
			currentMatch: {inverse: true, bold: true},
			names: [''],
		},
		state: none(base.state),
	};
}

/**
 * The colours in force. One object for the whole process, changed in place by
 * {@link themeChosen} before the first frame: the choice is made once, as chalk's colour level is,
 * and every component reads its colours from here at render time.
 */
export const theme: Theme = darkTheme();

/** Sets the colours for the background `name` (`--theme`), or none at all (`NO_COLOR`). */
export function themeChosen(name: ThemeName, isColourless: boolean): void {
	const base = name === 'light' ? lightTheme() : darkTheme();
	Object.assign(theme, isColourless ? colourless(base) : base);
}

/** Text props of a list row: highlighted when selected, less loudly in a pane without focus. */
export function rowColors(isSelected: boolean, isFocused: boolean): Highlight {
	if (!isSelected) {
		return {};
	}

	if (theme.selection.background === '') {
		// No colours: inverse in the focused pane, bold where the pane has no focus.
		return isFocused ? {inverse: true} : {bold: true};
	}

	return {
		backgroundColor: isFocused
			? theme.selection.background
			: theme.selection.idleBackground,
		color: theme.selection.text,
	};
}
