import {withUi, type Update} from './app-state.js';
import {
	buildDialog,
	buildOutputLength,
	buildOutputViewer,
	type BuildDialog,
	type BuildField,
	type BuildValues,
} from './build-form.js';
import {
	formChecked,
	formEdited,
	formValueChanged,
	formFocusMoved,
	type Form,
} from './form.js';
import {pullInput, type PullDialog, type PullFailure} from './pull-dialog.js';
import type {PullProgress} from './pull-progress.js';
import {
	envPasted,
	nextChoice,
	runChoices,
	runForm,
	type RunDialog,
	type RunField,
} from './run-form.js';
import {createChoiceCycled, type CreateField} from './create-form.js';
import {updateDialog, dialogOpened} from './dialog-slot.js';
import {lineEdited, textField, type LineEdit} from './text-field.js';

/** The dialogs of pull, run and build. */
export type ImageDialog = PullDialog | RunDialog | BuildDialog;

/** The pull dialog, on the fleet's engine `engine` if given. */
export function pullOpened(engine?: string): Update {
	return dialogOpened({...pullInput, engine});
}

/**
 * The run form for an image `reference` (a tag, so that the container names the image so, else
 * its id), on the fleet's engine `engine` if given.
 */
export function runOpened(reference: string, engine?: string): Update {
	return dialogOpened({
		kind: 'run',
		image: reference,
		form: runForm(),
		isCreating: false,
		engine,
	});
}

/** The build form, filled in as the last build this session was, if any; on `engine` in a fleet. */
export function buildOpened(
	cwd: string,
	last?: BuildValues,
	engine?: string,
): Update {
	return dialogOpened(buildDialog(cwd, last, engine));
}

/** Typing the reference to pull, while it is being entered. */
export function pullDraftChanged(edit: LineEdit): Update {
	return updateDialog('pull', dialog =>
		dialog.stage === 'input'
			? {...dialog, draft: lineEdited(dialog.draft, edit), problem: undefined}
			: dialog,
	);
}

/** Typing into the run form's focused field; a choice field that only picks from its list takes no text. */
export function runDraftChanged(edit: LineEdit): Update {
	return updateDialog('run', dialog =>
		dialog.isCreating || runChoices[dialog.form.focused]?.isTyped === false
			? dialog
			: {
					...dialog,
					form: formEdited(
						dialog.form,
						'insert' in edit &&
							edit.isPasted === true &&
							dialog.form.focused === 'env'
							? {insert: envPasted(edit.insert)}
							: edit,
					),
				},
	);
}

/** Typing into the build form's focused field, until the build starts. */
export function buildDraftChanged(edit: LineEdit): Update {
	return updateDialog('build', dialog =>
		dialog.stage === 'form'
			? {...dialog, form: formEdited(dialog.form, edit)}
			: dialog,
	);
}

/** Changes the form of the open run or build form. */
function changeForm(
	change: <F extends RunField | BuildField | CreateField>(
		form: Form<F>,
	) => Form<F>,
): Update {
	return state => {
		const {dialog} = state.ui;
		if (dialog?.kind === 'create' && !dialog.isCreating) {
			return withUi(state, {dialog: {...dialog, form: change(dialog.form)}});
		}

		if (dialog?.kind === 'run') {
			return withUi(state, {dialog: {...dialog, form: change(dialog.form)}});
		}

		return dialog?.kind === 'build' && dialog.stage === 'form'
			? withUi(state, {dialog: {...dialog, form: change(dialog.form)}})
			: state;
	};
}

export function formFieldMoved(step: 1 | -1): Update {
	return changeForm(form => formFocusMoved(form, step));
}

/** The focused choice field of the run form takes its next (or previous) value. */
export function formChoiceCycled(step: 1 | -1): Update {
	const cycleCreate = createChoiceCycled(step);
	const cycleRun = updateDialog('run', dialog => {
		const choices = runChoices[dialog.form.focused];
		return choices === undefined
			? dialog
			: {
					...dialog,
					form: formValueChanged(dialog.form, value =>
						nextChoice(choices, value, step),
					),
				};
	});
	return state =>
		state.ui.dialog?.kind === 'create' ? cycleCreate(state) : cycleRun(state);
}

export function runChecked(errors: Partial<Record<RunField, string>>): Update {
	return updateDialog('run', dialog => ({
		...dialog,
		form: formChecked(dialog.form, errors),
		isCreating: false,
	}));
}

export function runCreatingSet(isCreating: boolean): Update {
	return updateDialog('run', dialog => ({...dialog, isCreating}));
}

export function pullRefused(problem: string): Update {
	return updateDialog('pull', dialog => ({...dialog, problem}));
}

export function pullStarted(reference: string): Update {
	return updateDialog('pull', dialog => ({
		...pullInput,
		draft: dialog.draft,
		stage: 'pulling',
		reference,
		engine: dialog.engine,
	}));
}

/** New progress of the pull under way; ignored once that pull's dialog is gone. */
export function pullAdvanced(
	reference: string,
	progress: PullProgress,
): Update {
	return updateDialog('pull', dialog =>
		dialog.stage === 'pulling' && dialog.reference === reference
			? {...dialog, progress}
			: dialog,
	);
}

export function pullEnded(reference: string, progress: PullProgress): Update {
	return updateDialog('pull', dialog =>
		dialog.reference === reference
			? {...dialog, stage: 'done', progress}
			: dialog,
	);
}

/** The pull failed: its half-done progress goes, and the reason takes its place. */
export function pullFailed(reference: string, failure: PullFailure): Update {
	return updateDialog('pull', dialog =>
		dialog.reference === reference
			? {
					...pullInput,
					draft: dialog.draft,
					reference,
					stage: 'failed',
					failure,
					engine: dialog.engine,
				}
			: dialog,
	);
}

/** Back from a finished pull to the reference: a failed one to fix it, a done one for another. */
export const pullInputReopened: Update = updateDialog('pull', dialog =>
	dialog.stage === 'pulling'
		? dialog
		: {
				...dialog,
				stage: 'input',
				draft: dialog.stage === 'done' ? textField() : dialog.draft,
			},
);

export function buildChecked(
	errors: Partial<Record<BuildField, string>>,
): Update {
	return updateDialog('build', dialog => ({
		...dialog,
		form: formChecked(dialog.form, errors),
	}));
}

export const buildStarted: Update = updateDialog('build', dialog => ({
	...dialog,
	stage: 'building',
	output: [],
	dropped: 0,
	viewer: buildOutputViewer,
	imageId: undefined,
	error: undefined,
}));

/** More lines of build output; a view scrolled back stays on the lines it shows. */
export function buildOutputAdded(
	lines: readonly string[],
	imageId: string | undefined,
): Update {
	return updateDialog('build', dialog => {
		if (dialog.stage !== 'building') {
			return dialog;
		}

		// A line's number since the build began is its identity and its place.
		const next = dialog.dropped + dialog.output.length;
		const all = [
			...dialog.output,
			...lines.map((text, index) => ({
				seq: next + index,
				time: next + index,
				text,
			})),
		];
		const output = all.slice(-buildOutputLength);
		return {
			...dialog,
			output,
			dropped: dialog.dropped + all.length - output.length,
			imageId: imageId ?? dialog.imageId,
		};
	});
}

export function buildEnded(error: string | undefined): Update {
	return updateDialog('build', dialog =>
		dialog.stage === 'building'
			? {...dialog, stage: error === undefined ? 'done' : 'failed', error}
			: dialog,
	);
}

/** Back from a finished build to its form, to change it and build again. */
export const buildFormReopened: Update = updateDialog('build', dialog =>
	dialog.stage === 'building' ? dialog : {...dialog, stage: 'form'},
);
