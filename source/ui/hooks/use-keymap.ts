import {useInput, useStdin, type Key} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';
import {textScopes} from '../../keymap/bindings.js';
import {useKeymapTable} from '../keymap-in-force.js';
import {
	chord,
	splitChunk,
	splitEscapePair,
	type KeyFlags,
} from '../../keymap/chord.js';
import {resolve} from '../../keymap/resolve.js';
import {textTyped} from '../../state/updates.js';
import {statusCleared, statusShown} from '../../state/status.js';
import {commandInfo, type Command} from '../../keymap/commands.js';
import type {Services} from '../../runtime/services.js';
import {handlers} from '../handlers.js';
import {useServices} from './use-services.js';
import {activeScopes} from '../../state/scopes.js';
import {parseMouseEvent} from '../../keymap/mouse-event.js';
import {mouseHandled, type Press} from '../mouse-handling.js';

/** Read-only mode refuses every command that changes the engine, even when invoked anyway. */
function isRefused(command: Command, services: Services): boolean {
	return (
		services.store.getState().readOnly &&
		commandInfo[command].dangerous === true
	);
}

/**
 * The raw text of the input event Ink is handling. Ink's key parser strips a leading ESC (ESC /
 * reaches `useInput` as a bare `/`), so the handler reads the raw event, recorded by a listener
 * that runs before Ink's: prepended to the same emitter, whose listeners run in order.
 */
function useRawInput(): () => string {
	const {internal_eventEmitter: emitter} = useStdin();
	const [recorder] = useState(() => {
		let last = '';
		return {
			record: (input: string): void => {
				last = input;
			},
			last: () => last,
		};
	});
	useEffect(() => {
		emitter.prependListener('input', recorder.record);
		return () => {
			emitter.removeListener('input', recorder.record);
		};
	}, [emitter, recorder]);
	return recorder.last;
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
export function useKeymap(
	pageSize: number,
	size: {readonly columns: number; readonly rows: number},
): void {
	const services = useServices();
	const rawInput = useRawInput();
	const table = useKeymapTable();
	// The last press, to tell a double-click: only the input handler reads it.
	const lastPress = useRef<Press | undefined>(undefined);
	const {columns, rows} = size;
	const onInput = useCallback(
		(input: string, key: Key) => {
			// A mouse report is never a key: Ink would read `\e[<0;5;9M` as keys ending in M.
			const mouseEvent = parseMouseEvent(rawInput());
			if (mouseEvent !== undefined) {
				lastPress.current = mouseHandled(mouseEvent, {
					services,
					pageSize,
					chord: '',
					keymap: table,
					size: {columns, rows},
					time: Date.now(),
					previous: lastPress.current,
				});
				return;
			}

			// Keys typed faster than the terminal is read arrive as one chunk ("jj", "abc\r", Esc
			// and a key), which Ink hands over as one input; each key is its own keypress here.
			const presses =
				splitEscapePair(rawInput()) ??
				(input.length > 1 && !key.ctrl && !key.meta
					? splitChunk(input)
					: [{input, key}]);
			for (const press of presses) {
				const scopes = activeScopes(services.store.getState());
				const pressed = chord(press.input, press.key);
				const command = resolve(pressed, scopes, table);
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
					handlers[command]({
						services,
						pageSize,
						chord: pressed,
						keymap: table,
					});
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
		[services, pageSize, rawInput, table, columns, rows],
	);
	useInput(onInput);
}
