import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {readdirSync, readFileSync} from 'node:fs';
import {dockmatePid, launchDockmate} from '../helpers/dockmate.js';
import {
	removeLabelled,
	runLabelled,
	runMany,
} from '../helpers/e2e-containers.js';
import {lineWith} from '../helpers/frame.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import type {TmuxSession} from '../helpers/tmux.js';

const image = 'dockmate-e2e/busybox:resources';

/** The screen line of the row named `name`. */
function row(screen: string, name: string): string {
	return lineWith(screen, new RegExp(`\\s${name}\\s`));
}

/** The first percentage on a row (its CPU column), as a number. */
function cpuOf(line: string): number | undefined {
	const match = /\s(\d+(?:\.\d)?)%/.exec(line);
	return match === null ? undefined : Number(match[1]);
}

const daemon = engineFixture({image});

describe('resource figures on a real engine', {timeout: 180_000}, () => {
	let screen: TmuxSession | undefined;

	before(async () => {
		await runLabelled(daemon, {
			name: 'e2e-busy',
			image,
			command: ['sh', '-c', 'while :; do :; done'],
		});
		await runLabelled(daemon, {
			name: 'e2e-capped',
			image,
			options: ['--cpus', '0.2'],
			command: ['sh', '-c', 'yes > /dev/null'],
		});
		await runLabelled(daemon, {
			name: 'e2e-small',
			image,
			options: ['--memory', '32m'],
		});
		// The subshell outgrows the limit and is OOM-killed; the container lives on.
		await runLabelled(daemon, {
			name: 'e2e-oom',
			image,
			options: ['--memory', '32m', '--memory-swap', '32m'],
			command: [
				'sh',
				'-c',
				'(x=$(head -c 100000000 /dev/zero | tr "\\000" a)); sleep 600',
			],
		});
		screen = await launchDockmate({host: daemon.host, columns: 160, rows: 40});
	});

	after(async () => {
		await screen?.kill();
		await removeLabelled(daemon);
	});

	it('reads the cgroup files of a local engine, and a busy container shows over 50% CPU within 3 s', async () => {
		const shown = await screen!.waitForText(
			text => (cpuOf(row(text, 'e2e-busy')) ?? 0) > 50,
			3000,
		);
		assert.match(shown, /stats: cgroup v[12]/);
	});

	it('agrees with docker stats on a busy container', async () => {
		const dockerStats = await daemon.dockerOk([
			'stats',
			'--no-stream',
			'--format',
			'{{.CPUPerc}}',
			'e2e-capped',
		]);
		const theirs = Number.parseFloat(dockerStats);
		const ours = cpuOf(row(await screen!.capture(), 'e2e-capped'));
		assert.ok(ours !== undefined);
		assert.ok(
			Math.abs(ours - theirs) < 5,
			`dockmate ${ours}%, docker stats ${theirs}%`,
		);
	});

	it('shows a CPU limit with its use and the throttling, and a memory limit', async () => {
		await screen!.sendKeys('3');
		const resources = await screen!.waitForText(text =>
			/0\.2·\d/.test(row(text, 'e2e-capped')),
		);
		const capped = row(resources, 'e2e-capped');
		const cpu = cpuOf(capped) ?? 0;
		assert.ok(cpu > 12 && cpu < 28, `capped at 0.2 CPUs but ${cpu}%`);
		const throttled = /(\d+(?:\.\d)?)%\s+\S+\s*│$/.exec(capped);
		assert.ok(
			throttled !== null && Number(throttled[1]) > 50,
			`throttling not shown: ${capped}`,
		);
		assert.match(row(resources, 'e2e-small'), /32MiB·/);
	});

	it('shows the OOM kill of a container that outgrew its memory limit', async () => {
		await screen!.waitForText(
			text => /\s1\s*│$/.test(row(text, 'e2e-oom')),
			10_000,
		);
	});
});

/** The containers of the fleet, named so that they sort after the others. */
const fleetSize = 300;
const fleetName = (index: number): string =>
	`fleet-${String(index).padStart(3, '0')}`;

/** A row of the Containers pane with a CPU and a memory figure, not blank cells. */
const hasFigures = (line: string): boolean =>
	/\s\d+(?:\.\d)?%\s/.test(line) && /\s\d+(?:\.\d+)?[KMG]iB\s/.test(line);

/** Every row of the fleet on screen, at least `least` of them, shows its figures. */
function fleetRowsLive(screen: string, least: number): boolean {
	const rows = screen.split('\n').filter(line => /\sfleet-\d{3}\s/.test(line));
	return rows.length >= least && rows.every(line => hasFigures(line));
}

describe('a fleet under a low open-files limit', {timeout: 300_000}, () => {
	let screen: TmuxSession | undefined;

	before(async () => {
		await runMany(daemon, {count: fleetSize, image, nameOf: fleetName});
		screen = await launchDockmate({
			host: daemon.host,
			columns: 120,
			rows: 40,
			openFilesLimit: 1024,
		});
	});

	after(async () => {
		await screen?.kill();
		await removeLabelled(daemon);
	});

	it('keeps every row live with 300 running containers under a limit of 1,024 descriptors, and opens logs and a shell', async () => {
		await screen!.waitForText(`containers ${fleetSize} running`, 30_000);
		await screen!.waitForText(text => fleetRowsLive(text, 15), 10_000);
		await screen!.sendKeys('G');
		const last = fleetName(fleetSize - 1);
		await screen!.waitForText(
			text => text.includes(last) && fleetRowsLive(text, 15),
			10_000,
		);
		const pid = await dockmatePid(screen!);
		// The limit really is in force: a shell's ulimit that failed would make this test prove nothing.
		assert.match(
			readFileSync(`/proc/${pid}/limits`, 'utf8'),
			/^Max open files\s+1024\s+1024\s/m,
		);
		const open = readdirSync(`/proc/${pid}/fd`).length;
		assert.ok(open < 300, `${open} descriptors open`);

		await screen!.sendKeys('l');
		await screen!.waitForText(`Logs · ${last}`);
		await screen!.sendKeys('Escape');
		await screen!.waitForText(text => !text.includes(`Logs · ${last}`));
		await screen!.sendKeys('e');
		await screen!.waitForText(
			text =>
				text.includes(`dockmate: shell in ${last}`) && /^\S* [#$]$/m.test(text),
		);
		await screen!.sendKeys('exit', 'Enter');
		await screen!.waitForText(
			text => text.includes('● connected') && fleetRowsLive(text, 15),
		);
	});
});
