import type {FeedContext} from './feed-context.js';
import type {DockerEvent} from '../docker/docker-client.js';
import {eventHistoryMs, eventsReceived} from '../state/events.js';
import type {FeedFollower} from './container-feed.js';

/**
 * How long events wait to be added together: a burst (a prune, a compose up) is one commit to
 * the store rather than one per event, and a lone event still shows at once to the eye.
 */
export const eventBatchMs = 100;

/**
 * Fills the Events pane from the container feed's one `/events` stream: every event it sees, in
 * batches, and on every (re)connect the last {@link eventHistoryMs} of history, so a container
 * that restarted before dockmate started (or while it was disconnected) still shows why. An
 * event that both the history and the stream report is kept once.
 */
export function createEventLogFeed(
	options: Omit<FeedContext, 'store'>,
): FeedFollower {
	const {docker, dispatch, schedule, now, signal} = options;
	let pending: DockerEvent[] = [];
	let cancelFlush: (() => void) | undefined;
	const flush = (): void => {
		cancelFlush = undefined;
		const batch = pending;
		pending = [];
		if (batch.length > 0 && !signal.aborted) {
			dispatch(eventsReceived(batch));
		}
	};

	const add = (events: readonly DockerEvent[]): void => {
		pending.push(...events);
		cancelFlush ??= schedule(flush, eventBatchMs);
	};

	signal.addEventListener(
		'abort',
		() => {
			cancelFlush?.();
		},
		{once: true},
	);
	return {
		// Not awaited by the feed: the engine holds the answer until `until` has passed, up to a
		// second, and the lists must not wait for it. Without history (an engine that keeps none)
		// the pane starts with the live stream.
		relist() {
			const until = now();
			void docker
				.pastEvents({since: until - eventHistoryMs, until, signal})
				.then(add, () => undefined);
			return Promise.resolve();
		},
		onEvent(event) {
			add([event]);
		},
	};
}
