// The command palette (`:`): one typed line that finds any command of the focused pane and the
// app, any object or engine by name, and runs the command, jumps to the object or switches to the
// engine.

import type {Command} from '../keymap/commands.js';
import {withUi, type AppState, type Pane, type Update} from './app-state.js';
import {dialogClosed, updateDialog} from './dialog-slot.js';
import {imageReference, imageRows} from './image-rows.js';
import {projectsOf} from './compose-projects.js';
import {memoizeLast} from './memo.js';
import {paneFocused} from './selection.js';
import {availablePanes, visibleIds} from './selectors.js';
import {
	lineEdited,
	textField,
	type LineEdit,
	type TextField,
} from './text-field.js';

/** A command the palette offers, with the keys in force for it, as the help shows them. */
export type PaletteCommand = {
	readonly command: Command;
	readonly description: string;
	/** The keys in force, described (`d`, `Ctrl-C`): the palette teaches them. */
	readonly keys: string;
};

/** One line the palette can offer: a command to run, or an object to jump to. */
export type PaletteEntry =
	| {
			readonly kind: 'command';
			/** Unique among entries: what recent choices are remembered by. */
			readonly key: string;
			readonly label: string;
			readonly command: Command;
			readonly keys: string;
	  }
	| {
			readonly kind: 'object';
			readonly key: string;
			readonly label: string;
			readonly pane: Pane;
			readonly id: string;
	  }
	| {
			readonly kind: 'engine';
			readonly key: string;
			readonly label: string;
			/** The host switcher's id of the engine. */
			readonly id: string;
			readonly isCurrent: boolean;
	  };

/** An engine the host switcher offers (a docker context, a host of the config), by name. */
export type PaletteEngine = {
	readonly id: string;
	readonly name: string;
	/** The engine dockmate is connected to now. */
	readonly isCurrent: boolean;
};

export type PaletteDialog = {
	readonly kind: 'palette';
	readonly draft: TextField;
	/** Index of the chosen line among the matches. */
	readonly cursor: number;
	/** The commands in force where the palette was opened, taken from the keymap then. */
	readonly commands: readonly PaletteCommand[];
	/** The engines to switch to, listed when the palette opened. */
	readonly engines: readonly PaletteEngine[];
};

/** How many recent choices are remembered, newest first. */
const recentLimit = 20;

/** Opens the palette over the focused pane, offering `commands` and `engines`. */
export function paletteOpened(
	commands: readonly PaletteCommand[],
	engines: readonly PaletteEngine[],
): Update {
	return state =>
		withUi(state, {
			dialog: {
				kind: 'palette',
				draft: textField(),
				cursor: 0,
				commands,
				engines,
			},
		});
}

/** The palette's typed line was edited: a changed text takes the choice back to the best match. */
export function paletteEdited(edit: LineEdit): Update {
	return updateDialog('palette', dialog => {
		const draft = lineEdited(dialog.draft, edit);
		return draft.text === dialog.draft.text
			? {...dialog, draft}
			: {...dialog, draft, cursor: 0};
	});
}

/** The choice moved `step` lines, within the matches. */
export function paletteCursorMoved(step: number): Update {
	return state =>
		updateDialog('palette', dialog => {
			const last = Math.max(0, paletteMatches(state).length - 1);
			const cursor = Math.max(0, Math.min(last, dialog.cursor + step));
			return cursor === dialog.cursor ? dialog : {...dialog, cursor};
		})(state);
}

/** The panes whose objects the palette finds by name, in the order it lists them on a tie. */
const objectPanes = [
	'containers',
	'images',
	'volumes',
	'networks',
	'projects',
	'services',
] as const satisfies readonly Pane[];

/** Every object the palette can jump to, by the name its pane shows. */
const byName = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

const objectsOf = memoizeLast(
	(
		containers: AppState['containers']['byId'],
		images: AppState['images']['byId'],
		volumes: AppState['volumes']['byId'],
		networks: AppState['networks']['byId'],
		projects: ReadonlyMap<string, {readonly id: string}>,
		services: AppState['swarm']['services']['byId'],
	): readonly PaletteEntry[] => {
		const named: Record<
			(typeof objectPanes)[number],
			Iterable<readonly [string, string]>
		> = {
			containers: [...containers.values()].map(c => [c.id, c.name] as const),
			images: [...imageRows(images).values()].map(
				row => [row.id, imageReference(row)] as const,
			),
			volumes: [...volumes.keys()].map(name => [name, name] as const),
			networks: [...networks.values()].map(n => [n.id, n.name] as const),
			projects: [...projects.keys()].map(name => [name, name] as const),
			services: [...services.values()].map(s => [s.id, s.name] as const),
		};
		// By name within a pane, as the panes list them: equal matches keep this order, so `:web`
		// offers web-1 before web-2 whatever order the engine listed them in.
		return objectPanes.flatMap(pane =>
			Array.from(named[pane], ([id, label]): PaletteEntry => ({
				kind: 'object',
				key: `${pane}:${id}`,
				label,
				pane,
				id,
			})).sort((a, b) => byName.compare(a.label, b.label)),
		);
	},
);

/**
 * How well `text` matches `query` (lower case): 4 it starts with it, 3 a word of it does (`:logs`
 * finds "Show the logs", `:web` "app_web_1"), 2 it holds it, 1 it holds its letters in order
 * (`:rmc`, "remove container"), 0 not at all.
 */
function matcher(query: string): (text: string) => number {
	const wordStart = new RegExp(
		`[^\\p{L}\\p{N}]${query.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`)}`,
		'u',
	);
	return text => {
		const lower = text.toLowerCase();
		if (lower.startsWith(query)) {
			return 4;
		}

		if (wordStart.test(lower)) {
			return 3;
		}

		if (lower.includes(query)) {
			return 2;
		}

		let from = 0;
		for (const char of query) {
			const found = lower.indexOf(char, from);
			if (found === -1) {
				return 0;
			}

			from = found + char.length;
		}

		return 1;
	};
}

/** The texts an entry is found by: an object's name; a command's description and its name. */
function searchedTexts(entry: PaletteEntry): readonly string[] {
	return entry.kind === 'command'
		? [entry.label, entry.command]
		: [entry.label];
}

/**
 * The entries that match `query`, best first: prefix matches, then matches at a word's start, then
 * anywhere, then letters in order; within each, recent choices first (newest first), then the
 * entries' own order (commands, then containers, images…). An empty query lists everything,
 * recent choices first.
 */
export function rankEntries(
	entries: readonly PaletteEntry[],
	query: string,
	recent: readonly string[],
): readonly PaletteEntry[] {
	const wanted = query.trim().toLowerCase();
	const recency = new Map(recent.map((key, index) => [key, index]));
	const tierOf = matcher(wanted);
	const scored: {entry: PaletteEntry; tier: number; order: number}[] = [];
	for (const [order, entry] of entries.entries()) {
		const tier =
			wanted === '' ? 1 : Math.max(...searchedTexts(entry).map(tierOf));
		if (tier > 0) {
			scored.push({entry, tier, order});
		}
	}

	const recentRank = (entry: PaletteEntry): number =>
		recency.get(entry.key) ?? recent.length;
	return scored
		.sort(
			(a, b) =>
				b.tier - a.tier ||
				recentRank(a.entry) - recentRank(b.entry) ||
				a.order - b.order,
		)
		.map(({entry}) => entry);
}

const matchesOf = memoizeLast(
	(
		commands: readonly PaletteCommand[],
		objects: readonly PaletteEntry[],
		engines: readonly PaletteEngine[],
		draft: string,
		recent: readonly string[],
	): readonly PaletteEntry[] =>
		rankEntries(
			[
				...commands.map(({command, description, keys}): PaletteEntry => ({
					kind: 'command',
					key: `command:${command}`,
					label: description,
					command,
					keys,
				})),
				...objects,
				...engines.map(({id, name, isCurrent}): PaletteEntry => ({
					kind: 'engine',
					key: `engine:${id}`,
					label: name,
					id,
					isCurrent,
				})),
			],
			draft,
			recent,
		),
);

const noMatches: readonly PaletteEntry[] = [];

/** What the open palette offers for its typed line, best first; none when it is not open. */
export function paletteMatches(state: AppState): readonly PaletteEntry[] {
	const {dialog} = state.ui;
	if (dialog?.kind !== 'palette') {
		return noMatches;
	}

	const objects = objectsOf(
		state.containers.byId,
		state.images.byId,
		state.volumes.byId,
		state.networks.byId,
		projectsOf(state),
		state.swarm.services.byId,
	);
	return matchesOf(
		dialog.commands,
		objects,
		dialog.engines,
		dialog.draft.text,
		state.ui.recentPicks,
	);
}

/** The entry under the palette's choice, if any matches. */
export function paletteChoice(state: AppState): PaletteEntry | undefined {
	const {dialog} = state.ui;
	const matches = paletteMatches(state);
	return dialog?.kind === 'palette'
		? matches[Math.min(dialog.cursor, matches.length - 1)]
		: undefined;
}

/** `entry` was chosen: the palette closes, and remembers it first among recent choices. */
export function palettePicked(entry: PaletteEntry): Update {
	return state =>
		withUi(dialogClosed(state), {
			recentPicks: [
				entry.key,
				...state.ui.recentPicks.filter(key => key !== entry.key),
			].slice(0, recentLimit),
		});
}

/**
 * Focuses the object's pane and selects it: its pane's filter, or the running-only view, is put
 * aside if it hides the object.
 */
export function objectJumpedTo(pane: Pane, id: string): Update {
	return state => {
		if (!availablePanes(state).includes(pane)) {
			return state;
		}

		let next = paneFocused(pane)(state);
		if (!visibleIds(next, pane).includes(id)) {
			next = withUi(next, {
				filters: {...next.ui.filters, [pane]: ''},
				showAll: pane === 'containers' ? true : next.ui.showAll,
			});
		}

		return withUi(next, {selection: {...next.ui.selection, [pane]: id}});
	};
}
