import type {FeedContext} from './feed-context.js';
import {errorMessage} from '../docker/errors.js';
import type {LogLine} from '../docker/docker-client.js';
import {shortId} from '../format/units.js';
import {compareEntries, type LogEntry} from '../state/log-lines.js';
import {
	isLogSessionOpen,
	logsEnded,
	logsOpened,
	logsReceived,
} from '../state/logs-dialog.js';
import {RingBuffer} from './ring-buffer.js';
import {createThrottle} from './throttle.js';

/** How logs are fetched, kept and saved. */
export type LogSettings = {
	/** Lines of history each container's stream starts with (`docker logs --tail`). */
	readonly tail: number;
	/** Lines a dialog keeps, however chatty its containers: the oldest make way. */
	readonly capacity: number;
	/** Characters of text a dialog keeps, however long its lines: the oldest lines make way. */
	readonly textBudget: number;
	/** New lines reach the screen at most once per interval, in one commit. */
	readonly flushIntervalMs: number;
	/** Where `s` saves (any viewer's text); the temporary folder when this one cannot be written. Undefined: the current folder. */
	readonly directory: string | undefined;
};

export const defaultLogSettings: LogSettings = {
	tail: 500,
	capacity: 5000,
	// 16 Mi characters: a few tens of MB at most, whatever the lines' length.
	textBudget: 16 * 1024 * 1024,
	flushIntervalMs: 100,
	directory: undefined,
};

/** What the logs dialog asks for. */
export type Logs = {
	/**
	 * Opens the logs dialog on these containers (one, or several merged in time order with a name
	 * column) under `title`, and follows them until the dialog closes.
	 */
	readonly open: (request: {
		readonly ids: readonly string[];
		readonly title: string;
		/** Whose output the ids name: containers' (the default), or a Swarm service's, all its tasks. */
		readonly of?: 'containers' | 'service';
	}) => void;
};

/**
 * The log feeds: each dialog gets a session that follows its containers' streams into one ring
 * buffer and hands the buffer to the store at most once per flush interval. A session ends, and
 * closes its streams, as soon as its dialog is no longer the one open.
 */
export function createLogs(
	options: FeedContext & {readonly settings: LogSettings},
): Logs {
	const {docker, store, dispatch, schedule, now, settings, signal} = options;
	let sessions = 0;

	const open: Logs['open'] = ({ids, title, of = 'containers'}) => {
		const session = ++sessions;
		const {containers} = store.getState();
		dispatch(
			logsOpened({
				session,
				title,
				sources: ids.map(id => ({
					id,
					name: containers.byId.get(id)?.name ?? shortId(id),
				})),
			}),
		);

		const controller = new AbortController();
		const stop = (): void => {
			controller.abort();
		};

		const ring = new RingBuffer<LogEntry>(
			Math.max(settings.capacity, settings.tail),
		);
		let seq = 0;
		// The text the ring holds, in characters: bounded by the budget as the lines are by the capacity.
		let textSize = 0;
		let isSorted = true;
		let lateDropped = 0;
		const flush = (): void => {
			if (controller.signal.aborted) {
				return;
			}

			// Containers' lines arrive in batches per container; the order by time is made here.
			if (!isSorted) {
				ring.sort(compareEntries);
				isSorted = true;
			}

			dispatch(
				logsReceived(session, ring.toArray(), ring.evicted + lateDropped),
			);
		};

		const throttle = createThrottle({
			intervalMs: settings.flushIntervalMs,
			schedule,
			now,
			run() {
				flush();
				return Promise.resolve();
			},
		});
		const receive = (source: number, lines: readonly LogLine[]): void => {
			for (const line of lines) {
				const entry: LogEntry = {...line, seq: seq++, source};
				const newest = ring.at(-1);
				if (newest !== undefined && compareEntries(entry, newest) < 0) {
					const oldest = ring.at(0);
					// Older than all a full buffer keeps: it would only push out a newer line.
					if (
						ring.isFull &&
						oldest !== undefined &&
						compareEntries(entry, oldest) < 0
					) {
						lateDropped++;
						continue;
					}

					isSorted = false;
				}

				textSize +=
					entry.text.length -
					(ring.isFull ? (ring.at(0)?.text.length ?? 0) : 0);
				ring.push(entry);
				while (textSize > settings.textBudget && ring.size > 1) {
					textSize -= ring.shift()?.text.length ?? 0;
				}
			}

			throttle.trigger();
		};

		const follow = async (id: string, source: number): Promise<void> => {
			let failure: string | undefined;
			try {
				const options = {tail: settings.tail, signal: controller.signal};
				for await (const lines of of === 'service'
					? docker.serviceLogs(id, options)
					: docker.logs(id, options)) {
					receive(source, lines);
				}
			} catch (error) {
				failure = errorMessage(error);
			}

			if (!controller.signal.aborted) {
				dispatch(logsEnded(session, source, failure));
			}
		};

		const unsubscribe = store.subscribe(() => {
			if (!isLogSessionOpen(store.getState(), session)) {
				stop();
			}
		});
		signal.addEventListener('abort', stop, {once: true});
		controller.signal.addEventListener(
			'abort',
			() => {
				unsubscribe();
				throttle.cancel();
				signal.removeEventListener('abort', stop);
			},
			{once: true},
		);
		for (const [source, id] of ids.entries()) {
			void follow(id, source);
		}
	};

	return {open};
}
