import type {ContainerState} from '../docker/docker-client.js';

/** Semantic colours: components name a role, never a raw colour. */
export const theme = {
	text: {dim: 'gray', title: 'cyan', accent: 'cyan'},
	border: {focused: 'cyan', idle: 'gray'},
	selection: {background: 'blue', text: 'white'},
	connection: {up: 'green', connecting: 'yellow', down: 'red'},
	key: 'yellow',
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
