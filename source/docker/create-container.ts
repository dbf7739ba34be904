import type {ContainerSpec} from './docker-client.js';

/** The body of `POST /containers/create` (with `name`, which dockerode sends as the query), for a spec. */
export function toCreateOptions(spec: ContainerSpec): Record<string, unknown> {
	const portBindings: Record<string, {HostIp: string; HostPort: string}[]> = {};
	for (const port of spec.ports) {
		const key = `${port.containerPort}/${port.protocol}`;
		(portBindings[key] ??= []).push({
			HostIp: port.hostIp ?? '',
			HostPort: port.hostPort === undefined ? '' : String(port.hostPort),
		});
	}

	const {interactive} = spec;
	return {
		...(spec.name === undefined ? {} : {name: spec.name}),
		Image: spec.image,
		...(spec.command.length > 0 ? {Cmd: [...spec.command]} : {}),
		Env: [...spec.env],
		ExposedPorts: Object.fromEntries(
			Object.keys(portBindings).map(key => [key, {}]),
		),
		// As `docker run -it`: a TTY, stdin open, and closed again when the client detaches.
		Tty: interactive,
		OpenStdin: interactive,
		StdinOnce: interactive,
		AttachStdin: interactive,
		AttachStdout: interactive,
		AttachStderr: interactive,
		HostConfig: {
			PortBindings: portBindings,
			...(spec.memory === undefined ? {} : {Memory: spec.memory}),
			...(spec.cpus === undefined
				? {}
				: {NanoCpus: Math.round(spec.cpus * 1e9)}),
			RestartPolicy: {
				Name: spec.restart.name,
				MaximumRetryCount: spec.restart.maximumRetryCount,
			},
		},
	};
}
