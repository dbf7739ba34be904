import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ContainerSummary} from '../../source/docker/docker-client.js';
import {initialState} from '../../source/state/app-state.js';
import {
	planLifecycle,
	stateLabel,
	type LifecycleKey,
} from '../../source/state/container-lifecycle.js';
import {containersListed} from '../../source/state/updates.js';
import {fakeContainer} from '../fakes/fake-docker-client.js';

const web = fakeContainer({name: 'web'});
const nap = fakeContainer({
	name: 'nap',
	state: 'paused',
	status: 'Up 2 hours (Paused)',
});
const loop = fakeContainer({
	name: 'loop',
	state: 'restarting',
	status: 'Restarting (1) 3 seconds ago',
});
const job = fakeContainer({
	name: 'job',
	state: 'exited',
	status: 'Exited (0) 2 hours ago',
});
const oom = fakeContainer({
	name: 'oom',
	state: 'exited',
	status: 'Exited (137) 5 minutes ago',
});
const fresh = fakeContainer({
	name: 'fresh',
	state: 'created',
	status: 'Created',
});
const gone = fakeContainer({
	name: 'gone',
	state: 'removing',
	status: 'Removal In Progress',
});

const state = containersListed(
	[web, nap, loop, job, oom, fresh, gone],
	0,
)(initialState({endpoint: 'fake://engine', readOnly: false, now: 0}));

/** The plan as `action: names | left: name why, …`, or `nothing`. */
function plan(key: LifecycleKey, containers: readonly ContainerSummary[]) {
	const planned = planLifecycle(
		state,
		key,
		containers.map(container => container.id),
	);
	return planned === undefined
		? 'nothing'
		: `${planned.action}: ${planned.targets.map(target => target.name).join(', ')} | left: ${planned.left.map(({target, why}) => `${target.name} ${why}`).join(', ')}`;
}

describe('lifecycle keys on a mixed set', () => {
	it('s stops what runs and never starts what is stopped; only a stopped set starts', () => {
		assert.equal(
			plan('start-stop', [web, nap, loop, job, oom]),
			'stop: web, nap, loop | left: job already stopped, oom already stopped',
		);
		assert.equal(
			plan('start-stop', [job, oom, fresh]),
			'start: job, oom, fresh | left: ',
		);
		assert.equal(plan('start-stop', [gone]), 'nothing');
	});

	it('r restarts what runs, leaving stopped ones; a stopped set is restarted as docker restart does', () => {
		assert.equal(
			plan('restart', [web, job, nap]),
			'restart: web, nap | left: job not running',
		);
		assert.equal(plan('restart', [job, oom]), 'restart: job, oom | left: ');
	});

	it('p pauses what runs; unpauses only when nothing marked runs unpaused; never touches stopped ones', () => {
		assert.equal(
			plan('pause', [web, nap, loop, job]),
			'pause: web | left: nap already paused, loop restarting, job not running',
		);
		assert.equal(
			plan('pause', [nap, job]),
			'unpause: nap | left: job not running',
		);
		assert.equal(plan('pause', [job, fresh]), 'nothing');
		assert.equal(plan('pause', [loop]), 'nothing');
	});

	it('K kills only what runs', () => {
		assert.equal(
			plan('kill', [web, nap, job]),
			'kill: web, nap | left: job not running',
		);
		assert.equal(plan('kill', [job]), 'nothing');
	});
});

describe('stateLabel', () => {
	it('names the real state, with the exit code of an exited container', () => {
		assert.deepEqual([web, nap, loop, job, oom, fresh, gone].map(stateLabel), [
			'running',
			'paused',
			'restarting',
			'exited (0)',
			'exited (137)',
			'created',
			'being removed',
		]);
	});
});
