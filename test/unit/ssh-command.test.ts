import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	channelArgs,
	loginCommand,
	masterArgs,
} from '../../source/docker/ssh-command.js';

describe('ssh command lines', () => {
	const control = '/tmp/dockmate-ssh-x/master';

	it('pass only what the address names, so that ~/.ssh/config gives the rest', () => {
		assert.deepEqual(masterArgs(control, {host: 'prod'}, true).slice(-2), [
			'--',
			'prod',
		]);
		assert.deepEqual(
			channelArgs(control, {host: '10.0.0.5', port: 2222, username: 'me'}, [
				'docker',
				'system',
				'dial-stdio',
			]).slice(-9),
			[
				'-l',
				'me',
				'-p',
				'2222',
				'--',
				'10.0.0.5',
				'docker',
				'system',
				'dial-stdio',
			],
		);
	});

	it('start the master with a prompt only when a terminal can answer', () => {
		const interactive = masterArgs(control, {host: 'prod'}, true);
		const batch = masterArgs(control, {host: 'prod'}, false);
		assert.ok(interactive.includes('-M') && interactive.includes('-N'));
		assert.ok(interactive.includes(`ControlPath=${control}`));
		assert.ok(interactive.includes('ControlPersist=no'));
		assert.ok(!interactive.includes('BatchMode=yes'));
		assert.ok(batch.includes('BatchMode=yes'));
		assert.ok(batch.includes('ConnectTimeout=5'));
	});

	it('make channels use the master and never a connection of their own', () => {
		const args = channelArgs(control, {host: 'prod'}, ['true']);
		assert.ok(args.includes(`ControlPath=${control}`));
		assert.ok(args.includes('ControlMaster=no'));
		assert.ok(args.includes('BatchMode=yes'));
		// Given before the user's config is read, it beats a ProxyJump or ProxyCommand there.
		assert.ok(
			args.indexOf('ProxyCommand=false') < args.indexOf('--'),
			args.join(' '),
		);
	});

	it('tell the user the login to try by hand', () => {
		assert.equal(loginCommand({host: 'prod'}), 'ssh prod');
		assert.equal(
			loginCommand({host: '10.0.0.5', port: 2222, username: 'me'}),
			'ssh -p 2222 me@10.0.0.5',
		);
	});
});
