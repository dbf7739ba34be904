import assert from 'node:assert/strict';
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, it} from 'node:test';
import {launchDockmate, selectByFilter} from '../helpers/dockmate.js';
import {runLabelled} from '../helpers/e2e-containers.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import {attributesAt} from '../helpers/frame.js';
import type {TmuxSession} from '../helpers/tmux.js';

const image = 'dockmate-e2e/busybox:details';
const built = 'dockmate-e2e/built:details';

describe('details and events on a real engine', {timeout: 300_000}, () => {
	const daemon = engineFixture({
		image,
		// The image was built, not imported: an external engine keeps it unless removed here.
		async beforeStop(engine) {
			await engine.docker(['rmi', '--force', built]);
		},
	});
	let screen: TmuxSession | undefined;

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	it('lists the layers of a locally built image; container details show its limits; the JSON search finds a field', async () => {
		const context = path.join(daemon.dir, 'details-context');
		mkdirSync(context);
		copyFileSync('/bin/busybox', path.join(context, 'busybox'));
		writeFileSync(
			path.join(context, 'Dockerfile'),
			[
				'FROM scratch',
				'COPY busybox /bin/busybox',
				'LABEL org.example.purpose="details e2e"',
				'ENV GREETING=hello',
				'CMD ["/bin/busybox", "sleep", "600"]',
				'',
			].join('\n'),
		);
		await daemon.dockerOk(['build', '--tag', built, context], {
			timeoutMs: 120_000,
		});
		await runLabelled(daemon, {
			name: 'det-limits',
			image: built,
			options: ['--memory', '48m', '--pids-limit', '77'],
			command: [],
		});

		// Wide enough for a layer's CREATED BY (a 64-digit file hash) on one line.
		screen = await launchDockmate({host: daemon.host, columns: 170});
		await screen.waitForText(
			text => text.includes('● connected') && text.includes('det-limits'),
		);
		await screen.sendKeys('2', '/', ...Array.from('built:details'), 'Enter');
		await screen.waitForText(/Images 1\/1( of \d+)? · filter: built:details/);
		await screen.sendKeys('i');
		const history = await screen.waitForText('History (4 steps, newest first)');
		assert.match(history, /Image dockmate-e2e\/built:details · summary/);
		assert.match(history, /IMAGE\s+CREATED\s+SIZE\s+CREATED BY/);
		assert.match(history, /CMD \["\/bin\/busybox" "sleep" "600"\]/);
		assert.match(history, /ENV GREETING=hello/);
		assert.match(history, /LABEL org\.example\.purpose=details e2e/);
		assert.match(
			history,
			/\d+(\.\d+)?MB\s+\/bin\/sh -c #\(nop\) COPY file:\w+ in \/bin\/busybox/,
		);
		assert.match(history, /GREETING=hello/);

		await screen.sendKeys('Escape', '1');
		await selectByFilter(screen, 'det-limits');
		await screen.sendKeys('i');
		const summary = await screen.waitForText(/Memory\s+48MiB/);
		assert.match(summary, /Container det-limits · summary/);
		assert.match(summary, /PIDs\s+77/);
		assert.match(summary, /Image\s+dockmate-e2e\/built:details/);

		await screen.sendKeys('Tab');
		await screen.waitForText('inspect JSON');
		await screen.sendKeys('/', ...Array.from('PidsLimit'), 'Enter');
		const found = await screen.waitForText('"PidsLimit": 1 match (n/N');
		assert.match(found, /"PidsLimit": 77,/);
		// The match is the current one: drawn on the current-match background (magenta, 45).
		assert.ok(
			attributesAt(await screen.capture({colours: true}), 'PidsLimit').includes(
				'45',
			),
		);
	});

	it('shows a die with exit code 3 in red, from before dockmate started and live; h narrows to the container', async () => {
		await runLabelled(daemon, {
			name: 'det-early3',
			image,
			command: ['sh', '-c', 'exit 3'],
		});
		screen = await launchDockmate({host: daemon.host, columns: 140});
		await screen.waitForText('● connected');
		await screen.sendKeys('7');
		await screen.waitForText(/container\s+die\s+det-early3\s+exitCode=3/);

		await runLabelled(daemon, {
			name: 'det-live3',
			image,
			command: ['sh', '-c', 'exit 3'],
		});
		const live = await screen.waitForText(
			/container\s+die\s+det-live3\s+exitCode=3/,
		);
		// Newest first: the live one above the earlier one.
		assert.ok(live.indexOf('det-live3') < live.indexOf('det-early3'));
		assert.ok(
			attributesAt(
				await screen.capture({colours: true}),
				'exitCode=3',
			).includes('31'),
			'a die with code 3 is red',
		);

		await screen.sendKeys('1');
		await selectByFilter(screen, 'det-live3');
		await screen.sendKeys('h');
		const why = await screen.waitForText('container: det-live3');
		assert.match(why, /7 Events/);
		assert.match(why, /die\s+det-live3\s+exitCode=3/);
		assert.match(why, /start\s+det-live3/);
		assert.match(why, /create\s+det-live3/);
		assert.doesNotMatch(why, /det-early3/);
	});
});
