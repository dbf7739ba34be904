import os from 'node:os';
import meow from 'meow';
import {createAppRunner} from './app-runner.js';
import {clipboardSequence} from './clipboard.js';
import {isUsageError, parseCliFlags, usageHint} from './cli-flags.js';
import {ConfigError, configPath, readConfig} from './config.js';
import {debugLogPath, routeStrayOutput} from './debug-log.js';
import {
	withPrefetchedContainers,
	type ContainerPrefetch,
} from './docker/container-prefetch.js';
import {createDockerodeClient} from './docker/dockerode-client.js';
import {
	EndpointError,
	resolveEndpoint,
	type Endpoint,
} from './docker/endpoint.js';
import {createFleetClient} from './docker/fleet-client.js';
import type {DockerClient} from './docker/docker-client.js';
import type {HostChoice} from './docker/host-choices.js';
import {fleetMemberChoices, fleetTargets} from './fleet-members.js';
import {DockerError} from './docker/errors.js';
import {sshConnectionTo} from './docker/ssh-connection.js';
import {logInToSshEngines} from './docker/ssh-logins.js';
import {defaultLogSettings} from './runtime/log-feed.js';
import {createServices} from './runtime/services.js';
import {answersWithin, createEngineSession} from './runtime/engine-session.js';
import {readHostList} from './host-list.js';
import {traceStartup} from './startup-trace.js';
import {keysMarkdown} from './keymap/keys-markdown.js';
import {keymapInForce, keymapProblemsText} from './ui/keymap-in-force.js';
import {statusShown} from './state/status.js';
import {takeOverTerminal} from './terminal.js';
import {themeChosen} from './ui/theme.js';

const cli = meow(
	`
	Usage
	  $ dockmate [options]

	Options
	  -H, --host <url>     Engine to connect to: unix:///path, tcp://host:port, ssh://user@host
	  -c, --context <name> Docker context to use (see: docker context ls)
	                       Give --host and --context several times to watch a fleet
	                       of engines at once
	  --fleet <name>       Open a fleet of the config file: {"fleet": {"prod": [...]}}
	  --read-only          Refuse every action that changes the engine
	                       (also "readOnly": true in ~/.config/dockmate/config.json;
	                       --no-read-only overrides that)
	  --tail <lines>       Lines of history the logs view (l) starts with; default 500
	                       (also "logTail" in the config file)
	  --print-keys         Print the keys in force as a markdown table, to start
	                       "keys" in the config file from, e.g.
	                       {"keys": {"item.remove": "x", "app.quit": ["q", "ctrl+q"]}}
	  --no-mouse           Leave the mouse to the terminal, for selecting text
	                       (also "mouse": false); with the mouse on, Shift-drag selects
	  --theme dark|light   Colours for a dark (default) or light background
	                       (also "theme"); NO_COLOR=1 draws no colours at all
	  -h, --help           Show this help
	  -v, --version        Show the version

	The engine is chosen like the docker CLI does: --host, DOCKER_HOST, --context,
	DOCKER_CONTEXT, the current context in ~/.docker/config.json, then the local socket
	(or Podman's, where there is no Docker socket).
	TLS for tcp:// follows DOCKER_TLS_VERIFY and DOCKER_CERT_PATH.

	Press ? inside dockmate for the keys; c switches engines live, among the docker
	contexts and "hosts" in the config file, e.g.
	  {"hosts": [{"name": "prod", "host": "ssh://me@server"}]}
`,
	// The arguments are read by parseCliFlags, which refuses what meow would let pass or throw on;
	// meow prints the help and the version.
	{importMeta: import.meta, argv: []},
);

// Deprecation notices are for developers of our dependencies (docker-modem builds an ssh URL
// Node frowns upon); printed to a user's terminal they would only tear the screen.
process.noDeprecation = true;

/** How long we wait for the engine before giving up with a message. */
const connectTimeoutMs = 4000;
/**
 * How long the first frame waits for the container list. Drawing an empty frame first costs
 * about as much as drawing the list, and the list usually arrives well within this.
 */
const firstListWaitMs = 300;

function fail(message: string, hint?: string): never {
	process.stderr.write(
		`dockmate: ${message}\n${hint === undefined ? '' : `hint: ${hint}\n`}`,
	);
	process.exit(1);
}

/** A command line dockmate cannot follow: exit status 2, as for any command's usage error. */
function failUsage(message: string): never {
	process.stderr.write(`dockmate: ${message}\n${usageHint}\n`);
	process.exit(2);
}

/** Runs dockmate; `prefetch` is the container list the bin asked for while this was loading. */
export async function main(prefetch?: ContainerPrefetch): Promise<void> {
	traceStartup('app loaded');
	const flags = parseCliFlags(process.argv.slice(2));
	if (isUsageError(flags)) {
		failUsage(flags.error);
	}

	if (flags.help) {
		cli.showHelp(0);
	}

	if (flags.version) {
		cli.showVersion();
	}

	let config;
	try {
		config = readConfig(configPath(process.env, os.homedir()));
	} catch (error) {
		if (error instanceof ConfigError) {
			fail(error.message);
		}

		throw error;
	}

	const logTail = flags.tail ?? config.logTail ?? defaultLogSettings.tail;
	const keymap = keymapInForce(config.keys);
	const keymapProblems = keymapProblemsText(keymap.problems);
	if (flags.printKeys) {
		process.stdout.write(keysMarkdown(keymap.table));
		if (keymapProblems !== undefined) {
			process.stderr.write(`dockmate: ${keymapProblems}\n`);
		}

		process.exit(0);
	}

	let endpoint: Endpoint;
	let docker: DockerClient;
	// The fleet to offer again in the host switcher (c) once one of its engines is chosen.
	let fleetChoice:
		| {
				readonly choice: HostChoice;
				readonly connect: () => DockerClient;
				readonly members: readonly HostChoice[];
		  }
		| undefined;
	try {
		const fleet = fleetTargets(flags, config, {
			env: process.env,
			homeDir: os.homedir(),
		});
		if (fleet === undefined) {
			endpoint = resolveEndpoint({
				host: flags.host,
				context: flags.context,
				env: process.env,
				homeDir: os.homedir(),
			});
			docker = withPrefetchedContainers(
				createDockerodeClient(endpoint),
				endpoint,
				prefetch,
			);
		} else {
			// The host switcher (c) starts from the fleet's first engine.
			const [head] = fleet;
			if (head === undefined) {
				throw new EndpointError('the fleet names no engine');
			}

			endpoint = head.endpoint;
			const connectFleet = (): DockerClient =>
				createFleetClient(
					fleet.map(target => ({
						name: target.name,
						client: createDockerodeClient(target.endpoint),
						readOnly: target.readOnly,
						cli: target.cli,
					})),
				);
			docker = connectFleet();
			fleetChoice = {
				choice: {
					id: 'fleet',
					kind: 'fleet',
					name: flags.fleet ?? 'fleet',
					description: fleet.map(target => target.name).join(', '),
					endpoint,
					error: undefined,
				},
				connect: connectFleet,
				members: fleetMemberChoices(fleet),
			};
			await logInToSshEngines(
				fleet.map(target => target.endpoint),
				{isTerminal: process.stdin.isTTY},
			);
		}
	} catch (error) {
		if (error instanceof EndpointError) {
			if (error.isFlagFault) {
				failUsage(error.message);
			}

			fail(error.message);
		}

		throw error;
	}

	try {
		if (endpoint.kind === 'ssh' && docker.fleet === undefined) {
			// ssh asks its own questions (a passphrase, an unknown host key) now, on the terminal
			// as it is: inside the full-screen UI nobody could answer them. Without a terminal it
			// fails at once instead.
			// The bin began it while the app loaded.
			await (prefetch?.url === endpoint.url && prefetch.login !== undefined
				? prefetch.login
				: sshConnectionTo(endpoint).open({
						interactive: process.stdin.isTTY,
					}));
		}

		await answersWithin(docker, endpoint, connectTimeoutMs);
		traceStartup('engine answered');
	} catch (error) {
		if (error instanceof DockerError) {
			fail(error.message, error.hint);
		}

		throw error;
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		fail('needs an interactive terminal (stdin and stdout must be a tty)');
	}

	// NO_COLOR with any value, as the issue of colour in terminals asks (no-color.org).
	themeChosen(
		flags.theme ?? config.theme ?? 'dark',
		process.env['NO_COLOR'] !== undefined,
	);
	const mouse = flags.mouse ?? config.mouse ?? true;
	const runner = createAppRunner({
		stdin: process.stdin,
		stdout: process.stdout,
		docker: () => session.docker(),
		keymap: keymap.table,
		mouse,
	});
	const restore = takeOverTerminal({
		stdin: process.stdin,
		stdout: process.stdout,
		stopRendering: runner.stopRendering,
		mouse,
	});
	// From here on the screen is Ink's alone: whatever else would be printed goes to a log.
	const restoreOutput = routeStrayOutput(
		debugLogPath(process.env, os.homedir()),
	);
	const readOnly = flags.readOnly ?? config.readOnly ?? false;
	// A host switch makes services like these on the new engine; read-only stays as configured.
	const session = createEngineSession({
		docker,
		endpoint,
		connect: createDockerodeClient,
		...(fleetChoice === undefined ? {} : {fleet: fleetChoice}),
		listChoices: () =>
			readHostList({
				env: process.env,
				homeDir: os.homedir(),
				startup: endpoint,
			}),
		makeServices: (client, switching, engineReadOnly) =>
			createServices({
				docker: client,
				readOnly: readOnly || engineReadOnly,
				logSettings: {tail: logTail},
				quit: runner.quit,
				exec: runner.exec,
				attach: runner.attach,
				copy(text) {
					process.stdout.write(clipboardSequence(text));
				},
				switching,
			}),
	});
	if (keymapProblems !== undefined) {
		session.services().dispatch(statusShown(keymapProblems, true));
	}

	await session.services().firstList(firstListWaitMs);
	traceStartup('first list in, or waited for');
	const status = await runner.run(session);
	session.dispose();
	restore();
	restoreOutput();
	process.exit(status);
}
