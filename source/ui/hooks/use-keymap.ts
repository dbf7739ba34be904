import {useInput, type Key} from 'ink';
import {useCallback} from 'react';
import {bindings} from '../../keymap/bindings.js';
import {chord} from '../../keymap/chord.js';
import {resolve} from '../../keymap/resolve.js';
import {activeScopes} from '../../state/selectors.js';
import {handlers} from '../handlers.js';
import {useServices} from './use-services.js';

/**
 * The app's one keyboard dispatcher: keypress → chord → command for the scopes in force → handler.
 * Scopes are read from the store at the moment of the key, not from the last render, so a burst of
 * keys typed faster than React re-renders is handled in order and none is lost.
 */
export function useKeymap(pageSize: number): void {
	const services = useServices();
	const onInput = useCallback(
		(input: string, key: Key) => {
			const command = resolve(
				chord(input, key),
				activeScopes(services.store.getState()),
				bindings,
			);
			if (command !== undefined) {
				handlers[command]({services, pageSize});
			}
		},
		[services, pageSize],
	);
	useInput(onInput);
}
