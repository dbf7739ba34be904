import {useInput, useStdin, type Key} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';
import {textScopes, type Binding} from '../../keymap/bindings.js';
import {useKeymapTable} from '../keymap-in-force.js';
import {
	chord,
	splitChunk,
	splitEscapePair,
	type KeyFlags,
	type Keypress,
} from '../../keymap/chord.js';
import type {Scope} from '../../keymap/bindings.js';
import {resolve} from '../../keymap/resolve.js';
import {textPasted, textTyped} from '../../state/updates.js';
import {pastedLine} from '../../state/text-field.js';
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

/** What a terminal sends around a paste once asked to (bracketed paste, `ESC [?2004h`). */
const pasteStart = '\u001B[200~';
const pasteEnd = '\u001B[201~';

/** The keys of one input event: Esc and a key read together are two, unless Alt+key is bound. */
function keypresses(
	raw: string,
	input: string,
	key: Key,
	scopes: readonly Scope[],
	table: readonly Binding[],
): readonly Keypress[] {
	// The Backspace key sends DEL, which Ink names delete, as it does the Delete key's ESC [3~;
	// read as the Backspace it is, so that Delete can delete forward.
	if (raw === '\u007F') {
		return splitChunk(raw);
	}

	const isBoundAlt =
		key.meta &&
		!key.escape &&
		resolve(chord(input, key), scopes, table) !== undefined;
	const split = isBoundAlt ? undefined : splitEscapePair(raw);
	// Keys typed faster than the terminal is read arrive as one chunk ("jj", "abc\r", Esc and a
	// key), which Ink hands over as one input; each key is its own keypress here.
	return (
		split ??
		(input.length > 1 && !key.ctrl && !key.meta
			? splitChunk(input)
			: [{input, key}])
	);
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
	// Whether a paste is under way: Ink hands its start, its text (in one or more reads) and its
	// end over as separate inputs, and everything between is text, not keys.
	const isPasting = useRef(false);
	const onInput = useCallback(
		(input: string, key: Key) => {
			const raw = rawInput();
			// A mouse report is never a key: Ink would read `\e[<0;5;9M` as keys ending in M.
			const mouseEvent = parseMouseEvent(raw);
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

			if (raw === pasteStart || raw === pasteEnd) {
				isPasting.current = raw === pasteStart;
				return;
			}

			if (isPasting.current) {
				// Pasted text goes whole into the open prompt, at its cursor, and nowhere else: no key
				// of it is a command (a `q` in it must not quit).
				const text = pastedLine(raw);
				const scopes = activeScopes(services.store.getState());
				if (text !== '' && scopes.some(scope => textScopes.has(scope))) {
					services.dispatch(textPasted(text));
				}

				return;
			}

			const presses = keypresses(
				raw,
				input,
				key,
				activeScopes(services.store.getState()),
				table,
			);
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
