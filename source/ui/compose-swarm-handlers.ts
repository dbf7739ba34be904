import type {Command} from '../keymap/commands.js';
import {statusShown} from '../state/status.js';
import {confirmOpened, containerTargets} from '../state/confirm-dialog.js';
import type {AppState, Pane} from '../state/app-state.js';
import {projectsOf} from '../state/compose-projects.js';
import {planLifecycle} from '../state/container-lifecycle.js';
import {
	composeDownOpened,
	composeVolumesToggled,
} from '../state/compose-state.js';
import {availablePanes, selectedId} from '../state/selectors.js';
import {currentDialog} from '../state/dialog-slot.js';
import {nextAvailability} from '../state/swarm-state.js';
import {scaleOpened, swarmConfirmOpened} from '../state/swarm-updates.js';
import {plural} from '../format/units.js';
import {imageName} from './format/swarm-rows.js';
import {
	dispatching,
	type Handler,
	type HandlerContext,
} from './handler-context.js';
import type {ComposeProject} from '../state/slices.js';
import {paneFocused, selectionMovedOff} from '../state/selection.js';
import {dialogClosed} from '../state/dialog-slot.js';

const paneNames: Partial<Record<Pane, string>> = {
	services: 'Services',
	nodes: 'Nodes',
};

/** Focuses a pane, or says why this engine has none. */
function focusOrExplain({services}: HandlerContext, pane: Pane): void {
	if (availablePanes(services.store.getState()).includes(pane)) {
		services.dispatch(paneFocused(pane));
	} else {
		services.dispatch(
			statusShown(
				`the ${paneNames[pane] ?? pane} pane needs a Swarm manager; this engine is not one`,
				true,
			),
		);
	}
}

/** The project selected in the Projects pane, or a status line saying there is none. */
function selectedProject({
	services,
}: HandlerContext): ComposeProject | undefined {
	const state = services.store.getState();
	const id = selectedId(state, 'projects');
	const project = id === undefined ? undefined : projectsOf(state).get(id);
	if (project === undefined) {
		services.dispatch(statusShown('select a project first', true));
	}

	return project;
}

/** The selected project if it has containers to act on; one taken down can only come back up. */
function projectWithContainers(
	context: HandlerContext,
): ComposeProject | undefined {
	const project = selectedProject(context);
	if (project?.total === 0) {
		context.services.dispatch(
			statusShown(`${project.name} is down: U brings it back up`, true),
		);
		return undefined;
	}

	return project;
}

function selected<T>(
	{services}: HandlerContext,
	pane: 'services' | 'nodes',
	pick: (state: AppState, id: string) => T | undefined,
): T | undefined {
	const state = services.store.getState();
	const id = selectedId(state, pane);
	const item = id === undefined ? undefined : pick(state, id);
	if (item === undefined) {
		services.dispatch(
			statusShown(
				`select a ${pane === 'services' ? 'service' : 'node'} first`,
				true,
			),
		);
	}

	return item;
}

const selectedService = (context: HandlerContext) =>
	selected(context, 'services', (state, id) =>
		state.swarm.services.byId.get(id),
	);

const selectedNode = (context: HandlerContext) =>
	selected(context, 'nodes', (state, id) => state.swarm.nodes.byId.get(id));

/** Runs a lifecycle key on the selected project's containers, as its rules plan. */
function projectLifecycle(
	context: HandlerContext,
	key: 'start-stop' | 'restart',
): void {
	const project = projectWithContainers(context);
	const plan =
		project === undefined
			? undefined
			: planLifecycle(
					context.services.store.getState(),
					key,
					project.containerIds,
				);
	if (plan !== undefined) {
		void context.services.actions.lifecycle(plan);
	}
}

/** Handlers of the Projects, Services and Nodes panes and of their dialogs. */
export const composeSwarmHandlers = {
	...dispatching({
		'focus.projects': () => paneFocused('projects'),
		'compose.toggleVolumes': () => composeVolumesToggled,
		// The run stops when its output is no longer shown.
		'output.close': () => dialogClosed,
	}),
	'focus.services'(context) {
		focusOrExplain(context, 'services');
	},
	'focus.nodes'(context) {
		focusOrExplain(context, 'nodes');
	},
	'project.restart'(context) {
		projectLifecycle(context, 'restart');
	},
	'project.startStop'(context) {
		// Like `s` on marked containers: a project with anything running stops, and only that.
		projectLifecycle(context, 'start-stop');
	},
	'project.remove'(context) {
		const project = projectWithContainers(context);
		if (project !== undefined) {
			context.services.dispatch(
				confirmOpened({
					action: 'remove-containers',
					targets: containerTargets(
						context.services.store.getState(),
						project.containerIds,
					),
				}),
			);
		}
	},
	'project.logs'(context) {
		const project = projectWithContainers(context);
		if (project !== undefined) {
			context.services.logs.open({
				ids: project.containerIds,
				title: `project ${project.name}`,
			});
		}
	},
	'compose.up'(context) {
		const project = selectedProject(context);
		if (project !== undefined) {
			void context.services.compose.run(project.id, 'up', {volumes: false});
		}
	},
	'compose.down'(context) {
		const project = selectedProject(context);
		if (project !== undefined) {
			context.services.dispatch(composeDownOpened(project.id));
		}
	},
	'compose.confirmDown'({services}) {
		const dialog = currentDialog(services.store.getState(), 'compose-down');
		if (dialog !== undefined) {
			services.dispatch(dialogClosed);
			void services.compose.run(dialog.projectId, 'down', {
				volumes: dialog.volumes,
			});
		}
	},
	'service.scale'(context) {
		const service = selectedService(context);
		if (service === undefined) {
			return;
		}

		context.services.dispatch(
			service.mode === 'replicated'
				? scaleOpened(service)
				: statusShown(
						`${service.name} is a ${service.mode} service: it has no replica count to scale`,
						true,
					),
		);
	},
	'scale.run'({services}) {
		const dialog = currentDialog(services.store.getState(), 'scale');
		if (dialog === undefined) {
			return;
		}

		if (dialog.draft.text === '') {
			services.dispatch(statusShown('type the number of replicas', true));
			return;
		}

		services.dispatch(dialogClosed);
		void services.swarm.scale(
			{id: dialog.serviceId, name: dialog.name},
			Number(dialog.draft.text),
		);
	},
	'service.logs'(context) {
		const service = selectedService(context);
		if (service !== undefined) {
			context.services.logs.open({
				ids: [service.id],
				title: `service ${service.name}`,
				of: 'service',
			});
		}
	},
	'service.remove'(context) {
		const service = selectedService(context);
		if (service !== undefined) {
			context.services.dispatch(
				swarmConfirmOpened({
					action: {kind: 'remove-service'},
					id: service.id,
					name: service.name,
					// Only what goes is listed; the image is named to say that it stays.
					details: [
						`its ${plural(service.running, 'running task')} stop and its containers are removed`,
						`its image ${imageName(service.image)} stays (not removed)`,
					],
				}),
			);
		}
	},
	'node.availability'(context) {
		const node = selectedNode(context);
		if (node === undefined) {
			return;
		}

		const to = nextAvailability(node);
		const nodes = context.services.store.getState().swarm.nodes.byId;
		const others = [...nodes.values()].filter(
			other => other.id !== node.id && other.availability === 'active',
		);
		context.services.dispatch(
			swarmConfirmOpened({
				action: {kind: 'node-availability', to},
				id: node.id,
				name: node.hostname,
				details:
					to === 'drain'
						? [
								'its tasks stop and no new ones start on it until it is activated',
								others.length === 0
									? 'no other node is active: replicated services will have nowhere to run'
									: `the orchestrator moves them to ${plural(others.length, 'other active node')}`,
							]
						: [`it takes new tasks again (it is ${node.availability} now)`],
			}),
		);
	},
	'swarm.confirm'({services}) {
		const dialog = currentDialog(services.store.getState(), 'swarm-confirm');
		if (dialog === undefined) {
			return;
		}

		services.dispatch(dialogClosed);
		const target = {id: dialog.id, name: dialog.name};
		if (dialog.action.kind === 'remove-service') {
			services.dispatch(selectionMovedOff([dialog.id]));
			void services.swarm.removeService(target);
		} else {
			void services.swarm.setAvailability(target, dialog.action.to);
		}
	},
} satisfies Partial<Record<Command, Handler>>;
