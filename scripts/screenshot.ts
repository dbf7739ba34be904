// Takes the readme's screenshots: dockmate, as built, against a throwaway engine filled with a
// small but believable project, captured from tmux and drawn as SVG.
//
//   npm run build && node --import tsx scripts/screenshot.ts
//
// Needs what the e2e tests need: root, docker.io, busybox-static and tmux.
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {cliPath, launchDockmate} from '../test/helpers/dockmate.js';
import {
	e2eLabel,
	startThrowawayDaemon,
	type ThrowawayDaemon,
} from '../test/helpers/throwaway-daemon.js';
import {ansiToSvg} from './ansi-to-svg.js';

const mediaDir = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../media',
);

const names = [
	'shop-api-1',
	'shop-web-1',
	'shop-db-1',
	'nightly-backup',
	'migrate-2026-11',
	'scratchpad',
] as const;

/** Fills the engine with the images and containers of a small web shop. */
async function stage(daemon: ThrowawayDaemon): Promise<void> {
	// The first shop/api:1.4.2 loses its tag to the second and stays behind dangling, as an
	// image rebuilt under the same tag does.
	for (const tag of [
		'shop/api:1.4.2',
		'shop/api:1.4.2',
		'shop/web:2.0.1',
		'postgres-lite:16',
		'busybox:1.36',
	]) {
		await daemon.importBusyboxImage(tag);
	}

	// The label lets the helper clean up an external engine (DOCKMATE_TEST_DOCKER_HOST) too.
	const label = ['--label', `${e2eLabel}=1`];
	const run = async (
		name: string,
		options: readonly string[],
		image: string,
		command: readonly string[],
	): Promise<number> => {
		const result = await daemon.docker([
			'run',
			'--name',
			name,
			...label,
			...options,
			image,
			...command,
		]);
		return result.code;
	};

	// The finished ones first, so that the engine's "Exited … ago" and "Up …" read in a
	// plausible order.
	if ((await run('nightly-backup', [], 'postgres-lite:16', ['true'])) !== 0) {
		throw new Error('nightly-backup should have exited 0');
	}

	if (
		(await run('migrate-2026-11', [], 'shop/api:1.4.2', [
			'sh',
			'-c',
			'exit 1',
		])) !== 1
	) {
		throw new Error('migrate-2026-11 should have exited 1');
	}

	await daemon.dockerOk([
		'create',
		'--name',
		'scratchpad',
		...label,
		'busybox:1.36',
		'sh',
	]);
	const sleep = ['sleep', '3600'];
	await daemon.dockerOk([
		'run',
		'--detach',
		'--name',
		'shop-db-1',
		...label,
		'postgres-lite:16',
		...sleep,
	]);
	await daemon.dockerOk([
		'run',
		'--detach',
		'--name',
		'shop-web-1',
		...label,
		'--memory',
		'64m',
		'shop/web:2.0.1',
		...sleep,
	]);
	// Busy, so that it has a CPU load worth showing.
	await daemon.dockerOk([
		'run',
		'--detach',
		'--name',
		'shop-api-1',
		...label,
		'shop/api:1.4.2',
		'sh',
		'-c',
		'while :; do :; done',
	]);
}

/** Runs dockmate at one size, moves the selection off the first row and saves the screen. */
async function shoot(
	daemon: ThrowawayDaemon,
	columns: number,
	rows: number,
	file: string,
	more?: {readonly resources: string; readonly events: string},
): Promise<void> {
	const screen = await launchDockmate({host: daemon.host, columns, rows});
	try {
		// Until the engine's status of each running container has left "Up Less than a second",
		// and the images, the dangling one included, are listed.
		const running = ['shop-api-1', 'shop-web-1', 'shop-db-1'];
		await screen.waitForText(
			text =>
				names.every(name => text.includes(name)) &&
				running.every(name =>
					new RegExp(`${name} .*Up \\d+ seconds`).test(text),
				) &&
				text.includes('● connected') &&
				text.includes('<none>'),
			20_000,
		);
		for (const row of [2, 3]) {
			await screen.sendKeys('j');
			// The pane's title counts the selected row: `Containers 3/6`.
			await screen.waitForText(new RegExp(`Containers\\D*${row}/6`));
		}

		const save = async (name: string): Promise<void> => {
			const capture = await screen.capture({colours: true});
			const svg = ansiToSvg(capture, {columns, rows, title: 'dockmate'});
			writeFileSync(path.join(mediaDir, name), svg);
			console.log(`wrote media/${name} (${columns}x${rows})`);
		};

		await save(file);
		if (more !== undefined) {
			// The busy container's chart needs a few seconds of history to be worth a look.
			await screen.sendKeys('3', 'C');
			await screen.waitForText(
				text => text.includes('CPU 60s') && /last (?:[5-9]|\d\d)s/.test(text),
				20_000,
			);
			await save(more.resources);
			// The failed migration's exit, from the history fetched on connect.
			await screen.sendKeys('7');
			await screen.waitForText(/die .*migrate-2026-11/);
			await save(more.events);
		}
	} finally {
		await screen.kill();
	}
}

if (!existsSync(cliPath)) {
	// Otherwise the wait for the first screen times out over a shell's "Cannot find module".
	throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
}

const daemon = await startThrowawayDaemon();
try {
	await stage(daemon);
	mkdirSync(mediaDir, {recursive: true});
	await shoot(daemon, 120, 32, 'dockmate.svg', {
		resources: 'dockmate-resources.svg',
		events: 'dockmate-events.svg',
	});
	await shoot(daemon, 80, 24, 'dockmate-80x24.svg');
} finally {
	await daemon.stop();
}
