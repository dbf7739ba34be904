import type {Command} from '../keymap/commands.js';
import {
	dispatching,
	selectedContainer,
	type Handler,
	type HandlerContext,
	type Transition,
} from './handler-context.js';
import {scrollHandlers} from './scroll-handlers.js';
import {currentDialog} from '../state/dialog-slot.js';
import {statusShown} from '../state/status.js';
import {engineViewCycled} from '../state/fleet.js';
import {
	actionIds,
	allMarked,
	markToggled,
	marksCleared,
	marksOrFilterCleared,
} from '../state/marks.js';
import {
	confirmOpened,
	confirmToggled,
	containerTargets,
	imageTargets,
} from '../state/confirm-dialog.js';
import {execPromptOpened} from '../state/exec-prompt.js';
import {
	pruneAgeCycled,
	pruneEverythingToggled,
	pruneLabelEditingSet,
	pruneOpened,
	pruneToggled,
	pruneKey,
	pruneVolumesToggled,
} from '../state/prune-dialog.js';
import {
	isContainerPane,
	type AppState,
	type Update,
} from '../state/app-state.js';
import {splitCommand} from '../format/shell-words.js';
import {detailsHandlers} from './details-handlers.js';
import {viewerHandlers} from './viewer/viewer-handlers.js';
import {eventsHandlers} from './events-handlers.js';
import {imageHandlers} from './image-handlers.js';
import {engineChoiceHandlers} from './engine-choice-handlers.js';
import {composeSwarmHandlers} from './compose-swarm-handlers.js';
import {resourceHandlers} from './resource-handlers.js';
import {internalsHandlers} from './internals-handlers.js';
import {paletteHandlers} from './palette-handlers.js';
import {clipboardHandlers} from './clipboard-handlers.js';
import {confirmedTargets, refusalSummary} from '../state/removal-refusal.js';
import {
	planLifecycle,
	type LifecycleKey,
} from '../state/container-lifecycle.js';
import {networkTargets, volumeTargets} from '../state/volumes-networks.js';
import {listViewAtBottom, listViewAtTop} from '../state/list-view.js';
import {logsTimestampsToggled} from '../state/logs-dialog.js';
import {
	engineSortChosen,
	lineChanged,
	sortChosen,
	showAllToggled,
} from '../state/updates.js';
import type {Target} from '../state/confirmation.js';
import {
	focusedBack,
	paneCycled,
	paneFocused,
	selectionMovedOff,
} from '../state/selection.js';
import {dialogClosed, dialogOpened} from '../state/dialog-slot.js';
import {
	filterCleared,
	filterKept,
	filterOpened,
} from '../state/filter-prompt.js';

/** The containers the focused pane acts on (marked rows, else the selected one). */
function containerSelection({services}: HandlerContext): readonly Target[] {
	const state = services.store.getState();
	return isContainerPane(state.ui.focus)
		? containerTargets(state, actionIds(state))
		: [];
}

/** The confirm dialog `d` opens on the focused pane, naming `ids`; or why nothing can go. */
function removalConfirm(state: AppState, ids: readonly string[]): Update {
	switch (state.ui.focus) {
		case 'images': {
			return confirmOpened({
				action: 'remove-images',
				targets: imageTargets(state, ids),
			});
		}

		case 'volumes': {
			return confirmOpened({
				action: 'remove-volumes',
				targets: volumeTargets(state, ids),
			});
		}

		case 'networks': {
			return confirmOpened({
				action: 'remove-networks',
				targets: networkTargets(state, ids),
			});
		}

		case 'containers':
		case 'resources': {
			return confirmOpened({
				action: 'remove-containers',
				targets: containerTargets(state, ids),
			});
		}

		case 'projects':
		case 'events':
		case 'system':
		case 'services':
		case 'nodes': {
			return statusShown('nothing here can be removed', true);
		}
	}
}

const lifecycleVerbs: Readonly<Record<LifecycleKey, string>> = {
	'start-stop': 'start or stop',
	restart: 'restart',
	pause: 'pause or unpause',
	kill: 'kill',
};

/** Why a lifecycle key does nothing to `targets`, in their real states. */
function nothingToDo(key: LifecycleKey, targets: readonly Target[]): string {
	const [only] = targets;
	if (targets.length > 1 || only === undefined) {
		return `nothing to ${lifecycleVerbs[key]} among the ${targets.length} marked: none is running`;
	}

	return only.isRunning || only.state === 'being removed'
		? `${only.name} is ${only.state ?? 'busy'}: nothing to ${lifecycleVerbs[key]}`
		: `${only.name} is not running (s starts it)`;
}

/** Runs a lifecycle key on the marked (or selected) containers, as its rules plan. */
function runLifecycle(
	context: HandlerContext,
	key: Exclude<LifecycleKey, 'kill'>,
): void {
	const state = context.services.store.getState();
	const targets = containerSelection(context);
	if (targets.length === 0) {
		context.services.dispatch(statusShown('select a container first', true));
		return;
	}

	const plan = planLifecycle(
		state,
		key,
		targets.map(target => target.id),
	);
	if (plan === undefined) {
		context.services.dispatch(statusShown(nothingToDo(key, targets), true));
		return;
	}

	void context.services.actions.lifecycle(plan);
	context.services.dispatch(marksCleared);
}

/** The commands that only change the state, and the transition each applies. */
const transitions = {
	'app.help': () => dialogOpened({kind: 'help', list: listViewAtTop}),
	'help.close': () => dialogClosed,
	// The newest entries are at the bottom: the log opens there.
	'audit.open': () => dialogOpened({kind: 'audit', list: listViewAtBottom}),
	'dialog.cancel': () => dialogClosed,
	'focus.next': () => paneCycled(1),
	'focus.previous': () => paneCycled(-1),
	'focus.back': () => focusedBack,
	'focus.containers': () => paneFocused('containers'),
	'focus.images': () => paneFocused('images'),
	'focus.resources': () => paneFocused('resources'),
	'sort.cpu': () => sortChosen('cpu'),
	'sort.memory': () => sortChosen('memory'),
	'sort.name': () => sortChosen('name'),
	'sort.size': () => sortChosen('size'),
	'sort.age': () => sortChosen('age'),
	'sort.engine': () => engineSortChosen,
	'list.filter': () => filterOpened,
	'containers.toggleAll': () => showAllToggled,
	'filter.keep': () => filterKept,
	'line.left': () => lineChanged({move: 'left'}),
	'line.right': () => lineChanged({move: 'right'}),
	'line.home': () => lineChanged({move: 'home'}),
	'line.end': () => lineChanged({move: 'end'}),
	'line.wordLeft': () => lineChanged({move: 'wordLeft'}),
	'line.wordRight': () => lineChanged({move: 'wordRight'}),
	'line.deleteBack': () => lineChanged({delete: 'back'}),
	'line.deleteForward': () => lineChanged({delete: 'forward'}),
	'line.deleteWordBack': () => lineChanged({delete: 'wordBack'}),
	'line.deleteToStart': () => lineChanged({delete: 'toStart'}),
	'line.deleteToEnd': () => lineChanged({delete: 'toEnd'}),
	'filter.clear': () => filterCleared,
	'confirm.force': () => confirmToggled('force'),
	'confirm.volumes': () => confirmToggled('volumes'),
	'mark.toggle': () => markToggled,
	'mark.all': () => allMarked,
	'mark.clear': () => marksOrFilterCleared,
	'app.prune': () => pruneOpened,
	'prune.toggle': () => pruneToggled,
	'prune.age': () => pruneAgeCycled,
	'prune.volumesAll': () => pruneVolumesToggled,
	'prune.everything': () => pruneEverythingToggled,
	'prune.label': () => pruneLabelEditingSet(true),
	'prune.labelDone': () => pruneLabelEditingSet(false),
	'logs.timestamps': () => logsTimestampsToggled,
	'logs.close': () => dialogClosed,
	'viewer.close': () => dialogClosed,
} satisfies Partial<Record<Command, Transition>>;

/** Shows the selected container's shell (`e`) or a prompt for a command to run in it (`E`). */
function execIn(context: HandlerContext, run: (target: Target) => void): void {
	const target = selectedContainer(context);
	if (target === undefined) {
		return;
	}

	if (target.isRunning) {
		run(target);
	} else {
		context.services.dispatch(
			statusShown(`${target.name} is not running (s starts it)`, true),
		);
	}
}

/** `y` in the confirm dialog: what it lists goes, except what the rules refuse. */
function confirmYes({services}: HandlerContext): void {
	const dialog = currentDialog(services.store.getState(), 'confirm');
	if (dialog === undefined) {
		return;
	}

	const {going, left} = confirmedTargets(dialog);
	if (going.length === 0) {
		services.dispatch(statusShown(`refused: ${refusalSummary(dialog)}`, true));
		return;
	}

	services.dispatch(dialogClosed);
	services.dispatch(marksCleared);
	if (dialog.action !== 'kill') {
		services.dispatch(selectionMovedOff(dialog.targets.map(({id}) => id)));
	}

	switch (dialog.action) {
		case 'kill': {
			void services.actions.lifecycle({action: 'kill', targets: going, left});
			break;
		}

		case 'remove-containers': {
			void services.actions.removeContainers(
				going,
				{force: dialog.force, volumes: dialog.volumes},
				left,
			);
			break;
		}

		case 'remove-images': {
			void services.actions.removeImages(going, {force: dialog.force}, left);
			break;
		}

		case 'remove-volumes': {
			void services.actions.removeVolumes(going, left);
			break;
		}

		case 'remove-networks': {
			void services.actions.removeNetworks(going, left);
			break;
		}
	}
}

/** Enter in the prune dialog: the preview of what was chosen, or closing the report. */
function pruneNext({services}: HandlerContext): void {
	const dialog = currentDialog(services.store.getState(), 'prune');
	switch (dialog?.stage) {
		case 'choose': {
			void services.prune.preview();
			break;
		}

		case 'done': {
			services.dispatch(dialogClosed);
			break;
		}

		case undefined:
		case 'loading':
		case 'preview':
		case 'running': {
			break;
		}
	}
}

/** `y` on the prune preview: the items still marked go. */
function pruneRemove({services}: HandlerContext): void {
	const dialog = currentDialog(services.store.getState(), 'prune');
	if (dialog?.stage !== 'preview') {
		return;
	}

	if (dialog.items.every(item => dialog.skipped.has(pruneKey(item)))) {
		services.dispatch(dialogClosed);
		services.dispatch(statusShown('nothing pruned: no item was marked'));
	} else {
		void services.prune.run();
	}
}

/** One handler per command; `satisfies` makes a command without a handler a compile error. */
export const handlers: Readonly<Record<Command, Handler>> = {
	...dispatching(transitions),
	...paletteHandlers(() => handlers),
	...scrollHandlers,
	...detailsHandlers,
	...viewerHandlers,
	...eventsHandlers,
	...imageHandlers,
	...engineChoiceHandlers,
	...resourceHandlers,
	...composeSwarmHandlers,
	...internalsHandlers,
	...clipboardHandlers,
	'app.quit'({services, chord}) {
		// Ctrl-C ends dockmate as it ends any command a shell runs: status 130 (128 + SIGINT).
		services.quit(chord === 'ctrl+c' ? 130 : 0);
	},
	'container.exec'(context) {
		execIn(context, target => {
			context.services.exec(target.id, undefined);
		});
	},
	'container.execCommand'(context) {
		execIn(context, target => {
			context.services.dispatch(execPromptOpened(target.id, '/bin/sh'));
		});
	},
	'exec.run'({services}) {
		const dialog = currentDialog(services.store.getState(), 'exec');
		if (dialog === undefined) {
			return;
		}

		const command = splitCommand(dialog.draft.text);
		services.dispatch(dialogClosed);
		if (command.length === 0) {
			services.dispatch(statusShown('no command given', true));
			return;
		}

		services.exec(dialog.containerId, command);
	},
	'container.startStop'(context) {
		runLifecycle(context, 'start-stop');
	},
	'container.restart'(context) {
		runLifecycle(context, 'restart');
	},
	'container.pause'(context) {
		runLifecycle(context, 'pause');
	},
	'container.kill'(context) {
		const targets = containerSelection(context);
		if (!targets.some(target => target.isRunning)) {
			context.services.dispatch(statusShown('nothing running to kill', true));
			return;
		}

		// The dialog lists the marked containers that are not running as left as they are.
		context.services.dispatch(confirmOpened({action: 'kill', targets}));
	},
	'item.remove'({services}) {
		const state = services.store.getState();
		const ids = actionIds(state);
		if (ids.length === 0) {
			services.dispatch(statusShown('nothing selected to remove', true));
			return;
		}

		services.dispatch(removalConfirm(state, ids));
	},
	'confirm.yes': confirmYes,
	'prune.next': pruneNext,
	'prune.remove': pruneRemove,
	'fleet.engine'({services}) {
		services.dispatch(engineViewCycled);
	},
	'hosts.open'({services}) {
		services.hosts.open();
	},
	'hosts.choose'({services}) {
		services.hosts.choose();
	},
	'hosts.close'({services}) {
		services.hosts.cancel();
	},
	'logs.open'(context) {
		const targets = containerSelection(context);
		const [first] = targets;
		if (first === undefined) {
			context.services.dispatch(statusShown('select a container first', true));
			return;
		}

		context.services.logs.open({
			ids: targets.map(target => target.id),
			title: targets.length === 1 ? first.name : `${targets.length} containers`,
		});
	},
} satisfies Record<Command, Handler>;
