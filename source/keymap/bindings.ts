import type {Command} from './commands.js';

/** Scopes in which a printable key that is bound to nothing is typed as text. */
export const textScopes: ReadonlySet<Scope> = new Set([
	'filter',
	'exec',
	'pruneLabel',
]);

/**
 * Where a binding applies. `global` and `list` apply under any pane; a pane scope only when it has
 * focus; a dialog scope only while that dialog is open, and then nothing else does (modal).
 */
export type Scope =
	| 'global'
	| 'list'
	| 'sortable'
	| 'markable'
	| 'containers'
	| 'images'
	| 'resources'
	| 'help'
	| 'filter'
	| 'exec'
	| 'confirm'
	| 'prune'
	| 'pruneLabel'
	| 'log';

export type Binding = {
	readonly command: Command;
	/** Chords in `chord.ts` notation: `j`, `G`, `down`, `ctrl+c`, `shift+tab`, `pageup`. */
	readonly keys: readonly string[];
	readonly scope: Scope;
};

/** The default keymap: the one table that input handling, the footer and the help overlay read. */
export const bindings: readonly Binding[] = [
	{command: 'app.quit', keys: ['q', 'ctrl+c'], scope: 'global'},
	{command: 'app.help', keys: ['?'], scope: 'global'},
	{command: 'focus.next', keys: ['tab'], scope: 'global'},
	{command: 'focus.previous', keys: ['shift+tab'], scope: 'global'},
	{command: 'focus.containers', keys: ['1'], scope: 'global'},
	{command: 'focus.images', keys: ['2'], scope: 'global'},
	{command: 'focus.resources', keys: ['3'], scope: 'global'},
	{command: 'list.down', keys: ['j', 'down'], scope: 'list'},
	{command: 'list.up', keys: ['k', 'up'], scope: 'list'},
	{command: 'list.pageDown', keys: ['pagedown', 'ctrl+d'], scope: 'list'},
	{command: 'list.pageUp', keys: ['pageup', 'ctrl+u'], scope: 'list'},
	{command: 'list.top', keys: ['g', 'home'], scope: 'list'},
	{command: 'list.bottom', keys: ['G', 'end'], scope: 'list'},
	{command: 'list.filter', keys: ['/'], scope: 'list'},
	{command: 'containers.toggleAll', keys: ['a'], scope: 'containers'},
	{command: 'container.exec', keys: ['e'], scope: 'containers'},
	{command: 'container.execCommand', keys: ['E'], scope: 'containers'},
	{command: 'container.startStop', keys: ['s'], scope: 'containers'},
	{command: 'container.restart', keys: ['r'], scope: 'containers'},
	{command: 'container.pause', keys: ['p'], scope: 'containers'},
	{command: 'container.kill', keys: ['K'], scope: 'containers'},
	{command: 'item.remove', keys: ['d'], scope: 'markable'},
	{command: 'mark.toggle', keys: ['space'], scope: 'markable'},
	{command: 'mark.all', keys: ['ctrl+a', '*'], scope: 'markable'},
	{command: 'mark.clear', keys: ['esc'], scope: 'markable'},
	{command: 'app.prune', keys: ['P'], scope: 'global'},
	{command: 'app.log', keys: ['L'], scope: 'global'},
	{command: 'sort.cpu', keys: ['C'], scope: 'sortable'},
	{command: 'sort.memory', keys: ['M'], scope: 'sortable'},
	{command: 'sort.name', keys: ['N'], scope: 'sortable'},
	{command: 'filter.keep', keys: ['enter'], scope: 'filter'},
	{command: 'filter.clear', keys: ['esc'], scope: 'filter'},
	{
		command: 'filter.deleteBack',
		keys: ['backspace', 'delete'],
		scope: 'filter',
	},
	{command: 'filter.clearText', keys: ['ctrl+u'], scope: 'filter'},
	{command: 'help.close', keys: ['esc', '?', 'q'], scope: 'help'},
	{command: 'exec.run', keys: ['enter'], scope: 'exec'},
	{command: 'dialog.cancel', keys: ['esc'], scope: 'exec'},
	{command: 'filter.deleteBack', keys: ['backspace', 'delete'], scope: 'exec'},
	{command: 'filter.clearText', keys: ['ctrl+u'], scope: 'exec'},
	{command: 'confirm.yes', keys: ['y'], scope: 'confirm'},
	{command: 'dialog.cancel', keys: ['n', 'esc', 'q'], scope: 'confirm'},
	{command: 'confirm.force', keys: ['f'], scope: 'confirm'},
	{command: 'confirm.volumes', keys: ['v'], scope: 'confirm'},
	{command: 'prune.down', keys: ['j', 'down'], scope: 'prune'},
	{command: 'prune.up', keys: ['k', 'up'], scope: 'prune'},
	{command: 'prune.toggle', keys: ['space'], scope: 'prune'},
	{command: 'prune.next', keys: ['enter'], scope: 'prune'},
	{command: 'prune.age', keys: ['u'], scope: 'prune'},
	{command: 'prune.volumesAll', keys: ['A'], scope: 'prune'},
	{command: 'prune.everything', keys: ['a'], scope: 'prune'},
	{command: 'prune.label', keys: ['l'], scope: 'prune'},
	{command: 'prune.labelDone', keys: ['enter', 'esc'], scope: 'pruneLabel'},
	{
		command: 'filter.deleteBack',
		keys: ['backspace', 'delete'],
		scope: 'pruneLabel',
	},
	{command: 'filter.clearText', keys: ['ctrl+u'], scope: 'pruneLabel'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'pruneLabel'},
	{command: 'dialog.cancel', keys: ['esc', 'q'], scope: 'prune'},
	{command: 'log.down', keys: ['j', 'down'], scope: 'log'},
	{command: 'log.up', keys: ['k', 'up'], scope: 'log'},
	{command: 'dialog.cancel', keys: ['esc', 'q', 'L'], scope: 'log'},
	// Ctrl-C quits from anywhere, dialogs included.
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'help'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'filter'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'exec'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'confirm'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'prune'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'log'},
];
