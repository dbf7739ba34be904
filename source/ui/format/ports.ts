import type {PortMapping} from '../../docker/docker-client.js';

/**
 * Ports as `docker ps` writes them (`0.0.0.0:8080->80/tcp, 443/tcp`), in the order the access
 * layer sorted them, with the IPv4 and IPv6 bindings of one port shown once.
 */
export function formatPorts(ports: readonly PortMapping[]): string {
	const seen = new Set<string>();
	const parts: string[] = [];
	for (const port of ports) {
		const target = `${port.privatePort}/${port.protocol}`;
		const text =
			port.publicPort === undefined
				? target
				: `${port.ip?.includes(':') ? `[${port.ip}]` : (port.ip ?? '')}:${port.publicPort}->${target}`;
		const key =
			port.publicPort === undefined ? target : `${port.publicPort}->${target}`;
		if (!seen.has(key)) {
			seen.add(key);
			parts.push(text);
		}
	}

	return parts.join(', ');
}
