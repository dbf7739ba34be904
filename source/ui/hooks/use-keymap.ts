import {useInput, type Key} from 'ink';
import {useCallback} from 'react';
import {bindings, textScopes} from '../../keymap/bindings.js';
import {
	chord,
	noKeyFlags,
	splitChunk,
	type KeyFlags,
	type Keypress,
} from '../../keymap/chord.js';
import {resolve} from '../../keymap/resolve.js';
import {activeScopes} from '../../state/selectors.js';
import {textTyped} from '../../state/updates.js';
import {statusCleared, statusShown} from '../../state/action-updates.js';
import {commandInfo, type Command} from '../../keymap/commands.js';
import type {Services} from '../../runtime/services.js';
import {handlers} from '../handlers.js';
import {useServices} from './use-services.js';

/** Read-only mode refuses every command that changes the engine, even when invoked anyway. */
function isRefused(command: Command, services: Services): boolean {
	return (
		services.store.getState().readOnly &&
		commandInfo[command].dangerous === true
	);
}

/**
 * Esc followed at once by a key reaches us as Alt+key (a terminal cannot tell them apart). Where
 * Alt+key means nothing, it is taken as the two keys, which is what a quick typist meant.
 */
function escapeThenKey(
	input: string,
	key: KeyFlags,
	services: Services,
): Keypress[] {
	const pressed = {input, key};
	if (!key.meta || key.escape || input.length !== 1) {
		return [pressed];
	}

	const scopes = activeScopes(services.store.getState());
	return resolve(chord(input, key), scopes, bindings) === undefined
		? [
				{input: '', key: {...noKeyFlags, escape: true}},
				{input, key: {...key, meta: false}},
			]
		: [pressed];
}

function isPrintable(input: string, key: KeyFlags): boolean {
	return (
		input !== '' &&
		!key.ctrl &&
		!key.meta &&
		!key.escape &&
		!key.return &&
		!key.tab &&
		/^[^\p{Cc}]+$/u.test(input)
	);
}

/**
 * The app's one keyboard dispatcher: keypress → chord → command for the scopes in force → handler.
 * Scopes are read from the store at the moment of the key, not from the last render, so a burst of
 * keys typed faster than React re-renders is handled in order and none is lost.
 */
export function useKeymap(pageSize: number): void {
	const services = useServices();
	const onInput = useCallback(
		(input: string, key: Key) => {
			// Keys typed faster than the terminal is read arrive as one chunk ("jj", "abc\r"),
			// which Ink hands over as one input; each key is its own keypress here.
			const presses =
				input.length > 1 && !key.ctrl && !key.meta
					? splitChunk(input)
					: escapeThenKey(input, key, services);
			for (const press of presses) {
				const scopes = activeScopes(services.store.getState());
				const command = resolve(
					chord(press.input, press.key),
					scopes,
					bindings,
				);
				// The last message was about the last action: a key on the panes starts the next one
				// and makes it old news. Keys in a dialog are part of one action, and the dialog's
				// outcome is what the message says, to be read once the dialog closes.
				if (
					command !== undefined &&
					services.store.getState().ui.dialog === undefined
				) {
					services.dispatch(statusCleared);
				}

				if (command !== undefined && isRefused(command, services)) {
					services.dispatch(
						statusShown(
							`read-only mode: "${commandInfo[command].description}" is disabled`,
							true,
						),
					);
				} else if (command !== undefined) {
					handlers[command]({services, pageSize});
				} else if (
					isPrintable(press.input, press.key) &&
					scopes.some(scope => textScopes.has(scope))
				) {
					// Typed text goes through the store too, so that it follows the key that opened
					// the prompt even when both arrived in one chunk.
					services.dispatch(textTyped(press.input));
				}
			}
		},
		[services, pageSize],
	);
	useInput(onInput);
}
