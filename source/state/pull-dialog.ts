import {textField, type TextField} from './text-field.js';
import {listViewAtTop, type ListView} from './list-view.js';
import {noPullProgress, type PullProgress} from './pull-progress.js';

/** Why a pull failed: in plain words, the engine's own message, and what to do about it. */
export type PullFailure = {
	readonly message: string;
	readonly engineMessage: string | undefined;
	readonly hint: string | undefined;
};

/** `u` on the Images pane: a reference typed in, then its pull's progress, then how it ended. */
export type PullDialog = {
	readonly kind: 'pull';
	readonly stage: 'input' | 'pulling' | 'done' | 'failed';
	readonly draft: TextField;
	/** What is wrong with the typed reference, until it changes. */
	readonly problem: string | undefined;
	/** The reference being (or last) pulled. */
	readonly reference: string;
	readonly progress: PullProgress;
	/** Its layers, as scrolled. */
	readonly list: ListView;
	readonly failure: PullFailure | undefined;
	/** In a fleet, the engine it pulls on. */
	readonly engine: string | undefined;
};

export const pullInput: PullDialog = {
	kind: 'pull',
	stage: 'input',
	draft: textField(),
	problem: undefined,
	reference: '',
	progress: noPullProgress,
	list: listViewAtTop,
	failure: undefined,
	engine: undefined,
};
