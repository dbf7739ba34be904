import assert from 'node:assert/strict';
import type {ChildProcess} from 'node:child_process';
import {EventEmitter} from 'node:events';
import http from 'node:http';
import {PassThrough, Writable} from 'node:stream';
import {describe, it} from 'node:test';
import {DockerError} from '../../source/docker/errors.js';
import {sharedChannelAgent} from '../../source/docker/ssh-channel-agent.js';
import type {SshConnection} from '../../source/docker/ssh-connection.js';

/**
 * An ssh connection whose channels are in-process stand-ins for `docker system dial-stdio`: each
 * is set up `setupMs` after the one before it, as OpenSSH's server sets up one session at a time,
 * then answers every request written to it `answerMs` after it came.
 */
function fakeConnection(setupMs: number, answerMs = 0) {
	const opened: number[] = [];
	let upAt = 0;
	let live = 0;
	let mostLive = 0;
	let overlaps = 0;
	const connection: SshConnection = {
		open: async () => Promise.resolve(),
		channel() {
			const number = opened.length;
			if (upAt > Date.now()) {
				overlaps += 1;
			}

			const start = Math.max(Date.now(), upAt);
			upAt = start + setupMs;
			opened.push(number);
			live += 1;
			mostLive = Math.max(mostLive, live);
			const stdout = new PassThrough();
			const child = Object.assign(new EventEmitter(), {
				stdout,
				stderr: new PassThrough(),
				exitCode: null as number | null,
				signalCode: null as string | null,
				kill() {
					if (child.signalCode === null) {
						child.signalCode = 'SIGKILL';
						live -= 1;
						setImmediate(() => child.emit('close', null));
					}

					return true;
				},
			});
			let pending = '';
			let isUp = false;
			const answer = (): void => {
				for (
					let end = pending.indexOf('\r\n\r\n');
					isUp && end >= 0;
					end = pending.indexOf('\r\n\r\n')
				) {
					pending = pending.slice(end + 4);
					const body = String(number);
					setTimeout(() => {
						stdout.write(
							`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n${body}`,
						);
					}, answerMs);
				}
			};

			setTimeout(() => {
				isUp = true;
				answer();
			}, upAt - Date.now());
			const stdin = new Writable({
				write(chunk: Buffer, _encoding, done) {
					pending += chunk.toString('latin1');
					answer();
					done();
				},
			});
			return Object.assign(child, {stdin}) as unknown as ChildProcess;
		},
		failure: (stderr: string) => new DockerError('unknown', stderr),
		close: () => undefined,
	};
	return {
		connection,
		channels: () => opened.length,
		mostLive: () => mostLive,
		/** Channels asked for while another was still being set up. */
		overlaps: () => overlaps,
	};
}

async function get(agent: http.Agent, path: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const request = http.get({host: 'localhost', path, agent}, response => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => {
				body += chunk;
			});
			response.on('end', () => {
				resolve(body);
			});
		});
		request.on('error', reject);
	});
}

describe('ssh channels to the engine', () => {
	it('serve a burst of requests on the first channel instead of setting up one for each', async () => {
		const fake = fakeConnection(40);
		const agent = sharedChannelAgent(fake.connection);
		const paths = [
			'/_ping',
			'/version',
			'/containers/json?all=true',
			'/images/json',
			'/volumes',
			'/networks',
			'/info',
			'/events?since=1&until=2',
		];
		const answers = await Promise.all(
			paths.map(async path => get(agent, path)),
		);
		agent.destroy();
		// Every request answered, by two channels at most, neither asked for while the other was set up.
		assert.equal(answers.length, paths.length);
		assert.equal(fake.overlaps(), 0);
		assert.ok(fake.channels() <= 2, `channels used: ${answers.join(',')}`);
	});

	it('open more channels, up to four, for requests that keep coming while every channel is busy', async () => {
		const fake = fakeConnection(5, 20);
		const agent = sharedChannelAgent(fake.connection);
		const answers = await Promise.all(
			Array.from(
				{length: 40},
				async (_, index) =>
					new Promise<string>(resolve => {
						setTimeout(() => {
							resolve(get(agent, `/containers/${index}/json`));
						}, index * 2);
					}),
			),
		);
		agent.destroy();
		assert.equal(answers.length, 40);
		assert.equal(fake.mostLive(), 4);
	});

	it('give each stream a channel of its own, bounded even when they all start at once', async () => {
		const fake = fakeConnection(0);
		const agent = sharedChannelAgent(fake.connection);
		const requests = Array.from({length: 40}, (_, index) =>
			http.get({host: 'localhost', path: `/containers/${index}/stats`, agent}),
		);
		for (const request of requests) {
			request.on('error', () => undefined);
		}

		assert.equal(fake.channels(), 0, 'nothing opened before the master is up');
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		const opened = fake.channels();
		agent.destroy();
		for (const request of requests) {
			request.destroy();
		}

		assert.equal(opened, 32);
	});
});
