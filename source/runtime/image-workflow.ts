import type {FeedContext} from './feed-context.js';
import {statSync} from 'node:fs';
import path from 'node:path';
import type {ContainerSpec, OneEngine} from '../docker/docker-client.js';
import {splitFleetId} from '../docker/fleet-ids.js';
import {DockerError, errorMessage} from '../docker/errors.js';
import {RegistryError} from '../docker/pull.js';
import {parseReference} from '../format/image-reference.js';
import {formatBytes, shortId} from '../format/units.js';
import {currentDialog} from '../state/dialog-slot.js';
import {statusShown} from '../state/status.js';
import {commandAudited} from '../state/audit-log.js';
import {
	buildOutputLength,
	checkBuild,
	type BuildValues,
} from '../state/build-form.js';
import {
	buildChecked,
	buildEnded,
	buildOpened,
	buildOutputAdded,
	buildStarted,
	pullAdvanced,
	pullEnded,
	pullFailed,
	pullRefused,
	pullStarted,
	runChecked,
	runCreatingSet,
} from '../state/image-dialogs.js';
import type {PullFailure} from '../state/pull-dialog.js';
import {
	noPullProgress,
	pullProgressed,
	type PullProgress,
} from '../state/pull-progress.js';
import {checkRun, type RunField} from '../state/run-form.js';
import {dialogClosed} from '../state/dialog-slot.js';
import {relistAfterWork} from './relist.js';
import {shellWord} from '../format/shell-words.js';
import {createThrottle} from './throttle.js';
import {commandOn, oneEngine} from './one-engine.js';

/** Pull, run and build: the Images pane's ways of making something new. */
export type ImageWorkflow = {
	/** Pulls the reference typed into the pull dialog, showing its progress there. */
	readonly pull: (reference: string) => Promise<void>;
	/** Calls off the pull under way, if any. */
	readonly cancelPull: () => void;
	/** Checks the run form; creates and starts the container, or hands the terminal to it (-it). */
	readonly run: () => Promise<void>;
	/**
	 * Opens the build form as the last build this session was, or on the current folder; on the
	 * fleet's engine `engine` if given.
	 */
	readonly openBuild: (engine?: string) => void;
	/** Checks the build form, then builds, streaming the output into the dialog. */
	readonly build: () => Promise<void>;
	/** Calls off the build under way, if any. */
	readonly cancelBuild: () => void;
};

/** How often streamed progress reaches the screen: often enough to look live, not once a message. */
const progressIntervalMs = 100;

function failureOf(error: unknown): PullFailure {
	return error instanceof RegistryError
		? {
				message: error.message,
				engineMessage: error.engineMessage,
				hint: error.hint,
			}
		: {
				message: errorMessage(error),
				engineMessage: undefined,
				hint: error instanceof DockerError ? error.hint : undefined,
			};
}

/** The `docker run` that does what the form asks, with its values as typed. */
export function runCommandLine(
	spec: ContainerSpec,
	values: Readonly<Record<RunField, string>>,
): string {
	const words = [
		'docker',
		'run',
		spec.interactive ? '-it' : '-d',
		...(spec.name === undefined ? [] : ['--name', spec.name]),
		...spec.env.flatMap(pair => ['-e', pair]),
		...values.ports
			.split(/[\s,]+/)
			.filter(Boolean)
			.flatMap(port => ['-p', port]),
		...(spec.memory === undefined ? [] : ['-m', values.memory.trim()]),
		...(spec.cpus === undefined ? [] : ['--cpus', values.cpus.trim()]),
		...(spec.restart.name === 'no' ? [] : ['--restart', values.restart.trim()]),
		spec.image,
		...spec.command,
	];
	return words.map(word => shellWord(word)).join(' ');
}

function isDirectory(file: string): boolean {
	return statSync(file, {throwIfNoEntry: false})?.isDirectory() ?? false;
}

function isFile(file: string): boolean {
	return statSync(file, {throwIfNoEntry: false})?.isFile() ?? false;
}

/** Creates the workflow over an engine and a store. */
export function createImageWorkflow(
	options: FeedContext & {
		/** Hands the terminal to a container's TTY; see `Services.attach`. */
		readonly attach: (containerId: string, name: string) => void;
		/** Where the build context starts, and what `~` means in it. */
		readonly cwd: string;
		readonly home: string;
	},
): ImageWorkflow {
	const {docker, store, dispatch, schedule, now} = options;
	let pulling: AbortController | undefined;
	let building: AbortController | undefined;
	// What the last build was given, as typed: the next build most often repeats or retags it.
	let lastBuild: BuildValues | undefined;
	options.signal.addEventListener(
		'abort',
		() => {
			pulling?.abort();
			building?.abort();
		},
		{once: true},
	);

	/** Records `command` (`docker …`) as it reached `engine`, with its outcome. */
	const log = (
		engine: OneEngine,
		command: string,
		error: string | undefined,
	): void => {
		dispatch(
			commandAudited({
				time: now(),
				command: commandOn(command, engine.cli),
				error,
				engine: engine.name,
			}),
		);
	};

	/** The engine a dialog's work goes to, or undefined, having said why it cannot. */
	const engineOf = (name: string | undefined): OneEngine | undefined => {
		try {
			return oneEngine(docker, name);
		} catch (error) {
			dispatch(statusShown(errorMessage(error), true));
			return undefined;
		}
	};

	/** Calls `flush` at most once per interval while messages stream in. */
	const throttled = (flush: () => void) =>
		createThrottle({
			intervalMs: progressIntervalMs,
			schedule,
			now,
			async run() {
				flush();
				return Promise.resolve();
			},
		});

	const relist = async (): Promise<void> => relistAfterWork(options);

	/**
	 * Creates the container the run form asks for on `engine` and starts it, or hands the terminal
	 * to it.
	 */
	const createAndStart = async (
		engine: OneEngine,
		spec: ContainerSpec,
		command: string,
	): Promise<void> => {
		dispatch(runCreatingSet(true));
		let id: string;
		try {
			// As the fleet lists it: the terminal and the start reach it through the fleet.
			id = engine.listedId(await engine.client.createContainer(spec));
		} catch (error) {
			log(engine, command, errorMessage(error));
			// The name was free a moment ago; another client took it since.
			if (error instanceof DockerError && error.code === 'conflict') {
				dispatch(runChecked({name: errorMessage(error)}));
			} else {
				dispatch(runCreatingSet(false));
				dispatch(
					statusShown(
						`the engine did not create it: ${errorMessage(error)}`,
						true,
					),
				);
			}

			return;
		}

		if (currentDialog(store.getState(), 'run') !== undefined) {
			dispatch(dialogClosed);
		}

		const name = spec.name ?? shortId(id);
		if (spec.interactive) {
			log(engine, command, undefined);
			options.attach(id, name);
			return;
		}

		try {
			await docker.containerAction(id, 'start');
			log(engine, command, undefined);
			dispatch(statusShown(`started ${name}`));
		} catch (error) {
			log(engine, command, errorMessage(error));
			dispatch(
				statusShown(
					`created ${name}, but it did not start: ${errorMessage(error)}`,
					true,
				),
			);
		}
	};

	return {
		async pull(text) {
			const parsed = parseReference(text);
			if ('problem' in parsed) {
				dispatch(pullRefused(parsed.problem));
				return;
			}

			const engine = engineOf(currentDialog(store.getState(), 'pull')?.engine);
			if (engine === undefined) {
				return;
			}

			const reference = text.trim();
			pulling?.abort();
			const controller = new AbortController();
			pulling = controller;
			const command = `docker pull ${shellWord(reference)}`;
			let progress: PullProgress = noPullProgress;
			const show = throttled(() => {
				dispatch(pullAdvanced(reference, progress));
			});
			dispatch(pullStarted(reference));
			try {
				for await (const event of engine.client.pullImage(
					reference,
					controller.signal,
				)) {
					progress = pullProgressed(progress, event);
					show.trigger();
				}

				show.cancel();
				if (controller.signal.aborted) {
					log(engine, command, 'called off');
					return;
				}

				dispatch(pullEnded(reference, progress));
				log(engine, command, undefined);
				dispatch(
					statusShown(
						`pulled ${reference}${progress.digest === undefined ? '' : ` (${progress.digest.slice(0, 19)}…)`}`,
					),
				);
			} catch (error) {
				show.cancel();
				log(
					engine,
					command,
					controller.signal.aborted ? 'called off' : errorMessage(error),
				);
				if (controller.signal.aborted) {
					return;
				}

				dispatch(pullFailed(reference, failureOf(error)));
				dispatch(statusShown(`pull of ${reference} failed`, true));
			} finally {
				if (pulling === controller) {
					pulling = undefined;
				}

				await relist();
			}
		},

		cancelPull() {
			pulling?.abort();
		},

		async run() {
			const dialog = currentDialog(store.getState(), 'run');
			if (dialog === undefined || dialog.isCreating) {
				return;
			}

			const state = store.getState();
			const checked = checkRun(dialog.image, dialog.form.values, {
				// In a fleet, only the names on the engine it runs on are taken.
				takenNames: new Set(
					[...state.containers.byId.values()]
						.filter(container => container.engine === dialog.engine)
						.map(container => container.name),
				),
				hostCpus: state.resources.hostCpus,
			});
			if ('errors' in checked) {
				dispatch(runChecked(checked.errors));
				return;
			}

			const engine = engineOf(dialog.engine);
			if (engine === undefined) {
				return;
			}

			// An image listed without a tag is named by its id as the fleet lists it; its engine's own here.
			const spec = {
				...checked.spec,
				image: splitFleetId(checked.spec.image)?.id ?? checked.spec.image,
			};
			try {
				await createAndStart(
					engine,
					spec,
					runCommandLine(spec, dialog.form.values),
				);
			} finally {
				await relist();
			}
		},

		openBuild(engine) {
			dispatch(buildOpened(options.cwd, lastBuild, engine));
		},

		async build() {
			const dialog = currentDialog(store.getState(), 'build');
			if (dialog?.stage !== 'form') {
				return;
			}

			const checked = checkBuild(dialog.form.values, {
				cwd: options.cwd,
				home: options.home,
				isDirectory,
				isFile,
			});
			if ('errors' in checked) {
				dispatch(buildChecked(checked.errors));
				return;
			}

			const engine = engineOf(dialog.engine);
			if (engine === undefined) {
				return;
			}

			lastBuild = dialog.form.values;
			const {context, dockerfile, tag} = checked.options;
			const command = [
				'docker',
				'build',
				...(tag === undefined ? [] : ['-t', tag]),
				...(dockerfile === 'Dockerfile'
					? []
					: ['-f', path.join(context, dockerfile)]),
				context,
			]
				.map(word => shellWord(word))
				.join(' ');
			building?.abort();
			const controller = new AbortController();
			building = controller;
			let lines: string[] = [];
			let imageId: string | undefined;
			const flush = (): void => {
				dispatch(buildOutputAdded(lines, imageId));
				lines = [];
			};

			const show = throttled(flush);
			dispatch(buildStarted);
			dispatch(
				buildOutputAdded(
					[`sending ${context}, less what its .dockerignore excludes…`],
					undefined,
				),
			);
			try {
				for await (const event of engine.client.buildImage(
					checked.options,
					controller.signal,
				)) {
					if (event.kind === 'sent') {
						lines.push(
							`sent ${formatBytes(event.bytes)} of context to the engine`,
						);
					} else if (event.kind === 'output') {
						lines.push(event.text);
						// Between two flushes, no more than the dialog keeps.
						if (lines.length > buildOutputLength * 2) {
							lines = lines.slice(-buildOutputLength);
						}
					} else {
						imageId = event.id;
					}

					show.trigger();
				}

				show.cancel();
				if (controller.signal.aborted) {
					log(engine, command, 'called off');
					return;
				}

				flush();
				dispatch(buildEnded(undefined));
				log(engine, command, undefined);
				dispatch(
					statusShown(
						`built ${tag ?? (imageId === undefined ? 'the image' : shortId(imageId))}`,
					),
				);
			} catch (error) {
				show.cancel();
				if (controller.signal.aborted) {
					log(engine, command, 'called off');
					return;
				}

				flush();
				dispatch(buildEnded(errorMessage(error)));
				log(engine, command, errorMessage(error));
				dispatch(statusShown('the build failed', true));
			} finally {
				if (building === controller) {
					building = undefined;
				}

				await relist();
			}
		},

		cancelBuild() {
			building?.abort();
		},
	};
}
