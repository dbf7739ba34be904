import type {Condition} from '../state/container-condition.js';

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
	} satisfies Record<Condition, string>,
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
