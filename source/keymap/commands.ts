/** What a command is, for the help overlay and the footer. */
export type CommandInfo = {
	readonly description: string;
	readonly category:
		| 'General'
		| 'Navigation'
		| 'Containers'
		| 'Actions'
		| 'Sort'
		| 'Filter'
		| 'Dialog';
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
		hint: 'sort',
	},
	'sort.memory': {
		description: 'Sort by memory, largest first (again: reverse)',
		category: 'Sort',
	},
	'sort.name': {
		description: 'Sort by name (again: reverse)',
		category: 'Sort',
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
	'container.exec': {
		description: 'Open a shell in the container',
		category: 'Actions',
		hint: 'shell',
		dangerous: true,
	},
	'container.execCommand': {
		description: 'Run a command in the container',
		category: 'Actions',
		dangerous: true,
	},
	'container.startStop': {
		description: 'Stop a running container, start a stopped one',
		category: 'Actions',
		hint: 'start/stop',
		dangerous: true,
	},
	'container.restart': {
		description: 'Restart',
		category: 'Actions',
		hint: 'restart',
		dangerous: true,
	},
	'container.pause': {
		description: 'Pause or unpause',
		category: 'Actions',
		dangerous: true,
	},
	'container.kill': {
		description: 'Kill (asks first)',
		category: 'Actions',
		dangerous: true,
	},
	'item.remove': {
		description: 'Remove (asks first, shows what goes)',
		category: 'Actions',
		hint: 'remove',
		dangerous: true,
	},
	'mark.toggle': {
		description: 'Mark or unmark the row for a bulk action',
		category: 'Actions',
		hint: 'mark',
	},
	'mark.all': {description: 'Mark every listed row', category: 'Actions'},
	'mark.clear': {description: 'Clear the marks', category: 'Actions'},
	'app.prune': {
		description: 'Prune: preview exactly what would go, then remove it',
		category: 'Actions',
		hint: 'prune',
		dangerous: true,
	},
	'app.log': {
		description: 'Show the commands dockmate ran (docker CLI equivalents)',
		category: 'General',
		hint: 'log',
	},
	'exec.run': {description: 'Run the command', category: 'Dialog', hint: 'run'},
	'dialog.cancel': {
		description: 'Close without doing anything',
		category: 'Dialog',
		hint: 'cancel',
	},
	'confirm.yes': {description: 'Yes, do it', category: 'Dialog', hint: 'yes'},
	'confirm.force': {description: 'Toggle force', category: 'Dialog'},
	'confirm.volumes': {
		description: 'Toggle removing anonymous volumes too',
		category: 'Dialog',
	},
	'prune.down': {description: 'Move down', category: 'Dialog'},
	'prune.up': {description: 'Move up', category: 'Dialog'},
	'prune.toggle': {
		description: 'Mark or unmark the item',
		category: 'Dialog',
		hint: 'toggle',
	},
	'prune.next': {
		description:
			'Preview the chosen categories; on the preview, remove the marked items',
		category: 'Dialog',
		hint: 'next',
	},
	'prune.age': {
		description: 'Only items older than: any, 1h, 24h, 7d, 30d (cycles)',
		category: 'Dialog',
		hint: 'age',
	},
	'prune.everything': {
		description: 'Everything: every category, or none',
		category: 'Dialog',
	},
	'prune.label': {
		description: 'Only items with a label (key or key=value)',
		category: 'Dialog',
		hint: 'label',
	},
	'prune.labelDone': {
		description: 'Done typing the label',
		category: 'Dialog',
		hint: 'done',
	},
	'prune.volumesAll': {
		description: 'Volumes: anonymous only, or named ones too',
		category: 'Dialog',
	},
	'log.down': {description: 'Scroll down', category: 'Dialog'},
	'log.up': {description: 'Scroll up', category: 'Dialog'},
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
