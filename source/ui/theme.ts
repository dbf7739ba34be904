import type {ContainerState} from '../docker/docker-client.js';

/** Semantic colours: components name a role, never a raw colour. */
export const theme = {
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
		/** A merged log's name column: one colour per container, in turn; red is stderr's. */
		names: ['cyan', 'green', 'yellow', 'magenta', 'blue', 'white'],
	},
	state: {
		running: 'green',
		restarting: 'yellow',
		paused: 'yellow',
		created: 'gray',
		exited: 'gray',
		dead: 'red',
		removing: 'red',
	} satisfies Record<ContainerState, string>,
} as const;

/** Text props of a list row: highlighted when selected, less loudly in a pane without focus. */
export function rowColors(
	isSelected: boolean,
	isFocused: boolean,
): {backgroundColor?: string; color?: string} {
	if (!isSelected) {
		return {};
	}

	return {
		backgroundColor: isFocused
			? theme.selection.background
			: theme.selection.idleBackground,
		color: theme.selection.text,
	};
}
