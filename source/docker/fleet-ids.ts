// How the fleet keeps the objects of several engines apart in one list: each id carries the
// number of its engine after a `~`, a character no engine puts in an id, name or reference.

/** The separator between an object's own id and its engine's number. */
const separator = '~';

/** `id` as the fleet lists it: unique across engines, its first characters still the engine's id. */
export function fleetId(id: string, engine: number): string {
	return `${id}${separator}${engine}`;
}

/** The engine's number and its own id of a fleet id; undefined for an id without an engine. */
export function splitFleetId(
	id: string,
): {readonly engine: number; readonly id: string} | undefined {
	const at = id.lastIndexOf(separator);
	if (at < 0) {
		return undefined;
	}

	const engine = Number(id.slice(at + 1));
	return Number.isSafeInteger(engine) && engine >= 0
		? {engine, id: id.slice(0, at)}
		: undefined;
}
