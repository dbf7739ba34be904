// In a fleet, what is made on one engine (a pull, a build, a volume, a network) asks which one
// first, unless the panes show one engine alone.

import type {FleetEngine} from '../docker/docker-client.js';
import type {AppState, Update} from './app-state.js';
import {dialogOpened, updateDialog} from './dialog-slot.js';
import {listViewAtTop, type ListView} from './list-view.js';

/** What the chosen engine is for: the dialog that opens on it next. */
export type EnginePurpose = 'pull' | 'build' | 'volume' | 'network';

/** The engine chooser: the fleet's engines, as `state.fleet` has them now. */
export type EngineChoiceDialog = {
	readonly kind: 'engine-choice';
	readonly purpose: EnginePurpose;
	readonly cursor: number;
	/** The fleet's engines by name, in its order (their states are `state.fleet`'s). */
	readonly names: readonly string[];
	readonly list: ListView;
};

/** How each purpose is said in the chooser's title. */
export const purposeText: Readonly<Record<EnginePurpose, string>> = {
	pull: 'Pull',
	build: 'Build',
	volume: 'Create a volume',
	network: 'Create a network',
};

/** What a dialog's title adds for the fleet's engine its work goes to: ` on lab`. */
export function onEngineText(engine: string | undefined): string {
	return engine === undefined ? '' : ` on ${engine}`;
}

/** Why nothing can be made on `engine` now; undefined where it can. */
export function engineRefusal(engine: FleetEngine): string | undefined {
	if (engine.readOnly) {
		return `${engine.name} is read-only: nothing on it is changed`;
	}

	switch (engine.state.status) {
		case 'connected': {
			return undefined;
		}

		case 'connecting': {
			return `${engine.name} is still connecting`;
		}

		case 'down': {
			return `${engine.name} is unreachable: ${engine.state.error}`;
		}
	}
}

/**
 * Where work on one engine goes without asking: the one engine outside a fleet (`engine`
 * undefined), or the engine the panes show alone; undefined where the user has to choose.
 */
export function impliedEngine(
	state: AppState,
): {readonly engine: string | undefined} | undefined {
	if (state.fleet === undefined) {
		return {engine: undefined};
	}

	return state.ui.engine === undefined ? undefined : {engine: state.ui.engine};
}

/** Opens the chooser for `purpose`, on the first engine that can take it. */
export function engineChoiceOpened(purpose: EnginePurpose): Update {
	return state =>
		dialogOpened({
			kind: 'engine-choice',
			purpose,
			cursor: Math.max(
				0,
				(state.fleet ?? []).findIndex(
					engine => engineRefusal(engine) === undefined,
				),
			),
			names: (state.fleet ?? []).map(engine => engine.name),
			list: listViewAtTop,
		})(state);
}

/** The cursor onto engine `index` (a click on its name). */
export function enginePicked(index: number): Update {
	return updateDialog('engine-choice', dialog => ({...dialog, cursor: index}));
}

/** The engine under the chooser's cursor. */
export function engineUnderCursor(
	state: AppState,
	dialog: EngineChoiceDialog,
): FleetEngine | undefined {
	return state.fleet?.[dialog.cursor];
}
