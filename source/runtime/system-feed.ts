import type {FeedContext} from './feed-context.js';
import {errorMessage} from '../docker/errors.js';
import type {Pane} from '../state/app-state.js';
import {
	diskMeasured,
	diskMeasureStarted,
	systemDetailsLoaded,
	systemFailed,
} from '../state/system-view.js';

/** The System pane's figures: read when it opens and when asked, never on a timer. */
export type SystemFeed = {
	/**
	 * Reads the engine's details and measures disk usage (`system df`) again. Measuring walks every
	 * layer and volume, which takes the engine seconds when it holds much, so one runs at a time.
	 */
	readonly refresh: () => Promise<void>;
	/** Refreshes whenever the System pane gains focus, and the Volumes pane's first time (for sizes). */
	readonly start: () => void;
};

/** Panes whose opening asks for figures: always, or only while there are none yet. */
const measuredOnFocus: Partial<Record<Pane, 'always' | 'once'>> = {
	system: 'always',
	volumes: 'once',
};

export function createSystemFeed(
	options: Omit<FeedContext, 'schedule'>,
): SystemFeed {
	const {docker, store, dispatch, now, signal} = options;
	// A function, not `signal.aborted` inline: the compiler would keep its narrowing across awaits.
	const isStopped = (): boolean => signal.aborted;

	const refresh = async (): Promise<void> => {
		if (store.getState().system.isMeasuring || isStopped()) {
			return;
		}

		dispatch(diskMeasureStarted);
		try {
			const [details, disk] = await Promise.all([
				docker.systemDetails(signal),
				docker.diskUsage(signal),
			]);
			dispatch(systemDetailsLoaded(details));
			dispatch(diskMeasured(disk, now()));
		} catch (error) {
			if (!isStopped()) {
				dispatch(systemFailed(errorMessage(error)));
			}
		}
	};

	return {
		refresh,
		start() {
			let focus = store.getState().ui.focus;
			const unsubscribe = store.subscribe(() => {
				const state = store.getState();
				if (state.ui.focus === focus) {
					return;
				}

				focus = state.ui.focus;
				const when = measuredOnFocus[focus];
				if (
					when === 'always' ||
					(when === 'once' && state.system.disk === undefined)
				) {
					void refresh();
				}
			});
			signal.addEventListener('abort', unsubscribe, {once: true});
		},
	};
}
