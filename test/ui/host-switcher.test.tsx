import assert from 'node:assert/strict';
import {stripVTControlCharacters} from 'node:util';
import {afterEach, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import type {DockerClient} from '../../source/docker/docker-client.js';
import type {Endpoint} from '../../source/docker/endpoint.js';
import {DockerError} from '../../source/docker/errors.js';
import type {HostChoice} from '../../source/docker/host-choices.js';
import {
	createEngineSession,
	type EngineSession,
} from '../../source/runtime/engine-session.js';
import {createServices} from '../../source/runtime/services.js';
import {createFleetClient} from '../../source/docker/fleet-client.js';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';
import {keys} from '../helpers/keys.js';
import {fastTiming, settle} from '../helpers/render-app.js';
import {waitFor} from '../helpers/wait-for.js';

/** A fake engine that names itself, as a real client names its endpoint, with one container. */
function named<T extends FakeDockerClient>(
	engine: T,
	endpoint: string,
	container: string,
): T {
	Object.defineProperty(engine, 'endpoint', {value: endpoint});
	engine.putContainer(fakeContainer({name: container}));
	return engine;
}

/** An engine whose ping never answers and ignores the abort, like a black-holed address. */
class SilentEngine extends FakeDockerClient {
	/** The signal of each ping, in order. */
	readonly signals: (AbortSignal | undefined)[] = [];

	override async ping(signal?: AbortSignal): Promise<void> {
		this.signals.push(signal);
		return new Promise(() => undefined);
	}
}

function endpointOf(name: string): Endpoint {
	return {
		kind: 'unix',
		socketPath: `/tmp/${name}.sock`,
		url: `unix:///tmp/${name}.sock`,
		source: {kind: 'host', name},
	};
}

function choice(name: string, error?: string): HostChoice {
	return {
		id: `host:${name}`,
		kind: 'host',
		name,
		description: '',
		endpoint: error === undefined ? endpointOf(name) : undefined,
		error,
	};
}

/** Renders the app as the runner does: a new tree whenever the session replaces the services. */
function renderSession(options: {
	readonly engines: Readonly<Record<string, DockerClient>>;
	readonly choices: readonly HostChoice[];
	readonly problem?: string;
	readonly switchTimeoutMs?: number;
	/** The fleet dockmate started with, instead of the engine `first`. */
	readonly fleet?: {
		readonly choice: HostChoice;
		readonly connect: () => DockerClient;
		/** Its engines as offered alone; none unless given. */
		readonly members?: readonly HostChoice[];
	};
	/** Read-only unless told otherwise, and always on an engine read-only of its own. */
	readonly readOnly?: boolean;
}) {
	const first = options.fleet?.connect() ?? options.engines['first'];
	assert.ok(first);
	const session: EngineSession = createEngineSession({
		docker: first,
		...(options.fleet === undefined
			? {}
			: {fleet: {members: [], ...options.fleet}}),
		endpoint: endpointOf('first'),
		connect(endpoint) {
			const engine =
				endpoint.source.kind === 'host'
					? options.engines[endpoint.source.name]
					: undefined;
			assert.ok(engine, `no engine for ${endpoint.url}`);
			return engine;
		},
		listChoices: () => ({choices: options.choices, problem: options.problem}),
		makeServices: (docker, switching, readOnly) =>
			createServices({
				docker,
				readOnly: (options.readOnly ?? true) || readOnly,
				timing: fastTiming,
				statsTiming: {intervalMs: 20, maxStreams: 24},
				switching,
			}),
		...(options.switchTimeoutMs === undefined
			? {}
			: {switchTimeoutMs: options.switchTimeoutMs}),
	});
	const size = {columns: 120, rows: 30};
	let generation = 0;
	const instance = render(
		<App key={generation} services={session.services()} size={size} />,
	);
	session.subscribe(() => {
		generation++;
		instance.rerender(
			<App key={generation} services={session.services()} size={size} />,
		);
	});
	const lastFrame = (): string =>
		stripVTControlCharacters(instance.lastFrame() ?? '');
	return {
		session,
		lastFrame,
		async press(...sequence: string[]) {
			for (const key of sequence) {
				instance.stdin.write(key);
				await settle();
			}
		},
		async waitForFrame(
			matches: (frame: string) => boolean,
			message: string,
		): Promise<string> {
			return waitFor(
				() => {
					const frame = lastFrame();
					return matches(frame) ? frame : undefined;
				},
				{timeoutMs: 3000, message, describe: () => `\n${lastFrame()}`},
			);
		},
		unmount() {
			session.dispose();
			instance.unmount();
		},
	};
}

/** Two engines named first and second, showing the containers alpha and beta. */
function firstAndSecond() {
	return {
		first: named(
			new FakeDockerClient(),
			'first (unix:///tmp/first.sock)',
			'alpha',
		),
		second: named(
			new FakeDockerClient(),
			'second (unix:///tmp/second.sock)',
			'beta',
		),
	};
}

let app: ReturnType<typeof renderSession> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('host switcher', () => {
	it('switches engines in place: old streams closed, state cleared, header and lists from the new engine', async () => {
		const {first, second} = firstAndSecond();
		app = renderSession({
			engines: {first, second},
			choices: [choice('first'), choice('second')],
		});
		await app.waitForFrame(
			frame => frame.includes('alpha') && frame.includes('● connected'),
			'the first engine never showed',
		);
		assert.equal(first.openEventStreams, 1);
		await app.press('/', 'a', 'l', keys.enter);
		await app.waitForFrame(
			frame => frame.includes('filter: al'),
			'the filter never applied',
		);

		await app.press('c');
		const list = await app.waitForFrame(
			frame => frame.includes('Engines'),
			'the switcher never opened',
		);
		assert.match(list, /● first\s+host\s+unix:\/\/\/tmp\/first\.sock/);
		assert.match(list, / {2}second\s+host\s+unix:\/\/\/tmp\/second\.sock/);

		await app.press(keys.down, keys.enter);
		const switched = await app.waitForFrame(
			frame => frame.includes('beta') && frame.includes('● connected'),
			'the second engine never showed',
		);
		assert.match(
			switched,
			/Docker 20\.10\.24 @ second \(unix:\/\/\/tmp\/second\.sock\)/,
		);
		assert.match(switched, /\[read-only]/, 'read-only stays as configured');
		assert.doesNotMatch(switched, /alpha|Engines|filter: al/);
		assert.match(switched, /switched to second/);
		assert.equal(first.openEventStreams, 0, "the old engine's events closed");
		assert.equal(second.openEventStreams, 1);
		assert.equal(app.session.docker(), second);

		// The new engine's feed runs: a container it reports shows up.
		second.putContainer(fakeContainer({name: 'gamma'}));
		second.emit({type: 'container', id: 'gamma', action: 'start'});
		await app.waitForFrame(
			frame => frame.includes('gamma'),
			'the new engine’s events were not followed',
		);

		await app.press('c');
		const again = await app.waitForFrame(
			frame => frame.includes('Engines'),
			'the switcher never opened again',
		);
		assert.match(again, /● second/);
		assert.match(again, / {2}first/);
	});

	it('stays on the old engine, with the error, when the new one refuses', async () => {
		const first = named(new FakeDockerClient(), 'first', 'alpha');
		const dead = named(new FakeDockerClient(), 'dead', 'never');
		dead.failNext(
			'ping',
			new DockerError(
				'unreachable',
				'cannot connect to the Docker engine at unix:///tmp/dead.sock: connection refused',
			),
		);
		app = renderSession({
			engines: {first, dead},
			choices: [choice('first'), choice('dead')],
		});
		await app.waitForFrame(frame => frame.includes('alpha'), 'no alpha');
		await app.press('c', 'j', keys.enter);
		const failed = await app.waitForFrame(
			frame => frame.includes('connection refused'),
			'the failure was not shown',
		);
		assert.match(failed, /Engines/, 'the list stays open to choose again');
		await app.press(keys.escape);
		const stayed = await app.waitForFrame(
			frame => !frame.includes('Engines') && frame.includes('alpha'),
			'the old engine did not stay',
		);
		assert.match(stayed, /@ first/);
		assert.match(stayed, /connection refused/, 'the status line keeps it');
		assert.equal(first.openEventStreams, 1, 'the old feed still runs');
		assert.equal(app.session.docker(), first);
	});

	it('Esc abandons a connection under way, and a silent engine fails at the deadline', async () => {
		const first = named(new FakeDockerClient(), 'first', 'alpha');
		const silent = named(new SilentEngine(), 'silent', 'never');
		app = renderSession({
			engines: {first, silent},
			choices: [choice('first'), choice('silent')],
			switchTimeoutMs: 300,
		});
		await app.waitForFrame(frame => frame.includes('alpha'), 'no alpha');
		await app.press('c', 'j', keys.enter);
		await app.waitForFrame(
			frame => frame.includes('connecting to silent…'),
			'no sign of connecting',
		);
		await app.press(keys.escape);
		const abandoned = await app.waitForFrame(
			frame => !frame.includes('Engines'),
			'Esc did not close the list',
		);
		assert.match(abandoned, /alpha/);
		// The attempt's deadline is off with it: nothing is left to report a failure later.
		await waitFor(() => silent.signals[0]?.aborted, {
			timeoutMs: 1000,
			message: 'the ping was not called off',
		});
		assert.doesNotMatch(app.lastFrame(), /cannot connect|cancelled/);

		await app.press('c', 'j', keys.enter);
		const failed = await app.waitForFrame(
			frame =>
				frame.includes(
					'cannot connect to the Docker engine at unix:///tmp/silent.sock: no answer within 0.3 s',
				),
			'the deadline never came',
		);
		assert.match(failed, /Engines/);
		assert.equal(app.session.docker(), first);
	});

	it('shows why a choice cannot be used, and why the list may be short', async () => {
		const first = named(new FakeDockerClient(), 'first', 'alpha');
		app = renderSession({
			engines: {first},
			choices: [
				choice('first'),
				choice('broken', 'unsupported scheme "fd" in context "broken"'),
			],
			problem: '/home/u/.config/dockmate/config.json is not valid JSON',
		});
		await app.waitForFrame(frame => frame.includes('alpha'), 'no alpha');
		await app.press('c');
		const list = await app.waitForFrame(
			frame => frame.includes('Engines'),
			'the switcher never opened',
		);
		assert.match(list, /broken\s+host\s+unsupported scheme "fd"/);
		assert.match(list, /config\.json is not valid JSON/);
		await app.press('j', keys.enter);
		await app.waitForFrame(
			frame => frame.includes('@ first') && /✕|unsupported/.test(frame),
			'the reason was not shown',
		);
		await app.press('k', keys.enter);
		await app.waitForFrame(
			frame => !frame.includes('Engines'),
			'Enter on the current engine did not just close the list',
		);
	});

	it('lists every engine however many: G moves to the last, g to the first, and Enter switches to the one chosen', async () => {
		const first = named(new FakeDockerClient(), 'first', 'alpha');
		const last = named(new FakeDockerClient(), 'zz-last', 'omega');
		const others = Array.from(
			{length: 38},
			(_, index) => `lab-${String(index).padStart(2, '0')}`,
		);
		app = renderSession({
			engines: {first, 'zz-last': last},
			choices: [
				choice('first'),
				...others.map(name => choice(name)),
				choice('zz-last'),
			],
		});
		await app.waitForFrame(frame => frame.includes('alpha'), 'no alpha');
		await app.press('c');
		const top = await app.waitForFrame(
			frame => /Engines .* · 1–\d+ of 40/.test(frame),
			'the switcher never said how many engines it lists',
		);
		assert.doesNotMatch(top, /zz-last/);
		await app.press('G');
		const bottom = await app.waitForFrame(
			frame => /Engines .* · \d+–40 of 40/.test(frame),
			'G did not go to the last engine',
		);
		assert.match(bottom, /zz-last/);
		assert.doesNotMatch(bottom, /● first/);
		await app.press('g');
		await app.waitForFrame(
			frame =>
				/Engines .* · 1–\d+ of 40/.test(frame) && frame.includes('● first'),
			'g did not go back to the first engine',
		);
		await app.press('G', keys.enter);
		await app.waitForFrame(
			frame => frame.includes('omega') && frame.includes('● connected'),
			'Enter after G did not switch to the last engine',
		);
	});

	it('offers the engines by name in the palette, and Enter on one switches to it as the switcher would', async () => {
		const {first, second} = firstAndSecond();
		app = renderSession({
			engines: {first, second},
			choices: [choice('first'), choice('second'), choice('broken', 'no TLS')],
		});
		await app.waitForFrame(
			frame => frame.includes('alpha') && frame.includes('● connected'),
			'the first engine never showed',
		);
		await app.press(':', 'first');
		await app.waitForFrame(
			frame => /first\s+engine · current/.test(frame),
			'the palette did not offer the current engine',
		);
		// One the switcher cannot use fails as it would there, in the switcher.
		await app.press(...Array.from('first', () => keys.backspace), 'broken');
		await app.waitForFrame(
			frame => /broken\s+engine/.test(frame),
			'the palette did not offer the broken engine',
		);
		await app.press(keys.enter);
		await app.waitForFrame(
			frame => frame.includes('Engines') && frame.includes('no TLS'),
			'the switcher did not say why the engine cannot be used',
		);
		await app.press(keys.escape, ':', 'second');
		await app.waitForFrame(
			frame => /second\s+engine(?! · current)/.test(frame),
			'the palette did not offer the second engine',
		);
		await app.press(keys.enter);
		const switched = await app.waitForFrame(
			frame => frame.includes('beta') && frame.includes('● connected'),
			'Enter in the palette did not switch engines',
		);
		assert.match(switched, /switched to second/);
		assert.equal(app.session.docker(), second);
	});

	it('offers the fleet it started with: one engine of it, then the whole fleet again', async () => {
		const first = named(
			new FakeDockerClient(),
			'first (unix:///tmp/first.sock)',
			'alpha',
		);
		const second = named(
			new FakeDockerClient(),
			'second (unix:///tmp/second.sock)',
			'beta',
		);
		app = renderSession({
			engines: {first, second},
			choices: [choice('first'), choice('second')],
			fleet: {
				choice: {
					id: 'fleet',
					kind: 'fleet',
					name: 'lab',
					description: 'first, second',
					endpoint: endpointOf('first'),
					error: undefined,
				},
				connect: () =>
					createFleetClient(
						[
							{name: 'first', client: first, readOnly: false, cli: 'docker'},
							{name: 'second', client: second, readOnly: false, cli: 'docker'},
						],
						{listWaitMs: 200},
					),
			},
		});
		await app.waitForFrame(
			frame => frame.includes('alpha') && frame.includes('beta'),
			'the fleet never listed both engines',
		);
		await app.press('c');
		const list = await app.waitForFrame(
			frame => frame.includes('Engines'),
			'the switcher never opened',
		);
		assert.match(list, /● lab\s+fleet\s+first, second/);
		assert.match(list, / {2}first\s+host\s+unix:\/\/\/tmp\/first\.sock/);

		await app.press(keys.down, keys.enter);
		await app.waitForFrame(
			frame =>
				frame.includes('alpha') &&
				!frame.includes('beta') &&
				frame.includes('switched to first'),
			'one engine of the fleet never showed alone',
		);
		assert.equal(app.session.docker().fleet, undefined);

		await app.press('c');
		const again = await app.waitForFrame(
			frame => frame.includes('Engines'),
			'the switcher never opened again',
		);
		assert.match(again, / {2}lab\s+fleet\s+first, second/);
		assert.match(again, /● first\s+host/);
		await app.press(keys.up, keys.enter);
		const back = await app.waitForFrame(
			frame =>
				frame.includes('alpha') &&
				frame.includes('beta') &&
				frame.includes('ENGINE'),
			'the fleet never came back',
		);
		assert.doesNotMatch(back, /Engines ·/);
		assert.ok(app.session.docker().fleet !== undefined);
	});
	it('offers each engine of the fleet alone, those written out only in the fleet too, read-only as the fleet says', async () => {
		const first = named(
			new FakeDockerClient(),
			'first (unix:///tmp/first.sock)',
			'alpha',
		);
		const third = named(
			new FakeDockerClient(),
			'third (unix:///tmp/third.sock)',
			'gamma',
		);
		const member = (name: string, readOnly: boolean): HostChoice => ({
			...choice(name),
			description: 'of the fleet',
			...(readOnly ? {readOnly: true} : {}),
		});
		app = renderSession({
			engines: {first, third},
			// The config's hosts and contexts: third is not among them.
			choices: [choice('first')],
			readOnly: false,
			fleet: {
				choice: {
					id: 'fleet',
					kind: 'fleet',
					name: 'lab',
					description: 'first, third',
					endpoint: endpointOf('first'),
					error: undefined,
				},
				connect: () =>
					createFleetClient(
						[
							{name: 'first', client: first, readOnly: false, cli: 'docker'},
							{name: 'third', client: third, readOnly: true, cli: 'docker'},
						],
						{listWaitMs: 200},
					),
				members: [member('first', false), member('third', true)],
			},
		});
		await app.waitForFrame(
			frame => frame.includes('alpha') && frame.includes('gamma'),
			'the fleet never listed both engines',
		);
		await app.press('c');
		const list = await app.waitForFrame(
			frame => frame.includes('Engines'),
			'the switcher never opened',
		);
		assert.match(list, /● lab\s+fleet\s+first, third/);
		assert.equal(list.match(/ first\s+host/g)?.length, 1, 'first listed twice');
		assert.match(
			list,
			/ {2}third\s+host\s+unix:\/\/\/tmp\/third\.sock · of the fleet/,
		);
		await app.press(keys.down, keys.down, keys.enter);
		await app.waitForFrame(
			frame => frame.includes('gamma') && frame.includes('switched to third'),
			'third never showed alone',
		);
		assert.equal(app.session.docker(), third);
		assert.equal(app.session.services().store.getState().readOnly, true);
	});
});
