import type {Command} from '../keymap/commands.js';
import type {HandlerContext} from './handler-context.js';
import {statusShown} from '../state/status.js';
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
	pruneLabelEditing,
	pruneOpened,
	pruneToggled,
	pruneKey,
	pruneVolumesToggled,
} from '../state/prune-dialog.js';
import {
	isContainerPane,
	type AppState,
	type ConfirmDialog,
	type Target,
} from '../state/app-state.js';
import {splitCommand} from '../format/shell-words.js';
import {detailsHandlers} from './details-handlers.js';
import {eventsHandlers} from './events-handlers.js';
import {imageHandlers} from './image-handlers.js';
import {composeSwarmHandlers} from './compose-swarm-handlers.js';
import {resourceHandlers} from './resource-handlers.js';
import {internalsHandlers} from './internals-handlers.js';
import {confirmedTargets, refusalSummary} from '../state/removal-refusal.js';
import {
	planLifecycle,
	type LifecycleKey,
} from '../state/container-lifecycle.js';
import {networkTargets, volumeTargets} from '../state/volumes-networks.js';
import {dialogListMoved} from '../state/dialog-list.js';
import {listViewAtBottom, listViewAtTop} from '../state/list-view.js';
import {
	logsFilterToggled,
	logsFollowToggled,
	logsMatchJumped,
	logsScrolled,
	logsSearchCancelled,
	logsSearched,
	logsSearchOpened,
	logsTimestampsToggled,
	logsWrapToggled,
} from '../state/logs-dialog.js';
import {
	closeDialog,
	cyclePane,
	filterCleared,
	filterSelectionKept,
	filterKept,
	textCleared,
	textDeletedBack,
	focusPane,
	moveSelection,
	openDialog,
	openFilter,
	sortBy,
	toggleShowAll,
	selectionLeaves,
	type Update,
} from '../state/updates.js';

type Handler = (context: HandlerContext) => void;

/** The confirm dialog, if one is open. */
function openConfirm(state: AppState): ConfirmDialog | undefined {
	return state.ui.dialog?.kind === 'confirm' ? state.ui.dialog : undefined;
}

/** The containers the focused pane acts on (marked rows, else the selected one). */
function containerSelection({services}: HandlerContext): readonly Target[] {
	const state = services.store.getState();
	return isContainerPane(state.ui.focus)
		? containerTargets(state, actionIds(state))
		: [];
}

/** The one selected container, or a status line saying why there is none. */
function selectedContainer({services}: HandlerContext): Target | undefined {
	const state = services.store.getState();
	const id = isContainerPane(state.ui.focus)
		? state.ui.selection[state.ui.focus]
		: undefined;
	const [target] = id === undefined ? [] : containerTargets(state, [id]);
	if (target === undefined) {
		services.dispatch(statusShown('select a container first', true));
	}

	return target;
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

/** One handler per command; `satisfies` makes a command without a handler a compile error. */
export const handlers = {
	...detailsHandlers,
	...eventsHandlers,
	...imageHandlers,
	...resourceHandlers,
	...composeSwarmHandlers,
	...internalsHandlers,
	'app.quit'({services, chord}) {
		// Ctrl-C ends dockmate as it ends any command a shell runs: status 130 (128 + SIGINT).
		services.quit(chord === 'ctrl+c' ? 130 : 0);
	},
	'app.help'({services}) {
		services.dispatch(openDialog({kind: 'help', list: listViewAtTop}));
	},
	'help.close'({services}) {
		services.dispatch(closeDialog);
	},
	'focus.next'({services}) {
		services.dispatch(cyclePane(1));
	},
	'focus.previous'({services}) {
		services.dispatch(cyclePane(-1));
	},
	'focus.containers'({services}) {
		services.dispatch(focusPane('containers'));
	},
	'focus.images'({services}) {
		services.dispatch(focusPane('images'));
	},
	'focus.resources'({services}) {
		services.dispatch(focusPane('resources'));
	},
	'sort.cpu'({services}) {
		services.dispatch(sortBy('cpu'));
	},
	'sort.memory'({services}) {
		services.dispatch(sortBy('memory'));
	},
	'sort.name'({services}) {
		services.dispatch(sortBy('name'));
	},
	'list.down'({services}) {
		services.dispatch(moveSelection(1));
	},
	'list.up'({services}) {
		services.dispatch(moveSelection(-1));
	},
	'list.pageDown'({services, pageSize}) {
		services.dispatch(moveSelection(pageSize));
	},
	'list.pageUp'({services, pageSize}) {
		services.dispatch(moveSelection(-pageSize));
	},
	'list.top'({services}) {
		services.dispatch(moveSelection('top'));
	},
	'list.bottom'({services}) {
		services.dispatch(moveSelection('bottom'));
	},
	'list.filter'({services}) {
		services.dispatch(openFilter);
	},
	'containers.toggleAll'({services}) {
		services.dispatch(toggleShowAll);
	},
	'filter.keep'({services}) {
		services.dispatch(filterKept);
	},
	'filter.deleteBack'({services}) {
		services.dispatch(textDeletedBack);
	},
	'filter.clearText'({services}) {
		services.dispatch(textCleared);
	},
	'filter.editKept'({services}) {
		services.dispatch(filterSelectionKept);
	},
	'filter.clear'({services}) {
		services.dispatch(filterCleared);
	},
	'container.exec'(context) {
		const target = selectedContainer(context);
		if (target === undefined) {
			return;
		}

		if (target.isRunning) {
			context.services.exec(target.id, undefined);
		} else {
			context.services.dispatch(
				statusShown(`${target.name} is not running (s starts it)`, true),
			);
		}
	},
	'container.execCommand'(context) {
		const target = selectedContainer(context);
		if (target === undefined) {
			return;
		}

		if (target.isRunning) {
			context.services.dispatch(execPromptOpened(target.id, '/bin/sh'));
		} else {
			context.services.dispatch(
				statusShown(`${target.name} is not running (s starts it)`, true),
			);
		}
	},
	'exec.run'({services}) {
		const {dialog} = services.store.getState().ui;
		if (dialog?.kind !== 'exec') {
			return;
		}

		const command = splitCommand(dialog.draft);
		services.dispatch(closeDialog);
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
	'confirm.yes'({services}) {
		const dialog = openConfirm(services.store.getState());
		if (dialog === undefined) {
			return;
		}

		const {going, left} = confirmedTargets(dialog);
		if (going.length === 0) {
			services.dispatch(
				statusShown(`refused: ${refusalSummary(dialog)}`, true),
			);
			return;
		}

		services.dispatch(closeDialog);
		services.dispatch(marksCleared);
		if (dialog.action !== 'kill') {
			services.dispatch(selectionLeaves(dialog.targets.map(({id}) => id)));
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
	},
	'confirm.force'({services}) {
		services.dispatch(confirmToggled('force'));
	},
	'confirm.volumes'({services}) {
		services.dispatch(confirmToggled('volumes'));
	},
	'dialog.cancel'({services}) {
		services.dispatch(closeDialog);
	},
	'mark.toggle'({services}) {
		services.dispatch(markToggled);
	},
	'mark.all'({services}) {
		services.dispatch(allMarked);
	},
	'mark.clear'({services}) {
		services.dispatch(marksOrFilterCleared);
	},
	'app.prune'({services}) {
		services.dispatch(pruneOpened);
	},
	'prune.toggle'({services}) {
		services.dispatch(pruneToggled);
	},
	'prune.age'({services}) {
		services.dispatch(pruneAgeCycled);
	},
	'prune.volumesAll'({services}) {
		services.dispatch(pruneVolumesToggled);
	},
	'prune.everything'({services}) {
		services.dispatch(pruneEverythingToggled);
	},
	'prune.label'({services}) {
		services.dispatch(pruneLabelEditing(true));
	},
	'prune.labelDone'({services}) {
		services.dispatch(pruneLabelEditing(false));
	},
	'prune.next'({services}) {
		const {dialog} = services.store.getState().ui;
		if (dialog?.kind !== 'prune') {
			return;
		}

		switch (dialog.stage) {
			case 'choose': {
				void services.actions.previewPrune();
				break;
			}

			case 'done': {
				services.dispatch(closeDialog);
				break;
			}

			case 'loading':
			case 'preview':
			case 'running': {
				break;
			}
		}
	},
	'prune.remove'({services}) {
		const {dialog} = services.store.getState().ui;
		if (dialog?.kind !== 'prune' || dialog.stage !== 'preview') {
			return;
		}

		if (dialog.items.every(item => dialog.skipped.has(pruneKey(item)))) {
			services.dispatch(closeDialog);
			services.dispatch(statusShown('nothing pruned: no item was marked'));
		} else {
			void services.actions.runPrune();
		}
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
	'app.log'({services}) {
		// The newest entries are at the bottom: the log opens there.
		services.dispatch(openDialog({kind: 'log', list: listViewAtBottom}));
	},
	'dialog.down'({services}) {
		services.dispatch(dialogListMoved(1));
	},
	'dialog.up'({services}) {
		services.dispatch(dialogListMoved(-1));
	},
	'dialog.pageDown'({services}) {
		services.dispatch(dialogListMoved('pageDown'));
	},
	'dialog.pageUp'({services}) {
		services.dispatch(dialogListMoved('pageUp'));
	},
	'dialog.top'({services}) {
		services.dispatch(dialogListMoved('top'));
	},
	'dialog.bottom'({services}) {
		services.dispatch(dialogListMoved('bottom'));
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
	'logs.follow'({services, pageSize}) {
		services.dispatch(logsFollowToggled(pageSize));
	},
	'logs.search'({services}) {
		services.dispatch(logsSearchOpened);
	},
	'logs.nextMatch'({services, pageSize}) {
		services.dispatch(logsMatchJumped(-1, pageSize));
	},
	'logs.previousMatch'({services, pageSize}) {
		services.dispatch(logsMatchJumped(1, pageSize));
	},
	'logs.filter'({services}) {
		services.dispatch(logsFilterToggled);
	},
	'logs.timestamps'({services}) {
		services.dispatch(logsTimestampsToggled);
	},
	'logs.wrap'({services}) {
		services.dispatch(logsWrapToggled);
	},
	'logs.save'({services}) {
		void services.logs.save();
	},
	'logs.close'({services}) {
		services.dispatch(closeDialog);
	},
	'logs.down'({services, pageSize}) {
		services.dispatch(logsScrolled(1, pageSize));
	},
	'logs.up'({services, pageSize}) {
		services.dispatch(logsScrolled(-1, pageSize));
	},
	'logs.pageDown'({services, pageSize}) {
		services.dispatch(logsScrolled(pageSize, pageSize));
	},
	'logs.pageUp'({services, pageSize}) {
		services.dispatch(logsScrolled(-pageSize, pageSize));
	},
	'logs.top'({services, pageSize}) {
		services.dispatch(logsScrolled('top', pageSize));
	},
	'logs.bottom'({services, pageSize}) {
		services.dispatch(logsScrolled('bottom', pageSize));
	},
	'logs.searchRun'({services, pageSize}) {
		services.dispatch(logsSearched(pageSize));
	},
	'logs.searchCancel'({services}) {
		services.dispatch(logsSearchCancelled);
	},
} satisfies Record<Command, Handler>;
