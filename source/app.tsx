import type {Binding} from './keymap/bindings.js';
import type {Services} from './runtime/services.js';
import {KeymapContext} from './ui/keymap-in-force.js';
import {bindings} from './keymap/bindings.js';
import {ServicesContext} from './ui/hooks/use-services.js';
import {
	TerminalSizeContext,
	type TerminalSize,
} from './ui/hooks/use-terminal-size.js';
import {MainScreen} from './ui/main-screen.js';

type Props = {
	readonly services: Services;
	/** A fixed size instead of the terminal's. */
	readonly size?: TerminalSize;
	/** The keymap table in force: the defaults with the user's `"keys"`. */
	readonly keymap?: readonly Binding[];
};

/** The root component: hands the services down and draws the main screen. */
export function App({services, size, keymap = bindings}: Props) {
	return (
		<ServicesContext.Provider value={services}>
			<KeymapContext.Provider value={keymap}>
				<TerminalSizeContext.Provider value={size}>
					<MainScreen />
				</TerminalSizeContext.Provider>
			</KeymapContext.Provider>
		</ServicesContext.Provider>
	);
}
