import {errorMessage} from './docker/errors.js';
import ansiEscapes from 'ansi-escapes';
import {render, type Instance} from 'ink';
import {App} from './app.js';
import type {Binding} from './keymap/bindings.js';
import {createFrameWriter} from './ui/frames/frame-writer.js';
import type {DockerClient, ExecSession} from './docker/docker-client.js';
import {chooseShell} from './docker/shell.js';
import {shellWord} from './format/shell-words.js';
import {
	runExecSession,
	waitForKeypress,
	type SessionInput,
	type SessionOutput,
} from './runtime/exec-session.js';
import type {EngineSession} from './runtime/engine-session.js';
import type {Services} from './runtime/services.js';
import {statusShown} from './state/status.js';
import {commandAudited} from './state/audit-log.js';
import {traceStartup} from './startup-trace.js';
import {bracketedPaste, mouseReporting} from './terminal.js';

/** Renders the app and lends the terminal to interactive processes in containers. */
export type AppRunner = {
	/**
	 * Renders the app with the session's services, again after each hand-off, and afresh when a
	 * host switch replaces them, until the app quits; resolves with the exit status it quit with.
	 * Expects the terminal already taken over (alternate screen, hidden cursor).
	 */
	readonly run: (session: EngineSession) => Promise<number>;
	/** Ends the app; `run` resolves with `status`. */
	readonly quit: (status: number) => void;
	/** For {@link Services.exec}: hands the terminal over, unless the container cannot take it. */
	readonly exec: Services['exec'];
	/**
	 * Hands the terminal to a created container's TTY, starting it (`docker run -it`); the app
	 * comes back when the container ends or is detached from.
	 */
	readonly attach: (containerId: string, name: string) => void;
	/** Stops the renderer now, for the terminal's restore on exit. */
	readonly stopRendering: () => void;
};

/** A session the engine has accepted, waiting for the terminal. */
type Prepared = {
	readonly session: ExecSession;
	/** The container's name and the command, for the banner. */
	readonly name: string;
	readonly command: readonly string[];
	/** Whether the user asked for this command (`E`), rather than a shell (`e`). */
	readonly isCommand: boolean;
	/** A container's own TTY (`docker run -it`) rather than an exec. */
	readonly isAttach?: boolean;
};

/** Signals that end the process during a hand-off (raw mode turns Ctrl-C into a keystroke). */
const endingSignals = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

/** Creates the runner for one terminal and engine. */
export function createAppRunner({
	stdin,
	stdout,
	docker,
	keymap,
	mouse,
}: {
	readonly stdin: NodeJS.ReadStream & SessionInput;
	readonly stdout: NodeJS.WriteStream & SessionOutput;
	/** The engine connected to now: a host switch changes it. */
	readonly docker: () => DockerClient;
	/** The keymap table in force. */
	readonly keymap: readonly Binding[];
	/** Whether the app has the terminal report the mouse: off while a container has the terminal. */
	readonly mouse: boolean;
}): AppRunner {
	let services: Services | undefined;
	let instance: Instance | undefined;
	/** Set from the moment `e` is accepted until the app is back: one hand-off at a time. */
	let isHandingOff = false;
	/** What `run` does once the app has unmounted, instead of returning. */
	let handOff: (() => Promise<void>) | undefined;
	/** The exit status `run` resolves with. */
	let exitStatus = 0;

	/** Everything that can fail before the terminal changes hands, so that a failure leaves the app as it was. */
	const prepare = async (
		services: Services,
		id: string,
		command: readonly string[] | undefined,
	): Promise<Prepared | undefined> => {
		const report = (text: string): void => {
			services.dispatch(statusShown(text, true));
		};

		const container = services.store.getState().containers.byId.get(id);
		if (container === undefined) {
			report('that container is gone');
			return undefined;
		}

		const {name} = container;
		if (container.state !== 'running') {
			report(
				container.state === 'paused'
					? `${name} is paused: p unpauses it`
					: `${name} is not running (${container.state})`,
			);
			return undefined;
		}

		// Choosing a shell takes a few engine calls: slow enough on a remote engine to need saying.
		const opening = `opening a shell in ${name}…`;
		if (command === undefined) {
			services.dispatch(statusShown(opening));
		}

		let chosen = command;
		let session: ExecSession | undefined;
		let failure: string | undefined;
		const engine = docker();
		try {
			chosen ??= await chooseShell(engine, id, name);
			session = await engine.exec(id, {
				command: chosen,
				columns: stdout.columns || 80,
				rows: stdout.rows || 24,
			});
		} catch (error) {
			failure = errorMessage(error);
		}

		services.dispatch(state =>
			state.status?.text === opening ? {...state, status: undefined} : state,
		);
		if (chosen !== undefined) {
			// In a fleet, tagged with the container's engine and reaching it.
			services.dispatch(
				commandAudited({
					time: Date.now(),
					command: `${engine.fleet?.cliOf(id) ?? 'docker'} exec -it ${[name, ...chosen].map(shellWord).join(' ')}`,
					error: failure,
					engine: engine.fleet?.engineOf(id),
				}),
			);
		}

		if (
			failure !== undefined ||
			session === undefined ||
			chosen === undefined
		) {
			report(failure ?? `cannot open a shell in ${name}`);
			return undefined;
		}

		return {session, name, command: chosen, isCommand: command !== undefined};
	};

	/** Lends the terminal to the session; the app is unmounted meanwhile and rendered again after. */
	const lend = async ({
		session,
		name,
		command,
		isCommand,
		isAttach = false,
	}: Prepared): Promise<void> => {
		const what = isCommand
			? command.map(shellWord).join(' ')
			: isAttach
				? 'the terminal'
				: 'shell';
		stdout.write(
			mouseReporting.off +
				bracketedPaste.off +
				ansiEscapes.cursorShow +
				ansiEscapes.exitAlternativeScreen +
				(isCommand
					? `dockmate: running ${what} in ${name}\n`
					: isAttach
						? `dockmate: attached to ${name} (Ctrl-P Ctrl-Q detaches and returns)\n`
						: `dockmate: shell in ${name} (exit to return)\n`),
		);
		const stopGuarding = guardAgainstSignals(stdout);
		try {
			const exitCode = await runExecSession({session, stdin, stdout});
			if (isCommand) {
				// Its output would vanish under the app at once; the user reads it first.
				stdout.write(
					`\ndockmate: ${what} ended${exitCode === undefined ? '' : ` with code ${exitCode}`}; press any key to return\n`,
				);
				await waitForKeypress({stdin});
			}

			if (isAttach) {
				services?.dispatch(
					statusShown(
						exitCode === undefined
							? `detached from ${name}: it runs on`
							: `${name} exited with code ${exitCode}`,
						exitCode !== undefined && exitCode !== 0,
					),
				);
			}
		} catch (error) {
			services?.dispatch(
				statusShown(
					`the connection to ${what} in ${name} failed: ${errorMessage(error)}`,
					true,
				),
			);
		} finally {
			stopGuarding();
			stdout.write(
				ansiEscapes.enterAlternativeScreen +
					ansiEscapes.cursorHide +
					ansiEscapes.clearScreen +
					bracketedPaste.on +
					(mouse ? mouseReporting.on : ''),
			);
		}
	};

	/** Unmounts the app for the session once the engine has accepted it; the app stays if it did not. */
	const handOver = (prepared: Promise<Prepared | undefined>): void => {
		void prepared.then(accepted => {
			if (accepted === undefined || instance === undefined) {
				// Nothing to hand over, or the app quit while the engine was asked.
				destroySession(accepted?.session);
				isHandingOff = false;
				return;
			}

			handOff = async () => lend(accepted);
			instance.unmount();
		});
	};

	return {
		async run(session) {
			services = session.services();
			// A new engine's services get a new tree: nothing of the old one's component state stays.
			let generation = 0;
			const unsubscribe = session.subscribe(() => {
				services = session.services();
				generation++;
				instance?.rerender(
					<App key={generation} services={services} keymap={keymap} />,
				);
			});
			for (;;) {
				// Each frame is written as the cells that changed: a screen of changing figures costs a
				// few hundred bytes a second rather than the whole screen every second.
				instance = render(
					<App key={generation} services={services} keymap={keymap} />,
					{
						stdin,
						stdout,
						exitOnCtrlC: false,
						patchConsole: false,
						frameWriter: createFrameWriter,
						// dockmate runs only in a terminal; a CI variable in the shell must not make Ink
						// hold every frame back for a log.
						isInCi: false,
						maxFps: 30,
					},
				);
				traceStartup('frame drawn');
				await instance.waitUntilExit();
				instance = undefined;
				const next = handOff;
				handOff = undefined;
				if (next === undefined) {
					unsubscribe();
					return exitStatus;
				}

				try {
					await next();
				} finally {
					isHandingOff = false;
				}
			}
		},
		quit(status) {
			exitStatus = status;
			handOff = undefined;
			instance?.unmount();
		},
		stopRendering() {
			handOff = undefined;
			instance?.unmount();
		},
		exec(id, command) {
			if (isHandingOff || instance === undefined || services === undefined) {
				return;
			}

			isHandingOff = true;
			handOver(prepare(services, id, command));
		},
		attach(id, name) {
			if (isHandingOff || instance === undefined || services === undefined) {
				services?.dispatch(
					statusShown(`${name} was created but not started: s starts it`, true),
				);
				return;
			}

			isHandingOff = true;
			const target = services;
			handOver(
				docker()
					.startAttached(id, {
						columns: stdout.columns || 80,
						rows: stdout.rows || 24,
					})
					.then(
						(session): Prepared => ({
							session,
							name,
							command: [],
							isCommand: false,
							isAttach: true,
						}),
						(error: unknown) => {
							target.dispatch(
								statusShown(
									`cannot attach to ${name}: ${errorMessage(error)}`,
									true,
								),
							);
							return undefined;
						},
					),
			);
		},
	};
}

/**
 * Until the returned function is called, a signal that ends the process first re-enters the
 * alternate screen: the terminal's restore leaves it, which also puts the cursor back where it was
 * on entering, and that must be where the session left it, not where dockmate started.
 */
function guardAgainstSignals(stdout: NodeJS.WritableStream): () => void {
	const onSignal = (signal: NodeJS.Signals): void => {
		stop();
		stdout.write(ansiEscapes.enterAlternativeScreen);
		// With our listener gone, signal-exit handles it again: restore, then die of the signal.
		process.kill(process.pid, signal);
	};

	const stop = (): void => {
		for (const signal of endingSignals) {
			process.removeListener(signal, onSignal);
		}
	};

	for (const signal of endingSignals) {
		process.on(signal, onSignal);
	}

	return stop;
}

function destroySession(session: ExecSession | undefined): void {
	(session?.stream as {destroy?: () => void} | undefined)?.destroy?.();
}
