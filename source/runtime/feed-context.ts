import type {DockerClient} from '../docker/docker-client.js';
import type {AppState, Update} from '../state/app-state.js';
import type {Store} from '../state/store.js';
import type {Schedule} from './scheduler.js';

/** What a feed or a set of actions works with: the engine, the store, time, and the app's end. */
export type FeedContext = {
	readonly docker: DockerClient;
	readonly store: Store<AppState>;
	readonly dispatch: (update: Update) => void;
	readonly schedule: Schedule;
	readonly now: () => number;
	/** Aborts everything under way: the app is stopping. */
	readonly signal: AbortSignal;
};
