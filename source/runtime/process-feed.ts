import {currentDialog} from '../state/dialog-slot.js';
import {errorMessage} from '../docker/errors.js';
import {withCpuPercent, type ProcessSample} from '../docker/processes.js';
import {shellWord} from '../format/shell-words.js';
import {commandAudited} from '../state/audit-log.js';
import {
	processesFailed,
	processesOpened,
	processesSampled,
	processSignals,
	processUnderCursor,
	signalChooserClosed,
} from '../state/processes-view.js';
import {statusShown} from '../state/status.js';
import type {FeedContext} from './feed-context.js';

/** The processes view's feed and its one action. */
export type ProcessFeed = {
	/** Opens the view on a container and samples its processes until the view closes. */
	readonly open: (containerId: string, containerName: string) => void;
	/** Sends the signal chosen to the process under the cursor, through an exec of `kill`. */
	readonly sendSignal: () => Promise<void>;
};

/**
 * How often processes are sampled: each second from /proc, which costs the engine nothing; every
 * five from `/top`, which forks `ps` on the engine's host each time.
 */
export const processIntervals = {procMs: 1000, topMs: 5000};

export function createProcessFeed(context: FeedContext): ProcessFeed {
	const {docker, store, dispatch, schedule, now} = context;
	let session = 0;

	const isOpen = (containerId: string, own: number): boolean =>
		own === session &&
		!context.signal.aborted &&
		currentDialog(store.getState(), 'processes')?.containerId === containerId;

	const sampleLoop = (containerId: string, own: number): void => {
		let previous: ProcessSample | undefined;
		const tick = async (): Promise<void> => {
			if (!isOpen(containerId, own)) {
				return;
			}

			let interval = processIntervals.procMs;
			try {
				const sample = withCpuPercent(
					previous,
					await docker.processes(containerId),
				);
				previous = sample;
				interval =
					sample.source === 'proc'
						? processIntervals.procMs
						: processIntervals.topMs;
				if (isOpen(containerId, own)) {
					dispatch(processesSampled(containerId, sample));
				}
			} catch (error) {
				if (isOpen(containerId, own)) {
					dispatch(processesFailed(containerId, errorMessage(error)));
				}
			}

			schedule(() => {
				void tick();
			}, interval);
		};

		void tick();
	};

	return {
		open(containerId, containerName) {
			session++;
			dispatch(processesOpened({containerId, containerName}));
			sampleLoop(containerId, session);
		},
		async sendSignal() {
			const dialog = currentDialog(store.getState(), 'processes');
			const process = dialog && processUnderCursor(dialog);
			const signal =
				dialog?.signal === undefined
					? undefined
					: processSignals[dialog.signal];
			dispatch(signalChooserClosed);
			if (
				dialog === undefined ||
				process === undefined ||
				signal === undefined
			) {
				return;
			}

			if (process.nsPid === undefined) {
				dispatch(
					statusShown(
						'this engine does not say the PID inside the container (a remote engine): no signal sent',
						true,
					),
				);
				return;
			}

			const command = `docker exec ${shellWord(dialog.containerName)} kill -s ${signal} ${process.nsPid}`;
			try {
				await docker.signalProcess(dialog.containerId, process.nsPid, signal);
				dispatch(commandAudited({time: now(), command, error: undefined}));
				dispatch(
					statusShown(
						`sent ${signal} to ${process.command} (PID ${process.nsPid})`,
					),
				);
			} catch (error) {
				const message = errorMessage(error);
				dispatch(commandAudited({time: now(), command, error: message}));
				dispatch(statusShown(message, true));
			}
		},
	};
}
