import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {debugLogPath, routeStrayOutput} from '../../source/debug-log.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dockmate-debug-'));
after(() => {
	rmSync(dir, {recursive: true, force: true});
});

describe('stray output while the UI is up', () => {
	it('lives under XDG_STATE_HOME, else ~/.local/state', () => {
		assert.equal(
			debugLogPath({XDG_STATE_HOME: '/s'}, '/home/u'),
			'/s/dockmate/debug.log',
		);
		assert.equal(
			debugLogPath({XDG_STATE_HOME: ''}, '/home/u'),
			'/home/u/.local/state/dockmate/debug.log',
		);
	});

	it('sends Node’s warnings and console output to the log, none to the terminal', async () => {
		const file = path.join(dir, 'state', 'debug.log');
		// Warnings and console.error would reach the terminal through stderr.
		const written: unknown[] = [];
		const stderr = Object.getOwnPropertyDescriptor(process.stderr, 'write');
		Object.defineProperty(process.stderr, 'write', {
			configurable: true,
			writable: true,
			value(chunk: unknown) {
				written.push(chunk);
				return true;
			},
		});
		const restore = routeStrayOutput(file);
		try {
			// What Node does with an AbortSignal given an eleventh listener.
			const signal = new AbortController().signal;
			for (let index = 0; index < 11; index++) {
				signal.addEventListener('abort', () => undefined);
			}

			console.error('stray %s', 'line');
			console.warn('another');
			// Node emits its warnings on the next tick.
			await new Promise(resolve => setImmediate(resolve));
		} finally {
			restore();
			if (stderr === undefined) {
				Reflect.deleteProperty(process.stderr, 'write');
			} else {
				Object.defineProperty(process.stderr, 'write', stderr);
			}
		}

		assert.deepEqual(written, []);
		const log = readFileSync(file, 'utf8');
		assert.match(
			log,
			/warning: MaxListenersExceededWarning: .*11 abort listeners/,
		);
		assert.match(log, /console\.error: stray line\n/);
		assert.match(log, /console\.warn: another\n/);
	});
});
