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
		| 'Typing'
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
	'palette.open': {
		description: 'Command palette: find any command, or any object by name',
		category: 'General',
	},
	'palette.run': {
		description: 'Run the command, or go to the object and select it',
		category: 'Dialog',
		hint: 'go',
	},
	'palette.next': {description: 'Next match', category: 'Dialog', hint: 'next'},
	'palette.previous': {description: 'Previous match', category: 'Dialog'},
	'focus.next': {
		description: 'Focus the next pane',
		category: 'Navigation',
		hint: 'pane',
	},
	'focus.previous': {
		description: 'Focus the previous pane',
		category: 'Navigation',
	},
	'focus.back': {
		description: 'Back to the pane you were on before (again: forth)',
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
	'focus.projects': {
		description: 'Focus the Projects pane (compose)',
		category: 'Navigation',
	},
	'focus.volumes': {
		description: 'Focus the Volumes pane',
		category: 'Navigation',
	},
	'focus.networks': {
		description: 'Focus the Networks pane',
		category: 'Navigation',
	},
	'focus.events': {
		description: 'Focus the Events pane: what the engine did, newest first',
		category: 'Navigation',
	},
	'focus.system': {
		description: 'Focus the System pane: engine, host and disk usage',
		category: 'Navigation',
	},
	'volume.create': {
		description: 'Create a volume: name and driver',
		category: 'Actions',
		hint: 'new',
		dangerous: true,
	},
	'network.create': {
		description: 'Create a network: name, driver, subnet, internal',
		category: 'Actions',
		hint: 'new',
		dangerous: true,
	},
	'system.refresh': {
		description: 'Measure disk usage again (system df; can take a while)',
		category: 'Actions',
		hint: 'refresh',
	},
	'system.prune': {
		description: 'Prune the category under the cursor (preview first)',
		category: 'Actions',
		hint: 'prune this',
		dangerous: true,
	},
	'system.order': {
		description: 'Order the items by size, largest first, or by name',
		category: 'Sort',
		hint: 'size/name',
	},
	'focus.services': {
		description: 'Focus the Services pane (Swarm manager only)',
		category: 'Navigation',
	},
	'focus.nodes': {
		description: 'Focus the Nodes pane (Swarm manager only)',
		category: 'Navigation',
	},
	'project.restart': {
		description: 'Restart every container of the project',
		category: 'Actions',
		hint: 'restart',
		dangerous: true,
	},
	'project.startStop': {
		description:
			"Stop the project's running containers; start them all if none runs",
		category: 'Actions',
		hint: 'start/stop',
		dangerous: true,
	},
	'project.remove': {
		description: "Remove the project's containers (asks first, lists them)",
		category: 'Actions',
		hint: 'remove',
		dangerous: true,
	},
	'project.logs': {
		description: 'Logs of all its services, merged by time',
		category: 'Actions',
		hint: 'logs',
	},
	'compose.up': {
		description:
			'compose up: create and start the project from its recorded files',
		category: 'Actions',
		hint: 'up',
		dangerous: true,
	},
	'compose.down': {
		description:
			'compose down: stop and remove the project (asks first; v: volumes too)',
		category: 'Actions',
		hint: 'down',
		dangerous: true,
	},
	'compose.confirmDown': {
		description: 'Yes, run compose down',
		category: 'Dialog',
		hint: 'yes',
	},
	'compose.toggleVolumes': {
		description: "Also remove the project's volumes (down --volumes)",
		category: 'Dialog',
		hint: 'volumes',
	},
	'output.close': {
		description: 'Close; stops compose first if it still runs',
		category: 'Dialog',
		hint: 'close',
	},
	'service.scale': {
		description: 'Scale: set the number of replicas',
		category: 'Actions',
		hint: 'scale',
		dangerous: true,
	},
	'scale.run': {
		description: 'Scale to the number typed',
		category: 'Dialog',
		hint: 'scale',
	},
	'service.logs': {
		description: 'Logs of the service, all its tasks',
		category: 'Actions',
		hint: 'logs',
	},
	'service.remove': {
		description: 'Remove the service (asks first)',
		category: 'Actions',
		hint: 'remove',
		dangerous: true,
	},
	'node.availability': {
		description: 'Drain the node, or activate a drained one (asks first)',
		category: 'Actions',
		hint: 'drain/activate',
		dangerous: true,
	},
	'swarm.confirm': {description: 'Yes, do it', category: 'Dialog', hint: 'yes'},
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
	'sort.size': {
		description: 'Sort by size, largest first (again: reverse)',
		category: 'Sort',
		hint: 'sort',
	},
	'sort.age': {
		description: 'Sort by age, oldest first (again: reverse)',
		category: 'Sort',
	},
	'sort.engine': {
		description:
			'Sort by engine, in a fleet: each engine’s rows together (again: reverse)',
		category: 'Sort',
	},
	// How each scope reads these (moving a cursor, following a log) is said where they are bound.
	'scroll.down': {description: 'Scroll down', category: 'Navigation'},
	'scroll.up': {description: 'Scroll up', category: 'Navigation'},
	'scroll.pageDown': {
		description: 'Scroll down one page',
		category: 'Navigation',
	},
	'scroll.pageUp': {description: 'Scroll up one page', category: 'Navigation'},
	'scroll.top': {description: 'Go to the first line', category: 'Navigation'},
	'scroll.bottom': {description: 'Go to the last line', category: 'Navigation'},
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
	'copy.id': {
		description: "Copy the selected object's id to the clipboard",
		category: 'Actions',
	},
	'copy.name': {
		description: "Copy the selected object's name to the clipboard",
		category: 'Actions',
	},
	'mark.clear': {
		description: 'Clear the marks; with none, the filter',
		category: 'Actions',
	},
	'app.prune': {
		description: 'Prune: preview exactly what would go, then remove it',
		category: 'Actions',
		hint: 'prune',
		dangerous: true,
	},
	'audit.open': {
		description: 'Show the commands dockmate ran (docker CLI equivalents)',
		category: 'General',
		hint: 'log',
	},
	'hosts.open': {
		description:
			'Switch engines: docker contexts, the hosts of the config file, each engine of a fleet',
		category: 'General',
	},
	'fleet.engine': {
		description:
			'In a fleet: show one engine alone, each in turn, then all engines again',
		category: 'General',
	},
	'hosts.choose': {
		description: 'Connect to the engine under the cursor',
		category: 'Dialog',
		hint: 'switch',
	},
	'hosts.close': {
		description: 'Close, abandoning a connection under way',
		category: 'Dialog',
		hint: 'cancel',
	},
	'engines.choose': {
		description: 'Go on with the engine under the cursor',
		category: 'Dialog',
		hint: 'choose',
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
	'prune.toggle': {
		description: 'Mark or unmark the item',
		category: 'Dialog',
		hint: 'toggle',
	},
	'prune.next': {
		description:
			'Preview the chosen categories (nothing is removed); close the report',
		category: 'Dialog',
		hint: 'next',
	},
	'prune.remove': {
		description: 'On the preview: remove the marked items',
		category: 'Dialog',
		hint: 'remove',
		dangerous: true,
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
	'item.details': {
		description:
			'Details: a summary (image: and its history) and the full inspect JSON',
		category: 'General',
		hint: 'details',
	},
	'container.events': {
		description:
			'Why did it restart? Its events: exits with their codes, OOM kills',
		category: 'Containers',
		hint: 'events',
	},
	'events.type': {
		description:
			'Only events of one type: all, container, image, volume, network, … (cycles)',
		category: 'Filter',
		hint: 'type',
	},
	'events.container': {
		description:
			"Only the selected event's container (again: every container's)",
		category: 'Filter',
		hint: 'this container',
	},
	'details.copyValue': {
		description:
			'Copy the value of the line the search is on (after its key) to the clipboard',
		category: 'Dialog',
		hint: 'copy value',
	},
	'details.view': {
		description: 'Summary or the full inspect JSON',
		category: 'Dialog',
		hint: 'summary/JSON',
	},
	'viewer.follow': {
		description: 'Pause, or follow the newest lines again',
		category: 'Dialog',
		hint: 'follow',
	},
	'viewer.search': {
		description:
			'Search (matches highlighted): in logs from the bottom up, elsewhere from the top down',
		category: 'Dialog',
		hint: 'search',
	},
	'viewer.nextMatch': {
		description:
			'Next match on in the search (in logs: older), wrapping around',
		category: 'Dialog',
	},
	'viewer.previousMatch': {
		description: 'Previous match, back the other way, wrapping around',
		category: 'Dialog',
	},
	'viewer.filter': {
		description: 'Filter mode: only the lines matching the search, or all',
		category: 'Dialog',
		hint: 'filter',
	},
	'viewer.wrap': {
		description: 'Wrap long lines, or cut them at the edge',
		category: 'Dialog',
		hint: 'wrap',
	},
	'viewer.copy': {
		description:
			'Copy the lines in view that match the search (all in view without one) to the clipboard',
		category: 'Dialog',
	},
	'viewer.save': {
		description:
			'Save the lines shown (filtered) to <name>-<time>.log (.txt) in the current folder',
		category: 'Dialog',
		hint: 'save',
	},
	'viewer.searchRun': {
		description: 'Search: Enter again repeats it, typing replaces it',
		category: 'Dialog',
		hint: 'find',
	},
	'viewer.searchCancel': {
		description: 'Close the prompt; the search stays as it was',
		category: 'Dialog',
		hint: 'cancel',
	},
	'logs.open': {
		description:
			'Logs: follow the output (of the marked containers: merged, by time)',
		category: 'Containers',
		hint: 'logs',
	},
	'logs.timestamps': {
		description: 'Show or hide timestamps',
		category: 'Dialog',
		hint: 'time',
	},
	'viewer.close': {
		description: 'Close this view',
		category: 'Dialog',
		hint: 'close',
	},
	'logs.close': {
		description: 'Close the logs; their streams stop',
		category: 'Dialog',
		hint: 'close',
	},
	'filter.keep': {
		description: 'Keep the filter and close the prompt',
		category: 'Filter',
		hint: 'keep',
	},
	'filter.clear': {
		description: 'Clear the filter and close the prompt',
		category: 'Filter',
		hint: 'clear',
	},
	'line.left': {
		description: 'Move the cursor back a character',
		category: 'Typing',
	},
	'line.right': {
		description: 'Move the cursor on a character',
		category: 'Typing',
	},
	'line.home': {
		description: 'Move the cursor to the start of the line',
		category: 'Typing',
	},
	'line.end': {
		description: 'Move the cursor to the end of the line',
		category: 'Typing',
	},
	'line.wordLeft': {
		description: 'Move the cursor back a word',
		category: 'Typing',
	},
	'line.wordRight': {
		description: 'Move the cursor on past a word',
		category: 'Typing',
	},
	'line.deleteBack': {
		description: 'Delete the character before the cursor',
		category: 'Typing',
	},
	'line.deleteForward': {
		description: 'Delete the character under the cursor',
		category: 'Typing',
	},
	'line.deleteWordBack': {
		description: 'Delete the word before the cursor',
		category: 'Typing',
	},
	'line.deleteToStart': {
		description: 'Delete everything before the cursor',
		category: 'Typing',
	},
	'line.deleteToEnd': {
		description: 'Delete everything from the cursor on',
		category: 'Typing',
	},
	'image.pull': {
		description: 'Pull an image by reference, showing its progress',
		category: 'Actions',
		hint: 'pull',
		dangerous: true,
	},
	'image.run': {
		description:
			'Run a container of the image: name, command, env, ports, limits, restart, -it',
		category: 'Actions',
		hint: 'run',
		dangerous: true,
	},
	'image.build': {
		description: 'Build an image from a folder (honours its .dockerignore)',
		category: 'Actions',
		hint: 'build',
		dangerous: true,
	},
	'pull.start': {
		description: 'Pull the image',
		category: 'Dialog',
		hint: 'pull',
		dangerous: true,
	},
	'pull.close': {
		description: 'Close; a pull under way is called off',
		category: 'Dialog',
		hint: 'close',
	},
	'pull.edit': {
		description: 'Change the reference and pull again',
		category: 'Dialog',
	},
	'field.next': {description: 'Next field', category: 'Dialog', hint: 'field'},
	'field.previous': {description: 'Previous field', category: 'Dialog'},
	'field.enter': {
		description: 'Next field; on the last one, go',
		category: 'Dialog',
	},
	'field.go': {
		description: 'Go: create and start the container, or build the image',
		category: 'Dialog',
		hint: 'go',
		dangerous: true,
	},
	'field.cycle': {
		description: 'Next choice',
		category: 'Dialog',
		hint: 'choose',
	},
	'field.cycleBack': {description: 'Previous choice', category: 'Dialog'},
	'build.close': {
		description: 'Close; a build under way is called off',
		category: 'Dialog',
		hint: 'close',
	},
	'build.edit': {
		description: 'Back to the form, to change it and build again',
		category: 'Dialog',
	},
	'help.close': {
		description: 'Close the help',
		category: 'General',
		hint: 'close',
	},
	// A container's insides: its files.
	'files.open': {
		description: "Browse the container's files (running or not)",
		category: 'Containers',
	},
	'files.enter': {
		description: 'Open the folder, or the file in the pager',
		category: 'Dialog',
		hint: 'open',
	},
	'files.up': {
		description: 'Up to the folder above',
		category: 'Dialog',
		hint: 'up',
	},
	'files.filter': {
		description: 'Filter the folder by name',
		category: 'Dialog',
		hint: 'filter',
	},
	'files.copyOut': {
		description: 'Copy the file or folder out to a local folder (docker cp)',
		category: 'Dialog',
		hint: 'copy out',
	},
	'files.copyIn': {
		description:
			'Copy a local file or folder in to the folder on screen (docker cp)',
		category: 'Dialog',
		hint: 'copy in',
		dangerous: true,
	},
	'files.close': {
		description: 'Close; a copy under way is called off',
		category: 'Dialog',
		hint: 'close',
	},
	'files.promptRun': {
		description: 'Keep the filter, or copy to or from the path typed',
		category: 'Dialog',
		hint: 'ok',
	},
	'changes.open': {
		description:
			'What the container changed against its image (docker diff), as a tree',
		category: 'Containers',
	},
	'isolation.open': {
		description:
			'Namespaces (and who shares them), cgroup limits, and what weakens isolation',
		category: 'Containers',
	},
	'processes.open': {
		description:
			"The container's processes, live: PIDs on the host and inside, CPU, memory",
		category: 'Containers',
	},
	'processes.kill': {
		description:
			'Send the process a signal, chosen from a short list (asks first)',
		category: 'Dialog',
		hint: 'signal',
		dangerous: true,
	},
	'processes.close': {
		description: 'Close the processes view',
		category: 'Dialog',
		hint: 'close',
	},
	'processes.signalNext': {
		description: 'The next signal of the list',
		category: 'Dialog',
		hint: 'choose',
	},
	'processes.signalPrevious': {
		description: 'The previous signal of the list',
		category: 'Dialog',
	},
	'processes.signalSend': {
		description: 'Yes, send the signal chosen',
		category: 'Dialog',
		hint: 'send',
	},
	'processes.signalCancel': {
		description: 'Send nothing',
		category: 'Dialog',
		hint: 'cancel',
	},
	'files.promptCancel': {
		description: 'Cancel: the filter as it was, no copy',
		category: 'Dialog',
		hint: 'cancel',
	},
} as const satisfies Record<string, CommandInfo>;

export type Command = keyof typeof commands;

/** The same table, typed per entry as {@link CommandInfo} so optional fields can be read. */
export const commandInfo: Readonly<Record<Command, CommandInfo>> = commands;
