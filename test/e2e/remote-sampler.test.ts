import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {cgroupCpuPercent} from '../../source/docker/cgroup/cgroup-math.js';
import {createCgroupMeter} from '../../source/docker/cgroup/cgroup-meter.js';
import type {CgroupDriver} from '../../source/docker/cgroup/layout.js';
import {openRemoteCgroupMeter} from '../../source/docker/cgroup/remote-cgroup-meter.js';
import {inBatches} from '../helpers/container-removal.js';
import {removeLabelled, runLabelled} from '../helpers/e2e-containers.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import {localShell, shells} from '../helpers/local-shell.js';
import {waitFor} from '../helpers/wait-for.js';

// The remote sampler run through a local sh against the real files of the throwaway engine's
// containers (cgroup v1 here, under the daemon's own --cgroup-parent), as it runs over ssh on a
// server: the shell is the only difference.

const image = 'dockmate-e2e/busybox:remote-sampler';
const daemon = engineFixture({image});
const sleepers = 19;

describe(
	'the remote sampler on a real engine’s cgroup files',
	{timeout: 120_000},
	() => {
		let ids: string[] = [];
		let busy = '';
		let driver: CgroupDriver | undefined;

		before(async () => {
			busy = await runLabelled(daemon, {
				name: 'sampler-busy',
				image,
				command: ['sh', '-c', 'while :; do :; done'],
			});
			const started: string[] = [];
			await inBatches(sleepers, 6, async index => {
				started[index] = await runLabelled(daemon, {
					name: `sampler-${String(index).padStart(2, '0')}`,
					image,
					options: ['--memory', '32m'],
				});
			});
			ids = [busy, ...started];
			const reported = await daemon.dockerOk([
				'info',
				'--format',
				'{{.CgroupDriver}}',
			]);
			driver = reported === 'systemd' ? 'systemd' : 'cgroupfs';
		});

		after(async () => {
			await removeLabelled(daemon);
		});

		for (const [name, command] of Object.entries(shells)) {
			it(`measures all ${sleepers + 1} containers in one ${name} run per sweep, as the local meter does`, async () => {
				const shell = localShell(command);
				const remote = await openRemoteCgroupMeter({shell, driver});
				assert.ok(remote, 'the probe found no cgroup hierarchy');
				const local = createCgroupMeter({driver});
				assert.ok(local);
				try {
					const first = await remote.measure(ids);
					assert.equal(shell.runs(), 2, 'the probe and one sweep');
					assert.deepEqual([...first.keys()].sort(), [...ids].sort());
					// The pause between two sweeps, as the feed's interval would be.
					const previous = first.get(busy);
					assert.ok(previous);
					await waitFor(() => Date.now() - previous.time >= 300, {
						timeoutMs: 1000,
						intervalMs: 50,
						message: 'time to pass',
					});
					const started = process.cpuUsage();
					const startedAt = performance.now();
					const second = await remote.measure(ids);
					const elapsed = performance.now() - startedAt;
					const used = process.cpuUsage(started);
					assert.equal(shell.runs(), 3);
					assert.equal(second.size, ids.length);
					const cpuOf = (id: string): number => {
						const before = first.get(id);
						const after = second.get(id);
						return before === undefined || after === undefined
							? Number.NaN
							: (cgroupCpuPercent(
									before.sample,
									after.sample,
									(after.time - before.time) * 1e6,
								) ?? Number.NaN);
					};

					// The machine is shared: the busy loop gets what it gets, but more than any sleeper.
					const busyCpu = cpuOf(busy);
					assert.ok(busyCpu > 5, `busy at ${busyCpu}%`);
					for (const id of ids.slice(1)) {
						assert.ok(cpuOf(id) < busyCpu / 2, `${id} at ${cpuOf(id)}%`);
					}

					const localReading = local.measure(ids);
					for (const id of ids) {
						const remoteSample = second.get(id)?.sample;
						const localSample = localReading.get(id)?.sample;
						assert.equal(remoteSample?.memoryLimit, localSample?.memoryLimit);
						assert.equal(remoteSample?.pidsLimit, localSample?.pidsLimit);
						assert.ok(
							(remoteSample?.memoryUsage ?? 0) > 0,
							`no memory figure for ${id}`,
						);
					}

					// A container stopped between sweeps vanishes; the sweep still succeeds.
					const stopped = ids.at(-1) ?? '';
					await daemon.dockerOk(['kill', stopped]);
					const third = await remote.measure(ids);
					assert.equal(third.has(stopped), false);
					assert.equal(third.size, ids.length - 1);
					await daemon.dockerOk(['start', stopped]);
					process.stderr.write(
						`· ${name}: a sweep of ${ids.length} containers in ${elapsed.toFixed(0)} ms, dockmate's side ${((used.user + used.system) / 1000).toFixed(1)} ms CPU (spawning the shell and parsing)\n`,
					);
				} finally {
					remote.close();
					local.close();
				}
			});
		}
	},
);
