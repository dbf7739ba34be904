import type {Command} from '../keymap/commands.js';
import {currentDialog} from '../state/dialog-slot.js';
import {
	childPath,
	entryUnderCursor,
	filesFilterCleared,
	filesPromptClosed,
	filesPromptOpened,
	parentOf,
} from '../state/files-view.js';
import {
	processUnderCursor,
	signalChooserClosed,
	signalChooserOpened,
	signalCycled,
} from '../state/processes-view.js';
import {statusShown} from '../state/status.js';
import {dialogClosed} from '../state/dialog-slot.js';
import {
	dispatching,
	selectedContainer,
	type Handler,
	type HandlerContext,
} from './handler-context.js';
import type {ContainerReport} from '../runtime/container-files.js';

/** Opens a report on `container` in the viewer, if there is one. */
function showReport(
	{services}: HandlerContext,
	report: ContainerReport,
	container: {readonly id: string; readonly name: string} | undefined,
): void {
	if (container !== undefined) {
		void services.files.show(report, container.id, container.name);
	}
}

/** Asks at the browser's foot for a copy's local path, starting from the folder dockmate started in. */
function openCopyPrompt(
	services: HandlerContext['services'],
	purpose: 'copy-out' | 'copy-in',
): void {
	const dialog = currentDialog(services.store.getState(), 'files');
	if (dialog?.transfer !== undefined) {
		services.dispatch(
			statusShown('a copy is under way (Esc calls it off)', true),
		);
		return;
	}

	services.dispatch(filesPromptOpened(purpose, services.files.localFolder));
}

/** The handlers of a container's insides: its files, processes, changes and isolation. */
export const internalsHandlers = {
	...dispatching({
		'processes.close': () => dialogClosed,
		'processes.signalNext': () => signalCycled(1),
		'processes.signalPrevious': () => signalCycled(-1),
		'processes.signalCancel': () => signalChooserClosed,
	}),
	'files.open'(context) {
		const container = selectedContainer(context);
		if (container !== undefined) {
			context.services.files.open(container.id, container.name);
		}
	},
	'files.enter'({services}) {
		const dialog = currentDialog(services.store.getState(), 'files');
		const entry = dialog && entryUnderCursor(dialog);
		if (dialog === undefined || entry === undefined) {
			return;
		}

		const path = childPath(dialog.path, entry.name);
		if (entry.type === 'directory') {
			services.files.enter(path);
		} else if (entry.type === 'file') {
			void services.files.openFile(path);
		} else if (entry.type === 'symlink') {
			services.dispatch(
				statusShown(`${entry.label} is a link to ${entry.linkTarget}`),
			);
		} else {
			services.dispatch(statusShown(`${entry.label} is not a file`, true));
		}
	},
	'files.up'({services}) {
		const dialog = currentDialog(services.store.getState(), 'files');
		const parent = dialog && parentOf(dialog.path);
		if (parent !== undefined) {
			services.files.enter(parent.path, parent.name);
		}
	},
	'files.filter'({services}) {
		const dialog = currentDialog(services.store.getState(), 'files');
		if (dialog !== undefined) {
			services.dispatch(filesPromptOpened('filter', dialog.filter));
		}
	},
	'files.copyOut'({services}) {
		const dialog = currentDialog(services.store.getState(), 'files');
		if (dialog !== undefined && entryUnderCursor(dialog) !== undefined) {
			openCopyPrompt(services, 'copy-out');
		}
	},
	'files.copyIn'({services}) {
		if (currentDialog(services.store.getState(), 'files') !== undefined) {
			openCopyPrompt(services, 'copy-in');
		}
	},
	'files.close'({services}) {
		if (!services.files.cancel()) {
			services.dispatch(dialogClosed);
		}
	},
	'files.promptRun'({services}) {
		const dialog = currentDialog(services.store.getState(), 'files');
		const prompt = dialog?.prompt;
		const entry = dialog && entryUnderCursor(dialog);
		services.dispatch(filesPromptClosed);
		if (
			prompt === undefined ||
			prompt.purpose === 'filter' ||
			dialog === undefined
		) {
			return;
		}

		const typed = prompt.draft.text.trim();
		if (typed === '') {
			services.dispatch(statusShown('no path typed: nothing copied', true));
			return;
		}

		if (prompt.purpose === 'copy-in') {
			void services.files.copyIn(typed);
		} else if (entry !== undefined) {
			void services.files.copyOut(
				childPath(dialog.path, entry.name),
				entry.size,
				typed,
			);
		}
	},
	'changes.open'(context) {
		const dialog = currentDialog(context.services.store.getState(), 'files');
		const container =
			dialog === undefined
				? selectedContainer(context)
				: {id: dialog.containerId, name: dialog.containerName};
		showReport(context, 'changes', container);
	},
	'isolation.open'(context) {
		const {dialog} = context.services.store.getState().ui;
		// From a container's details too: the details link here.
		const container =
			dialog?.kind === 'details' && dialog.target.kind === 'container'
				? {id: dialog.target.id, name: dialog.target.name}
				: selectedContainer(context);
		showReport(context, 'isolation', container);
	},
	'processes.open'(context) {
		const container = selectedContainer(context);
		if (container === undefined) {
			return;
		}

		if (!container.isRunning) {
			context.services.dispatch(
				statusShown(
					`${container.name} is not running: it has no processes`,
					true,
				),
			);
			return;
		}

		context.services.processes.open(container.id, container.name);
	},
	'processes.kill'({services}) {
		const dialog = currentDialog(services.store.getState(), 'processes');
		if (dialog !== undefined && processUnderCursor(dialog) !== undefined) {
			services.dispatch(signalChooserOpened);
		}
	},
	'processes.signalSend'({services}) {
		void services.processes.sendSignal();
	},
	'files.promptCancel'({services}) {
		const dialog = currentDialog(services.store.getState(), 'files');
		services.dispatch(filesPromptClosed);
		// Esc on the filter drops what was typed.
		if (dialog?.prompt?.purpose === 'filter') {
			services.dispatch(filesFilterCleared);
		}
	},
} satisfies Partial<Record<Command, Handler>>;
