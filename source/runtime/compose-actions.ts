import type {ViewerLine} from '../state/text-viewer.js';
import type {FeedContext} from './feed-context.js';
import {errorMessage} from '../docker/errors.js';
import {statusShown} from '../state/status.js';
import {commandAudited} from '../state/audit-log.js';
import {projectsOf} from '../state/compose-projects.js';
import {
	composeOutputEnded,
	composeOutputOpened,
	composeOutputReceived,
	isComposeRunShown,
	projectDowned,
} from '../state/compose-state.js';
import {composeInvocation, type ComposeVerb} from './compose-command.js';
import type {ComposeExit, ComposeRunner} from './compose-runner.js';
import {RingBuffer} from './ring-buffer.js';
import {commandOn, oneEngine} from './one-engine.js';
import type {OneEngine} from '../docker/docker-client.js';
import {createThrottle} from './throttle.js';

/** `U` and `D`: compose itself, run as a child process. */
export type ComposeActions = {
	/**
	 * Runs `docker compose` (or `docker-compose`) `up` or `down` on a project, its output shown as
	 * it comes; closing the output stops it.
	 */
	readonly run: (
		projectId: string,
		verb: ComposeVerb,
		options: {readonly volumes: boolean},
	) => Promise<void>;
};

/** How compose output is kept and shown. */
export type ComposeOutputSettings = {
	/** Lines the output view keeps: the oldest make way. */
	readonly capacity: number;
	/** New lines reach the screen at most once per interval. */
	readonly flushIntervalMs: number;
};

export const defaultComposeOutputSettings: ComposeOutputSettings = {
	capacity: 2000,
	flushIntervalMs: 100,
};

/** Says both compose programs, so the user knows what to install. */
export const noComposeProgram =
	'neither `docker compose` nor `docker-compose` is installed: U and D run one of them (everything else works without)';

function describeExit(exit: ComposeExit, cancelled: boolean): string {
	if (cancelled) {
		return 'stopped';
	}

	return exit.code === 0
		? 'done'
		: exit.code === undefined
			? `ended by ${exit.signal ?? 'a signal'}`
			: `failed (exit ${exit.code})`;
}

export function createComposeActions(
	options: FeedContext & {
		readonly runner: ComposeRunner;
		readonly settings?: ComposeOutputSettings;
	},
): ComposeActions {
	const {docker, store, dispatch, schedule, now, runner, signal} = options;
	const settings = options.settings ?? defaultComposeOutputSettings;
	let runs = 0;

	return {
		async run(projectId, verb, {volumes}) {
			const project = projectsOf(store.getState()).get(projectId);
			if (project === undefined) {
				dispatch(statusShown(`project ${projectId} has no containers`, true));
				return;
			}

			// In a fleet, compose reaches the project's own engine.
			let engine: OneEngine;
			try {
				engine = oneEngine(docker, project.engine);
			} catch (error) {
				dispatch(statusShown(errorMessage(error), true));
				return;
			}

			const environment = engine.client.cliEnvironment();
			if (!environment.ok) {
				dispatch(statusShown(environment.reason, true));
				return;
			}

			const program = await runner.detect(environment.variables);
			if (program === undefined) {
				dispatch(statusShown(noComposeProgram, true));
				return;
			}

			const invocation = composeInvocation(program, project, verb, {volumes});
			if ('error' in invocation) {
				dispatch(statusShown(invocation.error, true));
				return;
			}

			const run = ++runs;
			const title = `compose ${verb}${volumes ? ' --volumes' : ''} ${projectId}`;
			dispatch(
				composeOutputOpened({
					run,
					title,
					commandLine: invocation.commandLine,
				}),
			);

			const controller = new AbortController();
			const stop = (): void => {
				controller.abort();
			};

			const unsubscribe = store.subscribe(() => {
				if (!isComposeRunShown(store.getState(), run)) {
					stop();
				}
			});
			signal.addEventListener('abort', stop, {once: true});
			const ring = new RingBuffer<ViewerLine>(settings.capacity);
			let count = 0;
			const throttle = createThrottle({
				intervalMs: settings.flushIntervalMs,
				schedule,
				now,
				async run() {
					dispatch(composeOutputReceived(run, ring.toArray(), ring.evicted));
					return Promise.resolve();
				},
			});

			let outcome: {ok: boolean; text: string};
			try {
				const exit = await runner.run(invocation, {
					variables: environment.variables,
					signal: controller.signal,
					onOutput(lines) {
						for (const text of lines) {
							// A line's number since the run began is its identity and its place.
							ring.push({seq: count, time: count, text});
							count++;
						}

						throttle.trigger();
					},
				});
				outcome = {
					ok: exit.code === 0,
					text: describeExit(exit, controller.signal.aborted),
				};
			} catch (error) {
				outcome = {ok: false, text: errorMessage(error)};
			} finally {
				unsubscribe();
				signal.removeEventListener('abort', stop);
				throttle.cancel();
			}

			dispatch(composeOutputReceived(run, ring.toArray(), ring.evicted));
			dispatch(composeOutputEnded(run, outcome));
			if (outcome.ok && verb === 'down') {
				dispatch(projectDowned(project));
			}

			dispatch(
				commandAudited({
					time: now(),
					command: commandOn(invocation.commandLine, engine.cli),
					error: outcome.ok ? undefined : outcome.text,
					engine: engine.name,
				}),
			);
			dispatch(statusShown(`${title}: ${outcome.text}`, !outcome.ok));
		},
	};
}
