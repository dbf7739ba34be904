import type {Command} from '../keymap/commands.js';
import {statusShown} from '../state/status.js';
import {
	buildFormReopened,
	formChoiceCycled,
	formFieldMoved,
	pullInputReopened,
	runOpened,
} from '../state/image-dialogs.js';
import {isLastField} from '../state/form.js';
import {imageRows} from '../state/image-rows.js';
import {selectedId} from '../state/selectors.js';
import {dialogClosed} from '../state/dialog-slot.js';
import {
	dispatching,
	type Handler,
	type HandlerContext,
} from './handler-context.js';
import {submitCreate} from './resource-handlers.js';
import {openOnOneEngine} from './engine-choice-handlers.js';

/**
 * Runs the open form: the run form creates its container, the build form starts its build, the
 * create form (Volumes and Networks panes) its volume or network.
 */
function go({services}: HandlerContext): void {
	const {dialog} = services.store.getState().ui;
	if (dialog?.kind === 'run') {
		void services.images.run();
	} else if (dialog?.kind === 'build') {
		void services.images.build();
	} else if (dialog?.kind === 'create') {
		submitCreate(services);
	}
}

/** The handlers of pull, run and build (`u`, `n`, `b` on the Images pane) and their dialogs. */
export const imageHandlers = {
	...dispatching({
		'pull.edit': () => pullInputReopened,
		'field.next': () => formFieldMoved(1),
		'field.previous': () => formFieldMoved(-1),
		'field.cycle': () => formChoiceCycled(1),
		'field.cycleBack': () => formChoiceCycled(-1),
		'build.edit': () => buildFormReopened,
	}),
	'image.pull'({services}) {
		openOnOneEngine(services, 'pull');
	},
	'image.run'({services}) {
		const state = services.store.getState();
		const id = selectedId(state, 'images');
		const row =
			id === undefined ? undefined : imageRows(state.images.byId).get(id);
		// The row's tag, else the image id: the container is created from what the row shows, on
		// the row's engine in a fleet.
		services.dispatch(
			row === undefined
				? statusShown('select an image first', true)
				: runOpened(row.tag ?? row.image.id, row.image.engine),
		);
	},
	'image.build'({services}) {
		openOnOneEngine(services, 'build');
	},
	'pull.start'({services}) {
		const {dialog} = services.store.getState().ui;
		if (dialog?.kind === 'pull') {
			void services.images.pull(dialog.draft.text);
		}
	},
	'pull.close'({services}) {
		const {dialog} = services.store.getState().ui;
		if (dialog?.kind === 'pull' && dialog.stage === 'pulling') {
			services.images.cancelPull();
			services.dispatch(statusShown(`pull of ${dialog.reference} called off`));
		}

		services.dispatch(dialogClosed);
	},
	'field.enter'(context) {
		const {dialog} = context.services.store.getState().ui;
		if (
			(dialog?.kind === 'run' ||
				dialog?.kind === 'build' ||
				dialog?.kind === 'create') &&
			isLastField<string>(dialog.form)
		) {
			go(context);
		} else {
			context.services.dispatch(formFieldMoved(1));
		}
	},
	'field.go': go,
	'build.close'({services}) {
		const {dialog} = services.store.getState().ui;
		if (dialog?.kind === 'build' && dialog.stage === 'building') {
			services.images.cancelBuild();
			services.dispatch(statusShown('build called off'));
		}

		services.dispatch(dialogClosed);
	},
} satisfies Partial<Record<Command, Handler>>;
