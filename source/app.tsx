import type {Services} from './runtime/services.js';
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
};

/** The root component: hands the services down and draws the main screen. */
export function App({services, size}: Props) {
	return (
		<ServicesContext.Provider value={services}>
			<TerminalSizeContext.Provider value={size}>
				<MainScreen />
			</TerminalSizeContext.Provider>
		</ServicesContext.Provider>
	);
}
