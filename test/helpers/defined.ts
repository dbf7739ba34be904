import assert from 'node:assert/strict';

/** `value`, asserted to be there: for a lookup the test needs to go on (`what` names it in the failure). */
export function defined<T>(value: T | undefined, what = 'defined'): T {
	assert.ok(value !== undefined, what);
	return value;
}
