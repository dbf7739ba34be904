// Which keymap scopes are in force: the focused pane's, or the open dialog's, which may depend on
// its stage or its focused field.

import type {Scope} from '../keymap/bindings.js';
import type {AppState, Dialog, DialogOf, Pane} from './app-state.js';
import type {TextViewer} from './text-viewer.js';
import {createChoices} from './create-form.js';
import type {PruneDialog} from './prune-dialog.js';
import {runChoices} from './run-form.js';

const paneScopes: Readonly<Record<Pane, readonly Scope[]>> = {
	containers: ['containers', 'sortable', 'markable', 'list', 'global'],
	images: ['images', 'markable', 'list', 'global'],
	resources: ['resources', 'sortable', 'list', 'global'],
	projects: ['projects', 'list', 'global'],
	volumes: ['volumes', 'markable', 'list', 'global'],
	networks: ['networks', 'markable', 'list', 'global'],
	system: ['system', 'list', 'global'],
	services: ['services', 'list', 'global'],
	nodes: ['nodes', 'list', 'global'],
	events: ['events', 'list', 'global'],
};

const pruneLabelScopes: readonly Scope[] = ['pruneLabel'];
const pruneScopes: Readonly<Record<PruneDialog['stage'], readonly Scope[]>> = {
	choose: ['pruneChoose', 'prune', 'dialogList'],
	loading: ['prune', 'dialogList'],
	preview: ['prunePreview', 'prune', 'dialogList'],
	running: ['prune', 'dialogList'],
	done: ['pruneDone', 'prune', 'dialogList'],
};

const viewerSearchScopes: readonly Scope[] = ['viewerSearch'];
const pullInputScopes: readonly Scope[] = ['pullInput'];
const pullProgressScopes: readonly Scope[] = ['pullProgress', 'dialogList'];
const buildOutputScopes: readonly Scope[] = ['buildOutput', 'viewer'];
const formScopes: readonly Scope[] = ['form'];
const filesScopes: readonly Scope[] = ['files', 'dialogList'];
const filesPromptScopes: readonly Scope[] = ['filesPrompt'];
const processesScopes: readonly Scope[] = ['processes', 'dialogList'];
const processesSignalScopes: readonly Scope[] = ['processesSignal'];
// A choice field picks from its list with keys of its own.
const formChoiceScopes: readonly Scope[] = ['formChoice'];

/** The same scopes whatever the dialog's stage. */
function always(scopes: readonly Scope[]): () => readonly Scope[] {
	return () => scopes;
}

/** A text viewer's scopes, but only its search prompt's while that is open. */
function inViewer(
	scopes: readonly Scope[],
): (dialog: {readonly viewer: TextViewer}) => readonly Scope[] {
	return dialog =>
		dialog.viewer.draft === undefined ? scopes : viewerSearchScopes;
}

/**
 * The scopes of each kind of dialog, given the dialog. A dialog is modal: only its own scopes
 * apply. Each call returns one of the arrays above, so that what depends on the scopes can tell
 * by identity when they change.
 */
const dialogScopes: {
	readonly [K in Dialog['kind']]: (dialog: DialogOf<K>) => readonly Scope[];
} = {
	help: always(['help', 'dialogList']),
	filter: always(['filter']),
	exec: always(['exec']),
	confirm: always(['confirm', 'dialogList']),
	prune: dialog =>
		dialog.isEditingLabel ? pruneLabelScopes : pruneScopes[dialog.stage],
	hosts: always(['hosts', 'dialogList']),
	'engine-choice': always(['engineChoice', 'dialogList']),
	audit: always(['audit', 'dialogList']),
	logs: inViewer(['logs', 'viewer']),
	details: inViewer(['details', 'viewer']),
	text: inViewer(['text', 'viewer']),
	'compose-down': always(['composeDown', 'dialogList']),
	'compose-output': inViewer(['composeOutput', 'viewer']),
	scale: always(['scale']),
	'swarm-confirm': always(['swarmConfirm', 'dialogList']),
	create: dialog =>
		createChoices[dialog.form.focused] === undefined
			? formScopes
			: formChoiceScopes,
	pull: dialog =>
		dialog.stage === 'input' ? pullInputScopes : pullProgressScopes,
	run: dialog =>
		runChoices[dialog.form.focused] === undefined
			? formScopes
			: formChoiceScopes,
	build: dialog =>
		dialog.stage === 'form' ? formScopes : inViewer(buildOutputScopes)(dialog),
	// The line typed at the browser's foot, and the choice of a signal, have keys of their own.
	files: dialog =>
		dialog.prompt === undefined ? filesScopes : filesPromptScopes,
	processes: dialog =>
		dialog.signal === undefined ? processesScopes : processesSignalScopes,
	palette: always(['palette']),
};

/** The scopes of `dialog`, by its kind. */
function scopesOf<K extends Dialog['kind']>(
	dialog: DialogOf<K>,
): readonly Scope[] {
	return dialogScopes[dialog.kind](dialog);
}

/** The keymap scopes in force, innermost first. */
export function activeScopes(state: AppState): readonly Scope[] {
	const {dialog, focus} = state.ui;
	return dialog === undefined ? paneScopes[focus] : scopesOf(dialog);
}

/** The scopes in force while `pane` has focus and no dialog is open: what its help lists. */
export function scopesOfPane(pane: Pane): readonly Scope[] {
	return paneScopes[pane];
}
