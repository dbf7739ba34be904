import type {
	ContainerSpec,
	PortBinding,
	RestartPolicy,
} from '../docker/docker-client.js';
import {shellWord, splitCommand} from '../format/shell-words.js';
import {createForm, type Form} from './form.js';

/** The fields of the run form, in Tab order. */
export const runFields = [
	'name',
	'command',
	'env',
	'ports',
	'memory',
	'cpus',
	'restart',
	'interactive',
] as const;
export type RunField = (typeof runFields)[number];

/** `n` on an image: the form for `docker run`, checked field by field before anything is created. */
export type RunDialog = {
	readonly kind: 'run';
	/** What the container is created from: the image's first tag, or its id. */
	readonly image: string;
	readonly form: Form<RunField>;
	/** The engine is creating the container: keys wait. */
	readonly isCreating: boolean;
	/** In a fleet, the engine it runs on: the image's. */
	readonly engine: string | undefined;
};

/** A field whose value is picked from a list (Space cycles it); `isTyped` fields take text too. */
export type Choices = {
	readonly values: readonly string[];
	readonly isTyped: boolean;
};

export const runChoices: Readonly<Partial<Record<RunField, Choices>>> = {
	// Typed too: `on-failure:5` is on-failure with a retry count.
	restart: {
		values: ['no', 'always', 'unless-stopped', 'on-failure'],
		isTyped: true,
	},
	interactive: {values: ['no', 'yes'], isTyped: false},
};

/** The next value of a choice field: the one after the current value's policy, wrapping around. */
export function nextChoice(
	choices: Choices,
	value: string,
	step: 1 | -1,
): string {
	const current = choices.values.indexOf(value.split(':')[0] ?? '');
	const count = choices.values.length;
	const index = current === -1 ? (step === 1 ? 0 : count - 1) : current + step;
	return choices.values[(index + count) % count] ?? value;
}

export function runForm(): Form<RunField> {
	return createForm(runFields, {
		name: '',
		command: '',
		env: '',
		ports: '',
		memory: '',
		cpus: '',
		restart: 'no',
		interactive: 'no',
	});
}

type Parsed<T> = {readonly value: T} | {readonly problem: string};

const namePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** A container name as the engine accepts it, not taken by another container. */
export function parseName(
	text: string,
	takenNames: ReadonlySet<string>,
): Parsed<string | undefined> {
	const name = text.trim();
	if (name === '') {
		return {value: undefined};
	}

	if (!namePattern.test(name)) {
		return {
			problem:
				'2 or more of a-z A-Z 0-9 _ . -, starting with a letter or digit',
		};
	}

	return takenNames.has(name)
		? {problem: `${name} is already the name of a container`}
		: {value: name};
}

const memoryPattern = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i;
const memoryUnits: Readonly<Record<string, number>> = {
	'': 1,
	k: 1024,
	m: 1024 ** 2,
	g: 1024 ** 3,
	t: 1024 ** 4,
	p: 1024 ** 5,
};

/** The engine's lowest memory limit: a container needs some to start at all. */
export const minimumMemory = 6 * 1024 ** 2;

/** A memory size as `docker run -m` reads it: `64m`, `1g`, `1.5GiB`, `512k`, bytes without a unit. */
export function parseMemory(text: string): Parsed<number | undefined> {
	const trimmed = text.trim();
	if (trimmed === '') {
		return {value: undefined};
	}

	const match = memoryPattern.exec(trimmed);
	if (match === null) {
		return {problem: 'a size such as 64m, 512k or 1g'};
	}

	const unit = memoryUnits[(match[2] ?? '').toLowerCase()] ?? 1;
	const bytes = Math.floor(Number(match[1]) * unit);
	return bytes < minimumMemory
		? {problem: 'at least 6m: the engine refuses less'}
		: {value: bytes};
}

/** A CPU limit as `--cpus` reads it: a positive number, at most the engine's CPUs. */
export function parseCpus(
	text: string,
	hostCpus: number | undefined,
): Parsed<number | undefined> {
	const trimmed = text.trim();
	if (trimmed === '') {
		return {value: undefined};
	}

	if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(trimmed) || Number(trimmed) <= 0) {
		return {problem: 'a number of CPUs above 0, such as 0.5 or 2'};
	}

	// The engine counts in billionths of a CPU.
	if (/\.\d{10,}$/.test(trimmed)) {
		return {problem: 'at most 9 decimals'};
	}

	const cpus = Number(trimmed);
	return hostCpus !== undefined && cpus > hostCpus
		? {problem: `the engine has ${hostCpus} CPU${hostCpus === 1 ? '' : 's'}`}
		: {value: cpus};
}

const portPattern =
	/^(?:(\[[0-9a-fA-F:.]+\]|\d{1,3}(?:\.\d{1,3}){3}):)?(?:(\d*):)?(\d+)(?:\/(tcp|udp|sctp))?$/;

function portNumber(text: string): number | undefined {
	const port = Number(text);
	return /^\d+$/.test(text) && port >= 1 && port <= 65_535 ? port : undefined;
}

/** One `-p` value: `80`, `8080:80`, `127.0.0.1:8080:80/udp`, `127.0.0.1::80`, `[::1]:8080:80`. */
export function parsePort(text: string): Parsed<PortBinding> {
	const match = portPattern.exec(text);
	if (match === null) {
		return {problem: `${text}: expected [ip:][host port:]port[/tcp|udp|sctp]`};
	}

	const [, ip, host, container = '', protocol = 'tcp'] = match;
	if (
		ip !== undefined &&
		!ip.startsWith('[') &&
		ip.split('.').some(octet => Number(octet) > 255)
	) {
		return {problem: `${text}: ${ip} is not an IP address`};
	}

	const containerPort = portNumber(container);
	const hostPort =
		host === undefined || host === '' ? undefined : portNumber(host);
	if (
		containerPort === undefined ||
		(host !== undefined && host !== '' && hostPort === undefined)
	) {
		return {problem: `${text}: ports go from 1 to 65535`};
	}

	return {
		value: {
			containerPort,
			protocol: protocol as PortBinding['protocol'],
			hostIp: ip?.replace(/^\[|\]$/g, ''),
			hostPort,
		},
	};
}

/** Port bindings separated by spaces or commas; a host port may be bound only once. */
export function parsePorts(text: string): Parsed<PortBinding[]> {
	const ports: PortBinding[] = [];
	const bound = new Set<string>();
	for (const word of text.split(/[\s,]+/).filter(Boolean)) {
		const port = parsePort(word);
		if ('problem' in port) {
			return port;
		}

		const {hostIp, hostPort, protocol} = port.value;
		if (hostPort !== undefined) {
			const key = `${hostIp ?? ''}:${hostPort}/${protocol}`;
			if (bound.has(key)) {
				return {problem: `host port ${hostPort}/${protocol} is given twice`};
			}

			bound.add(key);
		}

		ports.push(port.value);
	}

	return {value: ports};
}

/** `KEY=VALUE` words, separated by spaces; a value with spaces goes in quotes. */
export function parseEnv(text: string): Parsed<string[]> {
	const pairs = splitCommand(text);
	const bad = pairs.find(pair => !/^[^=\s]+=/.test(pair));
	return bad === undefined
		? {value: pairs}
		: {problem: `${bad}: expected KEY=VALUE`};
}

/**
 * Text pasted into the Env field: as it is when it reads as KEY=VALUE words, and quoted as one
 * value when it is a KEY=VALUE with blanks in its value (`KEY=a b`, copied from elsewhere), which
 * would otherwise be split at them.
 */
export function envPasted(text: string): string {
	return 'problem' in parseEnv(text) && /^[^=\s'"]+=/.test(text)
		? shellWord(text)
		: text;
}

/** A restart policy as `--restart` reads it: no, always, unless-stopped, on-failure[:max retries]. */
export function parseRestart(text: string): Parsed<RestartPolicy> {
	const match = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/.exec(
		text.trim(),
	);
	if (match === null) {
		return {problem: 'no, always, unless-stopped or on-failure[:retries]'};
	}

	const name = match[1] as RestartPolicy['name'];
	if (match[2] !== undefined && name !== 'on-failure') {
		return {problem: 'only on-failure takes a retry count'};
	}

	return {value: {name, maximumRetryCount: Number(match[2] ?? 0)}};
}

/** What the form is checked against: the engine's containers and CPUs. */
export type RunContext = {
	readonly takenNames: ReadonlySet<string>;
	readonly hostCpus: number | undefined;
};

/**
 * Checks every field of the form; the container spec when all are right, else a problem for each
 * wrong field, so that nothing is created from a half-right form.
 */
export function checkRun(
	image: string,
	values: Readonly<Record<RunField, string>>,
	context: RunContext,
):
	| {readonly spec: ContainerSpec}
	| {readonly errors: Partial<Record<RunField, string>>} {
	const name = parseName(values.name, context.takenNames);
	const env = parseEnv(values.env);
	const ports = parsePorts(values.ports);
	const memory = parseMemory(values.memory);
	const cpus = parseCpus(values.cpus, context.hostCpus);
	const restart = parseRestart(values.restart);
	const errors: Partial<Record<RunField, string>> = {};
	const fields = {name, env, ports, memory, cpus, restart};
	for (const [field, parsed] of Object.entries(fields)) {
		if ('problem' in parsed) {
			errors[field as RunField] = parsed.problem;
		}
	}

	if (
		'problem' in name ||
		'problem' in env ||
		'problem' in ports ||
		'problem' in memory ||
		'problem' in cpus ||
		'problem' in restart
	) {
		return {errors};
	}

	return {
		spec: {
			image,
			name: name.value,
			command: splitCommand(values.command),
			env: env.value,
			ports: ports.value,
			memory: memory.value,
			cpus: cpus.value,
			restart: restart.value,
			interactive: values.interactive === 'yes',
		},
	};
}
