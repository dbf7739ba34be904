import type {FleetEngine} from '../docker/docker-client.js';
import type {Command} from '../keymap/commands.js';
import type {Services} from '../runtime/services.js';
import {createFormOpened} from '../state/create-form.js';
import {currentDialog} from '../state/dialog-slot.js';
import {
	engineChoiceOpened,
	engineRefusal,
	engineUnderCursor,
	impliedEngine,
	type EnginePurpose,
} from '../state/engine-choice.js';
import {pullOpened} from '../state/image-dialogs.js';
import {statusShown} from '../state/status.js';
import type {Handler} from './handler-context.js';

/** Opens the dialog of `purpose` on `engine` (undefined: the one engine there is). */
const opens: Readonly<
	Record<EnginePurpose, (services: Services, engine?: string) => void>
> = {
	pull(services, engine) {
		services.dispatch(pullOpened(engine));
	},
	build(services, engine) {
		services.images.openBuild(engine);
	},
	volume(services, engine) {
		services.dispatch(createFormOpened('volume', engine));
	},
	network(services, engine) {
		services.dispatch(createFormOpened('network', engine));
	},
};

/**
 * Opens the dialog of `purpose` on the engine it goes to: the one there is, the one the panes
 * show alone, else the one the user chooses from the fleet's.
 */
export function openOnOneEngine(
	services: Services,
	purpose: EnginePurpose,
): void {
	const state = services.store.getState();
	const implied = impliedEngine(state);
	if (implied === undefined) {
		services.dispatch(engineChoiceOpened(purpose));
		return;
	}

	openOn(
		services,
		purpose,
		implied.engine,
		state.fleet?.find(candidate => candidate.name === implied.engine),
	);
}

/**
 * Opens the dialog of `purpose` on the engine `name` (a fleet's `engine`), or says why that engine
 * cannot have it.
 */
function openOn(
	services: Services,
	purpose: EnginePurpose,
	name: string | undefined,
	engine: FleetEngine | undefined,
): void {
	const refusal = engine === undefined ? undefined : engineRefusal(engine);
	if (refusal === undefined) {
		opens[purpose](services, name);
	} else {
		services.dispatch(statusShown(refusal, true));
	}
}

/** Enter (or a click on a name) in the engine chooser: on with that engine, unless it cannot. */
export const engineChoiceHandlers = {
	'engines.choose'({services}) {
		const state = services.store.getState();
		const dialog = currentDialog(state, 'engine-choice');
		const engine =
			dialog === undefined ? undefined : engineUnderCursor(state, dialog);
		if (dialog === undefined || engine === undefined) {
			return;
		}

		openOn(services, dialog.purpose, engine.name, engine);
	},
} satisfies Partial<Record<Command, Handler>>;
