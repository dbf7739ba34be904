const byteUnits = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Three significant digits at most, whole bytes. */
function round(value: number, unit = 1): number {
	const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
	return Number(value.toFixed(digits));
}

/**
 * `bytes` in the largest unit that keeps the figure under `base`, rounded before the unit is
 * settled, so 999.9kB reads 1MB rather than 1000kB.
 */
function scaled(bytes: number, base: number, units: readonly string[]): string {
	if (!Number.isFinite(bytes) || bytes < 0) {
		return '-';
	}

	let value = bytes;
	let unit = 0;
	while (round(value) >= base && unit < units.length - 1) {
		value /= base;
		unit++;
	}

	return `${round(value, unit)}${units[unit] ?? ''}`;
}

/** Decimal sizes like `docker images` prints them: `5.58MB`, `1.2GB`, `0B`. */
export function formatBytes(bytes: number): string {
	return scaled(bytes, 1000, byteUnits);
}

const ageSteps: readonly (readonly [number, string])[] = [
	[365 * 24 * 3600, 'y'],
	[30 * 24 * 3600, 'mo'],
	[7 * 24 * 3600, 'w'],
	[24 * 3600, 'd'],
	[3600, 'h'],
	[60, 'm'],
	[1, 's'],
];

/** A compact age: `42s`, `5m`, `3h`, `2d`, `6w`, `4mo`, `1y`. */
export function formatAge(createdAt: number, now: number): string {
	const seconds = Math.max(0, Math.floor((now - createdAt) / 1000));
	for (const [size, unit] of ageSteps) {
		if (seconds >= size) {
			return `${Math.floor(seconds / size)}${unit}`;
		}
	}

	return '0s';
}

/** `sha256:abcdef…` → the 12-character short id the docker CLI shows. */
export function shortId(id: string): string {
	return id.replace(/^sha256:/, '').slice(0, 12);
}

/**
 * A Swarm task's container name: its service, its slot (a global service's node id in its place)
 * and its task id, both ids 25 characters.
 */
const taskContainerName = /\b([\w-]+)\.(\d+|[a-z\d]{25})\.([a-z\d]{25})\b/g;

/**
 * `text` with every full 64-character id (the engine puts them in its error messages) cut to the
 * short id, and the ids in a Swarm task's container name (`web.1.k3j4h5g6f7d8s9a0q1w2e3r4t`) cut
 * to 12 characters as `docker service ps` shows them, so that a message fits its line and names
 * things as the docker CLI lists them: at 80 columns a task's whole name pushed why off the line.
 */
export function withShortIds(text: string): string {
	return text
		.replaceAll(/\b(?:sha256:)?([\da-f]{12})[\da-f]{52}\b/g, '$1')
		.replaceAll(
			taskContainerName,
			(_, service: string, slot: string, task: string) =>
				`${service}.${slot.slice(0, 12)}.${task.slice(0, 12)}`,
		);
}

const memoryUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Memory in binary units, as `docker stats` shows it: `32MiB`, `1.5GiB`. */
export function formatMemory(bytes: number): string {
	return scaled(bytes, 1024, memoryUnits);
}

/** `1 item`, `3 items`. */
export function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
