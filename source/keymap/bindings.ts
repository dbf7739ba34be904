import type {Command} from './commands.js';

/** Scopes in which a printable key that is bound to nothing is typed as text. */
export const textScopes: ReadonlySet<Scope> = new Set([
	'filter',
	'exec',
	'pruneLabel',
	'pullInput',
	'form',
	// The restart policy is typed too (on-failure:3); a yes/no choice ignores text.
	'formChoice',
	'viewerSearch',
	'scale',
	'filesPrompt',
	'palette',
]);

/**
 * Where a binding applies. `global` and `list` apply under any pane; a pane scope only when it has
 * focus; a dialog scope only while that dialog is open, and then nothing else does (modal).
 */
export const scopes = [
	'global',
	'list',
	'sortable',
	'markable',
	'containers',
	'images',
	'pullInput',
	'pullProgress',
	'form',
	'formChoice',
	'buildOutput',
	'resources',
	'projects',
	'volumes',
	'networks',
	'system',
	'services',
	'nodes',
	'composeDown',
	'composeOutput',
	'scale',
	'swarmConfirm',
	// The list of any dialog that lists things: the same keys scroll it everywhere.
	'dialogList',
	'help',
	'filter',
	'exec',
	'confirm',
	'prune',
	// The prune dialog's stages, each with only the keys that act in it: the footer and the help
	// then never offer Enter where it does nothing, nor `y` before there is a preview.
	'pruneChoose',
	'prunePreview',
	'pruneDone',
	'hosts',
	// The engine chooser: which engine of a fleet a pull, a build, a volume or a network goes to.
	'engineChoice',
	'pruneLabel',
	'audit',
	'logs',
	'events',
	'details',
	// Every dialog that shows text (logs, details, a file): the same keys move and search it.
	'viewer',
	'viewerSearch',
	// Any text opened in the viewer, with nothing of its own.
	'text',
	// The files browser (`f`), and the line typed at its foot (filter, copy's folder).
	'files',
	'filesPrompt',
	// The processes view (`t`), and the choice of a signal for `K`.
	'processes',
	'processesSignal',
	// The command palette (`:`): its typed line and its list of matches.
	'palette',
] as const;
export type Scope = (typeof scopes)[number];

export type Binding = {
	readonly command: Command;
	/** Chords in `chord.ts` notation: `j`, `G`, `down`, `ctrl+c`, `shift+tab`, `pageup`. */
	readonly keys: readonly string[];
	readonly scope: Scope;
	/** What the command does in this scope, where its own description would not say it. */
	readonly description?: string;
	/** The footer's label for the command in this scope, where it differs from its own. */
	readonly hint?: string;
};

/** The commands that move through whatever the scope shows: a list, a dialog's list, a text. */
type ScrollCommand =
	| 'scroll.down'
	| 'scroll.up'
	| 'scroll.pageDown'
	| 'scroll.pageUp'
	| 'scroll.top'
	| 'scroll.bottom';

const scrollKeys: Readonly<Record<ScrollCommand, readonly string[]>> = {
	'scroll.down': ['j', 'down'],
	'scroll.up': ['k', 'up'],
	'scroll.pageDown': ['pagedown', 'ctrl+d'],
	'scroll.pageUp': ['pageup', 'ctrl+u'],
	'scroll.top': ['g', 'home'],
	'scroll.bottom': ['G', 'end'],
};

/** How a scroll command reads in one scope; `false`: the scope does not bind it. */
type ScrollWords =
	false | Partial<Pick<Binding, 'description' | 'hint' | 'keys'>>;

/**
 * The same scroll keys in `scope`, each command with the words that say what it does there
 * (following a log, or paging a text by its lines) where the command's own do not.
 */
function scrollBindings(
	scope: Scope,
	words: Partial<Record<ScrollCommand, ScrollWords>> = {},
): Binding[] {
	return Object.entries(scrollKeys).flatMap(([command, keys]): Binding[] => {
		const scoped = words[command as ScrollCommand] ?? {};
		return scoped === false
			? []
			: [{command: command as ScrollCommand, keys, scope, ...scoped}];
	});
}

/** The commands that edit a line of text. */
type LineCommand = Extract<Command, `line.${string}`>;

/** The keys of readline (and so of a shell's prompt) that edit a line. */
const lineKeys: Readonly<Record<LineCommand, readonly string[]>> = {
	'line.left': ['left'],
	'line.right': ['right'],
	'line.home': ['home', 'ctrl+a'],
	'line.end': ['end', 'ctrl+e'],
	'line.wordLeft': ['alt+b', 'ctrl+left'],
	'line.wordRight': ['alt+f', 'ctrl+right'],
	'line.deleteBack': ['backspace'],
	'line.deleteForward': ['delete'],
	'line.deleteWordBack': ['ctrl+w'],
	'line.deleteToStart': ['ctrl+u'],
	'line.deleteToEnd': ['ctrl+k'],
};

/**
 * The line-editing keys in a scope that types text (every one of `textScopes`), but for those of
 * `except`, whose keys the scope spends on something else.
 */
function lineBindings(
	scope: Scope,
	except: readonly LineCommand[] = [],
): Binding[] {
	return Object.entries(lineKeys)
		.filter(([command]) => !except.includes(command as LineCommand))
		.map(([command, keys]) => ({command: command as LineCommand, keys, scope}));
}

/** The default keymap: the one table that input handling, the footer and the help overlay read. */
export const bindings: readonly Binding[] = [
	{command: 'app.quit', keys: ['q', 'ctrl+c'], scope: 'global'},
	{command: 'app.help', keys: ['?'], scope: 'global'},
	{command: 'focus.next', keys: ['tab'], scope: 'global'},
	{command: 'focus.previous', keys: ['shift+tab'], scope: 'global'},
	{command: 'focus.back', keys: ['-'], scope: 'global'},
	{command: 'focus.containers', keys: ['1'], scope: 'global'},
	{command: 'focus.images', keys: ['2'], scope: 'global'},
	{command: 'focus.resources', keys: ['3'], scope: 'global'},
	{command: 'focus.projects', keys: ['4'], scope: 'global'},
	{command: 'focus.volumes', keys: ['5'], scope: 'global'},
	{command: 'focus.networks', keys: ['6'], scope: 'global'},
	{command: 'focus.events', keys: ['7'], scope: 'global'},
	{command: 'focus.system', keys: ['8'], scope: 'global'},
	{command: 'volume.create', keys: ['n'], scope: 'volumes'},
	{command: 'network.create', keys: ['n'], scope: 'networks'},
	{command: 'image.pull', keys: ['u'], scope: 'images'},
	{command: 'image.run', keys: ['n'], scope: 'images'},
	{command: 'image.build', keys: ['b'], scope: 'images'},
	// Images and volumes sort by what cleaning up goes by: the biggest (and oldest) first.
	{command: 'sort.size', keys: ['S'], scope: 'images'},
	{command: 'sort.age', keys: ['A'], scope: 'images'},
	{command: 'sort.name', keys: ['N'], scope: 'images'},
	{command: 'sort.engine', keys: ['H'], scope: 'images'},
	{command: 'sort.size', keys: ['S'], scope: 'volumes'},
	{command: 'sort.name', keys: ['N'], scope: 'volumes'},
	{command: 'sort.engine', keys: ['H'], scope: 'volumes'},
	{command: 'pull.start', keys: ['enter'], scope: 'pullInput'},
	{command: 'dialog.cancel', keys: ['esc'], scope: 'pullInput'},
	...lineBindings('pullInput'),
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'pullInput'},
	// No Enter: a key pressed out of habit must not call off a pull under way.
	{command: 'pull.close', keys: ['esc', 'q'], scope: 'pullProgress'},
	{command: 'pull.edit', keys: ['u'], scope: 'pullProgress'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'pullProgress'},
	...(['form', 'formChoice'] as const).flatMap((scope): Binding[] => [
		{command: 'field.go', keys: ['ctrl+g'], scope},
		{command: 'field.next', keys: ['tab', 'down'], scope},
		{command: 'field.previous', keys: ['shift+tab', 'up'], scope},
		{command: 'field.enter', keys: ['enter'], scope},
		{command: 'dialog.cancel', keys: ['esc'], scope},
		{command: 'app.quit', keys: ['ctrl+c'], scope},
	]),
	...lineBindings('form'),
	{command: 'field.cycle', keys: ['space', 'right'], scope: 'formChoice'},
	{command: 'field.cycleBack', keys: ['left'], scope: 'formChoice'},
	// Left and Right pick the choice; a typed one (on-failure:3) is short.
	...lineBindings('formChoice', ['line.left', 'line.right']),
	{command: 'build.close', keys: ['esc', 'q'], scope: 'buildOutput'},
	{command: 'build.edit', keys: ['b'], scope: 'buildOutput'},
	{command: 'viewer.follow', keys: ['f'], scope: 'buildOutput'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'buildOutput'},
	{command: 'system.refresh', keys: ['r'], scope: 'system'},
	{command: 'system.prune', keys: ['p'], scope: 'system'},
	{command: 'system.order', keys: ['s'], scope: 'system'},
	{command: 'focus.services', keys: ['9'], scope: 'global'},
	{command: 'focus.nodes', keys: ['0'], scope: 'global'},
	{command: 'project.restart', keys: ['r'], scope: 'projects'},
	{command: 'project.startStop', keys: ['s'], scope: 'projects'},
	{command: 'project.remove', keys: ['d'], scope: 'projects'},
	{command: 'project.logs', keys: ['l'], scope: 'projects'},
	{command: 'compose.up', keys: ['U'], scope: 'projects'},
	{command: 'compose.down', keys: ['D'], scope: 'projects'},
	{command: 'service.scale', keys: ['s'], scope: 'services'},
	{command: 'service.logs', keys: ['l'], scope: 'services'},
	{command: 'service.remove', keys: ['d'], scope: 'services'},
	{command: 'node.availability', keys: ['D'], scope: 'nodes'},
	...scrollBindings('list', {
		'scroll.down': {description: 'Move down'},
		'scroll.up': {description: 'Move up'},
		'scroll.pageDown': {description: 'Move down one page'},
		'scroll.pageUp': {description: 'Move up one page'},
		'scroll.top': {description: 'Go to the first row'},
		'scroll.bottom': {description: 'Go to the last row'},
	}),
	{command: 'list.filter', keys: ['/'], scope: 'list'},
	{command: 'copy.id', keys: ['y'], scope: 'list'},
	{command: 'copy.name', keys: ['Y'], scope: 'list'},
	{command: 'containers.toggleAll', keys: ['a'], scope: 'containers'},
	{command: 'container.exec', keys: ['e'], scope: 'containers'},
	{command: 'container.execCommand', keys: ['E'], scope: 'containers'},
	{command: 'container.startStop', keys: ['s'], scope: 'containers'},
	{command: 'container.restart', keys: ['r'], scope: 'containers'},
	{command: 'container.pause', keys: ['p'], scope: 'containers'},
	{command: 'container.kill', keys: ['K'], scope: 'containers'},
	{command: 'logs.open', keys: ['l'], scope: 'containers'},
	{command: 'logs.open', keys: ['l'], scope: 'resources'},
	{command: 'item.remove', keys: ['d'], scope: 'markable'},
	{command: 'mark.toggle', keys: ['space'], scope: 'markable'},
	{command: 'mark.all', keys: ['ctrl+a', '*'], scope: 'markable'},
	// In every list, not only the markable ones: with no marks, Esc clears the kept filter.
	{command: 'mark.clear', keys: ['esc'], scope: 'list'},
	{command: 'app.prune', keys: ['P'], scope: 'global'},
	{command: 'audit.open', keys: ['L'], scope: 'global'},
	{command: 'hosts.open', keys: ['c'], scope: 'global'},
	{command: 'fleet.engine', keys: ['F'], scope: 'global'},
	{command: 'hosts.choose', keys: ['enter'], scope: 'hosts'},
	{command: 'hosts.close', keys: ['esc', 'q', 'c'], scope: 'hosts'},
	{command: 'engines.choose', keys: ['enter'], scope: 'engineChoice'},
	{command: 'dialog.cancel', keys: ['esc', 'q'], scope: 'engineChoice'},
	{command: 'sort.cpu', keys: ['C'], scope: 'sortable'},
	{command: 'sort.memory', keys: ['M'], scope: 'sortable'},
	{command: 'sort.name', keys: ['N'], scope: 'sortable'},
	{command: 'sort.engine', keys: ['H'], scope: 'sortable'},
	{command: 'filter.keep', keys: ['enter'], scope: 'filter'},
	{command: 'filter.clear', keys: ['esc'], scope: 'filter'},
	...lineBindings('filter'),
	{command: 'help.close', keys: ['esc', '?', 'q'], scope: 'help'},
	{command: 'exec.run', keys: ['enter'], scope: 'exec'},
	{command: 'dialog.cancel', keys: ['esc'], scope: 'exec'},
	...lineBindings('exec'),
	...scrollBindings('dialogList', {
		'scroll.down': {description: 'Down one line of the list', hint: 'scroll'},
		'scroll.up': {description: 'Up one line of the list'},
		'scroll.pageDown': {description: 'Down one page of the list'},
		'scroll.pageUp': {description: 'Up one page of the list'},
		'scroll.top': {description: 'Go to the first line of the list'},
		'scroll.bottom': {description: 'Go to the last line of the list'},
	}),
	{command: 'confirm.yes', keys: ['y'], scope: 'confirm'},
	{command: 'dialog.cancel', keys: ['n', 'esc', 'q'], scope: 'confirm'},
	{command: 'confirm.force', keys: ['f'], scope: 'confirm'},
	{command: 'confirm.volumes', keys: ['v'], scope: 'confirm'},
	{command: 'prune.toggle', keys: ['space'], scope: 'pruneChoose'},
	{command: 'prune.next', keys: ['enter'], scope: 'pruneChoose'},
	{command: 'prune.age', keys: ['u'], scope: 'pruneChoose'},
	{command: 'prune.volumesAll', keys: ['A'], scope: 'pruneChoose'},
	{command: 'prune.everything', keys: ['a'], scope: 'pruneChoose'},
	{command: 'prune.label', keys: ['l'], scope: 'pruneChoose'},
	// No Enter on the preview: removal takes y, as every other removal, so Enter pressed twice
	// (preview, then out of habit) removes nothing.
	{command: 'prune.toggle', keys: ['space'], scope: 'prunePreview'},
	{command: 'prune.remove', keys: ['y'], scope: 'prunePreview'},
	{command: 'prune.next', keys: ['enter'], scope: 'pruneDone'},
	{command: 'prune.labelDone', keys: ['enter', 'esc'], scope: 'pruneLabel'},
	...lineBindings('pruneLabel'),
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'pruneLabel'},
	{command: 'dialog.cancel', keys: ['esc', 'q'], scope: 'prune'},
	{command: 'dialog.cancel', keys: ['esc', 'q', 'L'], scope: 'audit'},
	// The text viewer, in logs, details and any text. Space pages down, as in a pager.
	{command: 'viewer.search', keys: ['/'], scope: 'viewer'},
	{command: 'viewer.nextMatch', keys: ['n'], scope: 'viewer'},
	{command: 'viewer.previousMatch', keys: ['N'], scope: 'viewer'},
	{command: 'viewer.filter', keys: ['F'], scope: 'viewer'},
	{command: 'viewer.wrap', keys: ['w'], scope: 'viewer'},
	{command: 'viewer.save', keys: ['s'], scope: 'viewer'},
	{command: 'viewer.copy', keys: ['y'], scope: 'viewer'},
	...scrollBindings('viewer', {
		'scroll.up': {description: 'Scroll up (pauses following)'},
		'scroll.pageDown': {keys: ['pagedown', 'ctrl+d', 'space']},
		'scroll.pageUp': {description: 'Scroll up one page (pauses following)'},
		'scroll.top': {description: 'Go to the first line (pauses following)'},
		'scroll.bottom': {description: 'Go to the last line, and follow new ones'},
	}),
	{command: 'viewer.searchRun', keys: ['enter'], scope: 'viewerSearch'},
	{command: 'viewer.searchCancel', keys: ['esc'], scope: 'viewerSearch'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'viewer'},
	// Container logs (`l`); 'audit' above is the record of the commands dockmate ran (`L`). Live
	// text follows and pauses.
	{command: 'viewer.follow', keys: ['f'], scope: 'logs'},
	{command: 'logs.timestamps', keys: ['t'], scope: 'logs'},
	{command: 'logs.close', keys: ['esc', 'q', '-'], scope: 'logs'},
	...lineBindings('viewerSearch'),
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'viewerSearch'},
	{command: 'viewer.close', keys: ['esc', 'q', '-'], scope: 'text'},
	{command: 'compose.confirmDown', keys: ['y'], scope: 'composeDown'},
	{command: 'compose.toggleVolumes', keys: ['v'], scope: 'composeDown'},
	{command: 'dialog.cancel', keys: ['n', 'esc', 'q'], scope: 'composeDown'},
	{command: 'output.close', keys: ['esc', 'q'], scope: 'composeOutput'},
	{command: 'viewer.follow', keys: ['f'], scope: 'composeOutput'},
	{command: 'scale.run', keys: ['enter'], scope: 'scale'},
	{command: 'dialog.cancel', keys: ['esc'], scope: 'scale'},
	...lineBindings('scale'),
	{command: 'swarm.confirm', keys: ['y'], scope: 'swarmConfirm'},
	{command: 'dialog.cancel', keys: ['n', 'esc', 'q'], scope: 'swarmConfirm'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'composeDown'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'composeOutput'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'scale'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'swarmConfirm'},
	// Details of the selected row, on any pane; the Events pane and "why did it restart?".
	{command: 'item.details', keys: ['i', 'enter'], scope: 'list'},
	{command: 'container.events', keys: ['h'], scope: 'containers'},
	{command: 'container.events', keys: ['h'], scope: 'resources'},
	{command: 'events.type', keys: ['t'], scope: 'events'},
	{command: 'events.container', keys: ['o'], scope: 'events'},
	{command: 'details.view', keys: ['tab', 'J'], scope: 'details'},
	{command: 'details.copyValue', keys: ['Y'], scope: 'details'},
	{command: 'viewer.close', keys: ['esc', 'q', 'i', '-'], scope: 'details'},
	// Ctrl-C quits from anywhere, dialogs included.
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'help'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'filter'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'exec'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'confirm'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'prune'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'audit'},
	// A container's insides: its files.
	{command: 'files.open', keys: ['f'], scope: 'containers'},
	{command: 'files.enter', keys: ['enter', 'right', 'l'], scope: 'files'},
	{
		command: 'files.up',
		keys: ['backspace', 'delete', 'h', 'left'],
		scope: 'files',
	},
	{command: 'files.filter', keys: ['/'], scope: 'files'},
	{command: 'files.copyOut', keys: ['o'], scope: 'files'},
	{command: 'files.copyIn', keys: ['i'], scope: 'files'},
	{command: 'files.close', keys: ['esc', 'q'], scope: 'files'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'files'},
	{command: 'files.promptRun', keys: ['enter'], scope: 'filesPrompt'},
	{command: 'files.promptCancel', keys: ['esc'], scope: 'filesPrompt'},
	...lineBindings('filesPrompt'),
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'filesPrompt'},
	// What it changed against its image.
	{command: 'changes.open', keys: ['D'], scope: 'containers'},
	{command: 'changes.open', keys: ['D'], scope: 'files'},
	// Its namespaces, cgroup and what weakens its isolation.
	{command: 'isolation.open', keys: ['I'], scope: 'containers'},
	{command: 'isolation.open', keys: ['I'], scope: 'details'},
	// Its processes.
	{command: 'processes.open', keys: ['t'], scope: 'containers'},
	{command: 'processes.kill', keys: ['K'], scope: 'processes'},
	{command: 'processes.close', keys: ['esc', 'q', 't'], scope: 'processes'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'processes'},
	{
		command: 'processes.signalNext',
		keys: ['space', 'right', 'tab', 'down'],
		scope: 'processesSignal',
	},
	{
		command: 'processes.signalPrevious',
		keys: ['left', 'shift+tab', 'up'],
		scope: 'processesSignal',
	},
	{command: 'processes.signalSend', keys: ['y'], scope: 'processesSignal'},
	{
		command: 'processes.signalCancel',
		keys: ['n', 'esc', 'q'],
		scope: 'processesSignal',
	},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'processesSignal'},
	{command: 'palette.open', keys: [':'], scope: 'global'},
	{command: 'palette.run', keys: ['enter'], scope: 'palette'},
	{command: 'palette.next', keys: ['down', 'ctrl+n', 'tab'], scope: 'palette'},
	{
		command: 'palette.previous',
		keys: ['up', 'ctrl+p', 'shift+tab'],
		scope: 'palette',
	},
	{command: 'dialog.cancel', keys: ['esc'], scope: 'palette'},
	...lineBindings('palette'),
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'palette'},
];
