import {freePort} from './free-port.js';
import {
	startThrowawayDaemon,
	type ThrowawayDaemon,
} from './throwaway-daemon.js';

/**
 * A throwaway daemon that manages a single-node Swarm of its own, on 127.0.0.1 and a port nobody
 * else's Swarm uses. Without live-restore, which a Swarm refuses ("--live-restore daemon
 * configuration is incompatible with swarm mode").
 */
export async function startSwarmDaemon(): Promise<ThrowawayDaemon> {
	const daemon = await startThrowawayDaemon({liveRestore: false});
	await daemon.dockerOk([
		'swarm',
		'init',
		'--advertise-addr',
		'127.0.0.1',
		'--listen-addr',
		`127.0.0.1:${await freePort()}`,
	]);
	return daemon;
}
