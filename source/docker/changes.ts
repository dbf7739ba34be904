import type {ContainerChange} from './domain-types.js';
import {sanitize} from './sanitize.js';

const kinds: readonly ContainerChange['kind'][] = [
	'changed',
	'added',
	'deleted',
];

/** The engine's answer to `GET /containers/{id}/changes` (`[{Path, Kind}]`, Kind 0 changed, 1 added, 2 deleted; null for none). */
export function toChanges(answer: unknown): ContainerChange[] {
	if (!Array.isArray(answer)) {
		return [];
	}

	return answer.flatMap((item: unknown) => {
		const {Path: path, Kind: kind} = (item ?? {}) as {
			readonly Path?: unknown;
			readonly Kind?: unknown;
		};
		const named = typeof kind === 'number' ? kinds[kind] : undefined;
		return typeof path === 'string' && named !== undefined
			? [{path: sanitize(path), kind: named}]
			: [];
	});
}
