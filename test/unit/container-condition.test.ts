import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	containerCondition,
	worstTrouble,
} from '../../source/state/container-condition.js';
import {fakeContainer} from '../fakes/fake-docker-client.js';

describe('container conditions', () => {
	const cases: readonly [
		string,
		Parameters<typeof fakeContainer>[0],
		boolean,
		string,
	][] = [
		['no health check', {name: 'a', status: 'Up 3 minutes'}, false, 'running'],
		[
			'healthy',
			{name: 'a', status: 'Up 3 minutes (healthy)'},
			false,
			'running',
		],
		[
			'unhealthy',
			{name: 'a', status: 'Up 3 minutes (unhealthy)'},
			false,
			'unhealthy',
		],
		[
			'starting',
			{name: 'a', status: 'Up 1 second (health: starting)'},
			false,
			'starting',
		],
		[
			'exit 0',
			{name: 'a', state: 'exited', status: 'Exited (0) 2 hours ago'},
			false,
			'exited',
		],
		[
			'exit 1',
			{name: 'a', state: 'exited', status: 'Exited (1) 2 hours ago'},
			false,
			'failed',
		],
		[
			'SIGKILL',
			{name: 'a', state: 'exited', status: 'Exited (137) 2 hours ago'},
			false,
			'killed',
		],
		[
			'OOM kill',
			{name: 'a', state: 'exited', status: 'Exited (137) 2 hours ago'},
			true,
			'oom-killed',
		],
		// Inspect's answer is about an exit with 137; a later exit with another code is not an OOM kill.
		[
			'stale OOM answer',
			{name: 'a', state: 'exited', status: 'Exited (1) 1 second ago'},
			true,
			'failed',
		],
		[
			'created',
			{name: 'a', state: 'created', status: 'Created'},
			false,
			'created',
		],
		[
			'paused',
			{name: 'a', state: 'paused', status: 'Up 3 minutes (Paused)'},
			false,
			'paused',
		],
	];
	for (const [label, fields, isOomKilled, expected] of cases) {
		it(label, () => {
			assert.equal(
				containerCondition(fakeContainer(fields), isOomKilled),
				expected,
			);
		});
	}

	it('a project shows the worst trouble among its containers', () => {
		assert.equal(worstTrouble(['running', 'failed', 'unhealthy']), 'unhealthy');
		assert.equal(worstTrouble(['running', 'exited']), undefined);
	});
});
