/** What a command is, for the help overlay and the footer. */
export type CommandInfo = {
	readonly description: string;
	readonly category:
		'General' | 'Navigation' | 'Containers' | 'Sort' | 'Filter';
	/** Short label for the footer hints; commands without one are only in the help overlay. */
	readonly hint?: string;
	/** Changes the engine's state; hidden and refused in read-only mode. */
	readonly dangerous?: boolean;
};

/** Every command dockmate knows, by id. Keys are bound to these in `bindings.ts`. */
export const commands = {
	'app.quit': {description: 'Quit dockmate', category: 'General', hint: 'quit'},
	'app.help': {
		description: 'Show or hide this help',
		category: 'General',
		hint: 'help',
	},
	'focus.next': {
		description: 'Focus the next pane',
		category: 'Navigation',
		hint: 'pane',
	},
	'focus.previous': {
		description: 'Focus the previous pane',
		category: 'Navigation',
	},
	'focus.containers': {
		description: 'Focus the Containers pane',
		category: 'Navigation',
	},
	'focus.images': {
		description: 'Focus the Images pane',
		category: 'Navigation',
	},
	'focus.resources': {
		description: 'Focus the Resources pane',
		category: 'Navigation',
	},
	'sort.cpu': {
		description: 'Sort by CPU, busiest first (again: reverse)',
		category: 'Sort',
		hint: 'sort cpu',
	},
	'sort.memory': {
		description: 'Sort by memory, largest first (again: reverse)',
		category: 'Sort',
		hint: 'mem',
	},
	'sort.name': {
		description: 'Sort by name (again: reverse)',
		category: 'Sort',
		hint: 'name',
	},
	'list.down': {description: 'Move down', category: 'Navigation'},
	'list.up': {description: 'Move up', category: 'Navigation'},
	'list.pageDown': {description: 'Move down one page', category: 'Navigation'},
	'list.pageUp': {description: 'Move up one page', category: 'Navigation'},
	'list.top': {description: 'Go to the first row', category: 'Navigation'},
	'list.bottom': {description: 'Go to the last row', category: 'Navigation'},
	'list.filter': {
		description: 'Filter the list by name, image or id',
		category: 'Filter',
		hint: 'filter',
	},
	'containers.toggleAll': {
		description: 'Show all containers or running only',
		category: 'Containers',
		hint: 'all/running',
	},
	'filter.keep': {
		description: 'Keep the filter and close the prompt',
		category: 'Filter',
		hint: 'keep',
	},
	'filter.deleteBack': {
		description: 'Delete the character before the cursor',
		category: 'Filter',
	},
	'filter.clearText': {
		description: 'Clear the text typed so far',
		category: 'Filter',
	},
	'filter.clear': {
		description: 'Clear the filter and close the prompt',
		category: 'Filter',
		hint: 'clear',
	},
	'help.close': {
		description: 'Close the help',
		category: 'General',
		hint: 'close',
	},
} as const satisfies Record<string, CommandInfo>;

export type Command = keyof typeof commands;

/** The same table, typed per entry as {@link CommandInfo} so optional fields can be read. */
export const commandInfo: Readonly<Record<Command, CommandInfo>> = commands;
