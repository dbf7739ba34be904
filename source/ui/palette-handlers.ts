import {describeKeys, bindingWords} from '../keymap/describe.js';
import {shownBindings} from '../keymap/resolve.js';
import type {Command} from '../keymap/commands.js';
import {
	objectJumpedTo,
	paletteChoice,
	paletteCursorMoved,
	paletteOpened,
	palettePicked,
	type PaletteCommand,
} from '../state/palette.js';
import {scopesOfPane} from '../state/scopes.js';
import type {Handler} from './handler-context.js';

/** Commands the palette does not offer: itself, and the keys that move through a list. */
function isOffered(command: Command): boolean {
	return command !== 'palette.open' && !command.startsWith('scroll.');
}

/**
 * The palette's commands and how it runs them. `run` is the handler table itself, passed in so that
 * a command chosen in the palette runs exactly as its key would.
 */
export function paletteHandlers(
	run: () => Readonly<Record<Command, Handler>>,
): Record<
	'palette.open' | 'palette.run' | 'palette.next' | 'palette.previous',
	Handler
> {
	return {
		'palette.open'({services, keymap}) {
			const state = services.store.getState();
			const commands = shownBindings(
				scopesOfPane(state.ui.focus),
				keymap,
				state.readOnly,
			).flatMap((binding): PaletteCommand[] =>
				isOffered(binding.command)
					? [
							{
								command: binding.command,
								description: bindingWords(binding).description,
								keys: describeKeys(binding),
							},
						]
					: [],
			);
			// The engines are listed now, as `c` lists them: contexts and hosts can change meanwhile.
			const hosts = services.hosts.list();
			const engines = hosts.choices.map(choice => ({
				id: choice.id,
				name: choice.name,
				isCurrent: choice.id === hosts.currentId,
			}));
			services.dispatch(paletteOpened(commands, engines));
		},
		'palette.run'(context) {
			const {services} = context;
			const entry = paletteChoice(services.store.getState());
			if (entry === undefined) {
				return;
			}

			services.dispatch(palettePicked(entry));
			if (entry.kind === 'object') {
				services.dispatch(objectJumpedTo(entry.pane, entry.id));
			} else if (entry.kind === 'engine') {
				// As `c` then Enter on it: the switcher shows the connection, or why it failed.
				services.hosts.open(entry.id);
				services.hosts.choose();
			} else {
				// On the selection of the pane the palette was opened over, as its key would.
				run()[entry.command]({
					...context,
					chord:
						context.keymap.find(b => b.command === entry.command)?.keys[0] ??
						'',
				});
			}
		},
		'palette.next'({services}) {
			services.dispatch(paletteCursorMoved(1));
		},
		'palette.previous'({services}) {
			services.dispatch(paletteCursorMoved(-1));
		},
	};
}
