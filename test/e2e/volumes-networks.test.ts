import assert from 'node:assert/strict';
import {afterEach, before, describe, it} from 'node:test';
import {formatBytes} from '../../source/format/units.js';
import {launchDockmate} from '../helpers/dockmate.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import {e2eLabel} from '../helpers/throwaway-daemon.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:volumes';

/**
 * Volumes, networks and the System pane against a real engine. No container is ever attached to
 * a network made here, and the one made is internal: nothing can send traffic over it.
 */
describe(
	'volumes, networks and the system on a real engine',
	{timeout: 300_000},
	() => {
		const daemon = engineFixture({image});
		let screen: TmuxSession | undefined;

		/** Whether the engine knows a volume or network of that name. */
		const exists = async (
			kind: 'volume' | 'network',
			name: string,
		): Promise<boolean> =>
			(await daemon.docker([kind, 'inspect', name])).code === 0;

		const engineSays = async (
			kind: 'volume' | 'network',
			name: string,
			present: boolean,
		): Promise<void> => {
			await waitFor(async () => (await exists(kind, name)) === present, {
				timeoutMs: 15_000,
				message: `${kind} ${name} never became ${present ? 'present' : 'gone'}`,
			});
		};

		/** Starts dockmate on the pane with focus key `key`, once it is connected. */
		const openPane = async (
			key: string,
			title: string,
		): Promise<TmuxSession> => {
			screen = await launchDockmate({
				host: daemon.host,
				columns: 120,
				rows: 32,
			});
			await screen.waitForText('● connected');
			await screen.sendKeys(key);
			await screen.waitForText(title);
			return screen;
		};

		/** Narrows the focused pane to rows matching `name` (which selects the first). */
		const filterTo = async (
			current: TmuxSession,
			name: string,
		): Promise<void> => {
			await current.sendKeys('/', name, 'Enter');
			await current.waitForText(`filter: ${name}`);
		};

		before(async () => {
			// Created, never started: it holds the volume without running anything.
			await daemon.dockerOk([
				'create',
				'--name',
				'vol-user',
				'--label',
				`${e2eLabel}=1`,
				'--network',
				'none',
				'--volume',
				'e2e-used:/data',
				image,
				'true',
			]);
		});

		afterEach(async () => {
			await screen?.kill();
			screen = undefined;
		});

		it('creates a volume from dockmate, shows its details, removes it; a volume in use is refused naming its container', async () => {
			const current = await openPane('5', '5 Volumes');
			await current.waitForText(/e2e-used\s+local\s+\S*\s+\S+\s+vol-user/);
			await current.sendKeys('n');
			await current.waitForText('Create a volume');
			await current.sendKeys('e2e-made', 'Enter', 'Enter');
			await current.waitForText('created volume e2e-made');
			await engineSays('volume', 'e2e-made', true);
			assert.equal(
				await daemon.dockerOk([
					'volume',
					'inspect',
					'--format',
					'{{.Driver}}',
					'e2e-made',
				]),
				'local',
			);

			// The new volume is selected: its details name where its data lives.
			await current.sendKeys('i');
			const mountpoint = await daemon.dockerOk([
				'volume',
				'inspect',
				'--format',
				'{{.Mountpoint}}',
				'e2e-made',
			]);
			await current.waitForText(mountpoint);
			await current.waitForText(/Used by \(0\)/);
			await current.sendKeys('Escape');
			await current.waitForText('5 Volumes');

			await current.sendKeys('d');
			await current.waitForText(/Remove 1 volume\?[\s\S]*e2e-made/);
			await current.sendKeys('y');
			await engineSays('volume', 'e2e-made', false);
			await current.waitForText('removed e2e-made');

			await filterTo(current, 'e2e-used');
			await current.sendKeys('d');
			assert.match(
				await current.waitForText(
					'✗ e2e-used is used by vol-user: remove it first',
				),
				/nothing here can be removed/,
			);
			await current.sendKeys('y');
			await current.waitForText(
				'refused: e2e-used is used by vol-user: remove it first',
			);
			assert.ok(await exists('volume', 'e2e-used'), 'the volume in use stays');
			await current.sendKeys('Escape', 'L');
			await current.waitForText('✓ docker volume create e2e-made');
			await current.waitForText('✓ docker volume rm e2e-made');
		});

		it('creates an internal network with a subnet from dockmate, shows its details, removes it', async () => {
			const current = await openPane('6', '6 Networks');
			await current.waitForText(/none\s+null\s+local/);
			await current.sendKeys('n');
			await current.waitForText('Create a network');
			// Enter goes to the next field; on the last one it creates.
			await current.sendKeys('e2e-net', 'Tab', 'Tab', '10.231.0.9/24');
			await current.sendKeys('Enter', 'Enter');
			await current.waitForText(
				'10.231.0.9/24 has host bits set: the subnet is 10.231.0.0/24',
			);
			assert.equal(await exists('network', 'e2e-net'), false);
			await current.sendKeys(
				'BSpace',
				'BSpace',
				'BSpace',
				'BSpace',
				'0/24',
				'Tab',
			);
			await current.sendKeys(' ');
			await current.waitForText(/Internal\s+‹ yes ›/);
			await current.sendKeys('Enter');
			await current.waitForText('created network e2e-net');
			await engineSays('network', 'e2e-net', true);
			assert.equal(
				await daemon.dockerOk([
					'network',
					'inspect',
					'--format',
					'{{.Driver}} {{.Internal}} {{range .IPAM.Config}}{{.Subnet}}{{end}}',
					'e2e-net',
				]),
				'bridge true 10.231.0.0/24',
			);
			await current.waitForText(
				/e2e-net \(internal\)\s+bridge\s+local\s+10\.231\.0\.0\/24/,
			);

			await current.sendKeys('i');
			await current.waitForText(/Internal\s+yes/);
			await current.waitForText(/IPAM[\s\S]*10\.231\.0\.0\/24/);
			await current.sendKeys('Escape');
			await current.waitForText('6 Networks');

			await current.sendKeys('d');
			await current.waitForText(/Remove 1 network\?[\s\S]*e2e-net/);
			await current.sendKeys('y');
			await engineSays('network', 'e2e-net', false);
			await current.waitForText('removed e2e-net');

			await filterTo(current, 'none');
			await current.sendKeys('d', 'y');
			await current.waitForText(
				'refused: none comes with the engine and cannot be removed',
			);
			assert.ok(await exists('network', 'none'));
		});

		it('the System pane shows the engine version and disk usage as system df measures it', async () => {
			const version = await daemon.dockerOk([
				'version',
				'--format',
				'{{.Server.Version}}',
			]);
			const size = Number(
				await daemon.dockerOk([
					'image',
					'inspect',
					'--format',
					'{{.Size}}',
					image,
				]),
			);
			const current = await openPane('8', '8 System');
			await current.waitForText(`Engine  Docker ${version} · API`);
			// One image of one layer: all layers are that image, and a container uses it.
			const frame = await current.waitForText('Images (1, 1 active)');
			assert.match(
				frame,
				new RegExp(
					`Images \\(1, 1 active\\)\\s+${formatBytes(size).replace('.', '\\.')}\\s+0B \\(0%\\)`,
				),
			);
			assert.match(frame, /Containers \(1, 0 active\)/);
			assert.match(frame, /Local Volumes \(1, 1 active\)/);
			assert.match(frame, /^│ +e2e-used +\S+ +1 container, local/m);
		});
	},
);
