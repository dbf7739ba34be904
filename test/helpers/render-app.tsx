import assert from 'node:assert/strict';
import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import type {Binding} from '../../source/keymap/bindings.js';
import type {DockerClient} from '../../source/docker/docker-client.js';
import type {Pane} from '../../source/state/app-state.js';
import type {FeedTiming} from '../../source/runtime/container-feed.js';
import type {LogSettings} from '../../source/runtime/log-feed.js';
import type {ComposeRunner} from '../../source/runtime/compose-runner.js';
import {createServices, type Services} from '../../source/runtime/services.js';
import {FakeDockerClient} from '../fakes/fake-docker-client.js';
import {waitFor} from './wait-for.js';

/** Short intervals so that feed behaviour shows within a test's deadline. */
export const fastTiming: FeedTiming = {
	settleMs: 40,
	relistIntervalMs: 20,
	backoffMs: 20,
	maxBackoffMs: 200,
};

/** Lets React 19's scheduler flush and Ink re-subscribe its input handlers. */
export async function settle(): Promise<void> {
	await new Promise(resolve => setImmediate(resolve));
	await new Promise(resolve => setTimeout(resolve, 0));
}

/** Renders the whole app over a fake engine at a fixed terminal size. */
export function renderApp(
	options: {
		readonly docker?: FakeDockerClient;
		/** What the app talks to, where not the fake itself: a fleet over fakes. */
		readonly client?: DockerClient;
		readonly columns?: number;
		readonly rows?: number;
		readonly readOnly?: boolean;
		readonly logSettings?: Partial<LogSettings>;
		readonly composeRunner?: ComposeRunner;
		readonly attach?: (containerId: string, name: string) => void;
		/** Where a build context starts. */
		readonly cwd?: string;
		/** The keymap table in force, as the config file's `"keys"` makes it. */
		readonly keymap?: readonly Binding[];
	} = {},
) {
	const docker = options.docker ?? new FakeDockerClient();
	const quitStatuses: number[] = [];
	const copied: string[] = [];
	const services: Services = createServices({
		docker: options.client ?? docker,
		readOnly: options.readOnly ?? false,
		timing: fastTiming,
		statsTiming: {intervalMs: 20, maxStreams: 24},
		...(options.logSettings ? {logSettings: options.logSettings} : {}),
		...(options.composeRunner ? {composeRunner: options.composeRunner} : {}),
		...(options.attach ? {attach: options.attach} : {}),
		...(options.cwd === undefined ? {} : {cwd: options.cwd}),
		quit(status) {
			quitStatuses.push(status);
		},
		copy(text) {
			copied.push(text);
		},
	});
	const size = {columns: options.columns ?? 120, rows: options.rows ?? 40};
	const instance = render(
		<App
			services={services}
			size={size}
			{...(options.keymap ? {keymap: options.keymap} : {})}
		/>,
	);
	const running = services.start();
	const lastFrame = (): string =>
		stripVTControlCharacters(instance.lastFrame() ?? '');
	return {
		docker,
		services,
		lastFrame,
		/** The last frame with its escape sequences (colours, inverse video). */
		rawFrame: (): string => instance.lastFrame() ?? '',
		/** How many frames Ink has written so far. */
		frameCount: () => instance.frames.length,
		get quitCount() {
			return quitStatuses.length;
		},
		/** The exit status of each quit asked for, in order. */
		quitStatuses,
		/** Each text put on the clipboard, in order. */
		copied,
		/** Writes `burst` to the terminal input in one write, as one read delivers it. */
		async burst(burst: string) {
			instance.stdin.write(burst);
			await settle();
		},
		/** Presses keys one at a time, letting the app settle after each. */
		async press(...sequence: string[]) {
			for (const key of sequence) {
				instance.stdin.write(key);
				await settle();
			}
		},
		/** Types text one key at a time, as a user does. */
		async type(text: string) {
			await this.press(...Array.from(text));
		},
		/** Waits until the frame contains `text` (or satisfies a predicate); returns the frame. */
		async waitForFrame(
			expected: string | RegExp | ((frame: string) => boolean),
			timeoutMs = 3000,
		): Promise<string> {
			const matches = (frame: string): boolean =>
				typeof expected === 'string'
					? frame.includes(expected)
					: expected instanceof RegExp
						? expected.test(frame)
						: expected(frame);
			return waitFor(
				() => {
					const frame = lastFrame();
					return matches(frame) ? frame : undefined;
				},
				{
					timeoutMs,
					message: `frame never matched ${String(expected)}`,
					describe: () => `last frame:\n${lastFrame()}`,
				},
			);
		},
		/** The id of the row selected in `pane`, as the store holds it: what the highlight shows. */
		selected(pane: Pane): string | undefined {
			return services.store.getState().ui.selection[pane];
		},
		async unmount() {
			services.dispose();
			instance.unmount();
			await running;
		},
	};
}

export type RenderedApp = ReturnType<typeof renderApp>;

/** Moves the selection of `pane` (which must have focus) onto the row with `id`. */
export async function selectRow(
	app: RenderedApp,
	pane: Pane,
	id: string,
): Promise<void> {
	const selected = () => app.selected(pane);
	await app.press('g');
	for (let step = 0; step < 30 && selected() !== id; step++) {
		await app.press('j');
	}

	assert.equal(selected(), id, `could not select ${id} in ${pane}`);
}
