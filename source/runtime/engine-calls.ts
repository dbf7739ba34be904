import {errorMessage} from '../docker/errors.js';
import type {Fleet} from '../docker/docker-client.js';
import {commandAudited} from '../state/audit-log.js';
import type {Update} from '../state/app-state.js';
import {commandOn} from './one-engine.js';

/** How many engine calls a bulk action keeps in flight. */
const concurrency = 8;

/** Runs `work` for each item, a few at a time; resolves with the failures. */
export async function eachLimited<T>(
	items: readonly T[],
	work: (item: T) => Promise<void>,
): Promise<{item: T; error: string}[]> {
	const failures: {item: T; error: string}[] = [];
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length) {
			const item = items[next++] as T;
			try {
				await work(item);
			} catch (error) {
				failures.push({item, error: errorMessage(error)});
			}
		}
	};

	await Promise.all(
		Array.from({length: Math.min(concurrency, items.length)}, worker),
	);
	return failures;
}

/**
 * Runs one engine call, recording its docker CLI equivalent with its outcome; rethrows a failure.
 * In a fleet, `on` (the id of the object it acts on) names the engine: the entry is tagged with it
 * and the command reaches it (`docker --context lab container stop web-1`).
 */
export type LoggedCall = (
	command: string,
	call: () => Promise<unknown>,
	on?: string,
) => Promise<void>;

/** The {@link LoggedCall} that records into the store through `dispatch`, at `now`. */
export function loggedCalls(
	dispatch: (update: Update) => void,
	now: () => number,
	fleet?: Fleet,
): LoggedCall {
	const record = recordedCalls(dispatch, now);
	return async (words, call, on) =>
		record(
			words,
			call,
			fleet === undefined || on === undefined
				? undefined
				: {name: fleet.engineOf(on), cli: fleet.cliOf(on)},
		);
}

/**
 * Runs one engine call on the engine `where` names (the one dockmate is connected to where
 * undefined), recording its docker CLI equivalent, as it reaches that engine, with its outcome.
 */
export function recordedCalls(
	dispatch: (update: Update) => void,
	now: () => number,
) {
	return async (
		words: string,
		call: () => Promise<unknown>,
		where?: {readonly name: string | undefined; readonly cli: string},
	): Promise<void> => {
		const engine = where?.name;
		const command = where === undefined ? words : commandOn(words, where.cli);
		try {
			await call();
			dispatch(
				commandAudited({time: now(), command, error: undefined, engine}),
			);
		} catch (error) {
			dispatch(
				commandAudited({
					time: now(),
					command,
					error: errorMessage(error),
					engine,
				}),
			);
			throw error;
		}
	};
}
