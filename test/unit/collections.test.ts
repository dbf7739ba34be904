import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {initialState} from '../../source/state/app-state.js';
import {containersListed} from '../../source/state/updates.js';
import {fakeContainer} from '../fakes/fake-docker-client.js';

describe('a new listing of a collection', () => {
	const empty = initialState({endpoint: 'x', readOnly: false, now: 0});
	const first = [
		fakeContainer({name: 'web', status: 'Up 1 second'}),
		fakeContainer({name: 'db', status: 'Up 1 second'}),
		fakeContainer({name: 'cache', status: 'Up 1 second'}),
	];
	const listed = containersListed(first, 1)(empty);

	it('keeps the state as it was when nothing changed', () => {
		const again = first.map(container => ({...container}));
		assert.equal(containersListed(again, 2)(listed), listed);
	});

	it('keeps the objects of the items that did not change, by id, and takes the changed ones', () => {
		const [web, db, cache] = first.map(container => ({...container}));
		const changed = {...db!, status: 'Exited (0) 1 second ago'};
		const next = containersListed([cache!, changed, web!], 2)(listed);
		const byId = next.containers.byId;
		assert.equal(byId.get(web!.id), listed.containers.byId.get(web!.id));
		assert.equal(byId.get(cache!.id), listed.containers.byId.get(cache!.id));
		assert.equal(byId.get(db!.id), changed);
		assert.deepEqual([...byId.keys()], [cache!.id, db!.id, web!.id]);
	});

	it('drops what the engine no longer lists', () => {
		const next = containersListed([first[0]!], 2)(listed);
		assert.deepEqual([...next.containers.byId.keys()], [first[0]!.id]);
	});
});
