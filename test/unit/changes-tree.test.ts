import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {toChanges} from '../../source/docker/changes.js';
import {changesTree} from '../../source/state/changes-tree.js';

describe('changes against the image', () => {
	it("reads the engine's answer: Kind 0 changed, 1 added, 2 deleted; null is none", () => {
		assert.deepEqual(
			toChanges([
				{Path: '/tmp', Kind: 0},
				{Path: '/tmp/x\u001B[2J', Kind: 1},
				{Path: '/etc/motd', Kind: 2},
				{Path: 7, Kind: 1},
			]),
			[
				{path: '/tmp', kind: 'changed'},
				{path: '/tmp/x', kind: 'added'},
				{path: '/etc/motd', kind: 'deleted'},
			],
		);
		assert.deepEqual(toChanges(null), []);
	});

	it('draws a tree, the busiest folders first, each with what it holds', () => {
		assert.deepEqual(
			changesTree([
				{path: '/etc', kind: 'changed'},
				{path: '/etc/motd', kind: 'deleted'},
				{path: '/tmp', kind: 'changed'},
				{path: '/tmp/a', kind: 'added'},
				{path: '/tmp/b', kind: 'added'},
				{path: '/var/log/x.log', kind: 'added'},
			]),
			[
				'6 changes: 3 added, 2 changed, 1 deleted',
				'C /tmp  (2 inside)',
				'A   /tmp/a',
				'A   /tmp/b',
				'C /etc  (1 inside)',
				'D   /etc/motd',
				'  /var  (1 inside)',
				'    /var/log  (1 inside)',
				'A     /var/log/x.log',
			],
		);
		assert.deepEqual(changesTree([]), ['no changes against the image']);
	});
});
