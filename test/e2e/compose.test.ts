import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, before, describe, it} from 'node:test';
import {launchDockmate} from '../helpers/dockmate.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:compose';
const project = 'dmshop';

/**
 * Two services of the local busybox image with no network at all. busybox's sleep, as PID 1,
 * ignores SIGTERM: SIGKILL stops it at once instead of after the 10 s grace period.
 */
const composeFile = `version: "2.4"
services:
  app:
    image: ${image}
    command: ["sh", "-c", "echo hello from app; exec sleep 600"]
    network_mode: none
    stop_signal: SIGKILL
  web:
    image: ${image}
    command: ["sleep", "600"]
    network_mode: none
    stop_signal: SIGKILL
`;

describe('compose projects on a real engine', {timeout: 300_000}, () => {
	const daemon = engineFixture({image});
	let folder: string;
	let screen: TmuxSession | undefined;

	/** The project's containers as the engine lists them: `name state`, sorted. */
	const containers = async (): Promise<string[]> =>
		(
			await daemon.dockerOk([
				'ps',
				'--all',
				'--filter',
				`label=com.docker.compose.project=${project}`,
				'--format',
				'{{.Names}} {{.State}}',
			])
		)
			.split('\n')
			.filter(Boolean)
			.sort();

	before(async () => {
		folder = path.join(daemon.dir, 'shop');
		mkdirSync(folder);
		writeFileSync(path.join(folder, 'docker-compose.yml'), composeFile);
		// Debian's docker-compose 1.29, pointed at the throwaway engine only.
		const env = Object.fromEntries(
			Object.entries(process.env).filter(([key]) => !key.startsWith('DOCKER_')),
		);
		await new Promise<void>((resolve, reject) => {
			execFile(
				'docker-compose',
				['--project-name', project, 'up', '--detach'],
				{
					cwd: folder,
					env: {...env, DOCKER_HOST: daemon.host},
					timeout: 120_000,
				},
				(error, _stdout, stderr) => {
					if (error) {
						reject(
							new Error(
								`docker-compose up failed (is Debian's docker-compose installed?): ${error.message} ${stderr}`,
							),
						);
					} else {
						resolve();
					}
				},
			);
		});
		assert.deepEqual(await containers(), [
			`${project}_app_1 running`,
			`${project}_web_1 running`,
		]);
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	const openProjects = async (): Promise<TmuxSession> => {
		screen = await launchDockmate({host: daemon.host, columns: 160});
		await screen.waitForText(
			text => text.includes('● connected') && text.includes(`${project}_app_1`),
		);
		await screen.sendKeys('4');
		return screen;
	};

	it('groups the project; l merges its services’ logs', async () => {
		const screen = await openProjects();
		await screen.waitForText(
			new RegExp(
				`${project}\\s+app, web\\s+2/2\\s+docker-compose\\.yml\\s+${folder}`,
			),
		);
		await screen.sendKeys('l');
		await screen.waitForText(/Logs · project dmshop[\s\S]*hello from app/);
	});

	it('D takes the project down after asking, U brings it back, output on screen', async () => {
		const screen = await openProjects();
		await screen.waitForText(new RegExp(`${project}\\s+app, web\\s+2/2`));
		await screen.sendKeys('D');
		await screen.waitForText(
			/compose down dmshop\?[\s\S]*dmshop_app_1[\s\S]*dmshop_web_1/,
		);
		await screen.sendKeys('y');
		const down = await screen.waitForText(/\bdone · j\/k scroll/, 60_000);
		assert.match(
			down,
			/docker-compose --ansi never --project-name dmshop --file \S+docker-compose\.yml/,
		);
		assert.match(down, /Removing dmshop_app_1/);
		assert.deepEqual(await containers(), []);

		await screen.sendKeys('Escape');
		await screen.waitForText(new RegExp(`${project}\\s+app, web\\s+down`));
		await screen.sendKeys('U');
		const up = await screen.waitForText(/\bdone · j\/k scroll/, 60_000);
		assert.match(up, /compose up dmshop/);
		assert.match(up, /Creating dmshop_app_1/);
		await waitFor(
			async () =>
				(await containers()).join() ===
				`${project}_app_1 running,${project}_web_1 running`,
			{timeoutMs: 30_000, message: 'compose up did not bring both back'},
		);
		await screen.sendKeys('Escape');
		await screen.waitForText(new RegExp(`${project}\\s+app, web\\s+2/2`));
	});
});
