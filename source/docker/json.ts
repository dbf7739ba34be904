// Guards for JSON as it comes off the wire or out of a config file: nothing is trusted until read
// through them. A leaf module, so every reader can use it without importing another.

/** A JSON object as it came off the wire: nothing is trusted until read through the helpers. */
export type Json = Readonly<Record<string, unknown>>;

/** Whether `value` is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` if it is a JSON object, else an empty one, so that a missing part reads as absent fields. */
export function jsonObject(value: unknown): Json {
	return isObject(value) ? value : {};
}
