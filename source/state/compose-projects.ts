import type {ContainerSummary} from '../docker/docker-client.js';
import type {AppState} from './app-state.js';
import {memoizeLast} from './memo.js';
import {matchesFilter} from './text-filter.js';
import type {ComposeProject} from './slices.js';

/** The labels compose (v1 and v2) puts on every container it creates. */
export const composeLabels = {
	project: 'com.docker.compose.project',
	service: 'com.docker.compose.service',
	configFiles: 'com.docker.compose.project.config_files',
	workingDir: 'com.docker.compose.project.working_dir',
} as const;

const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

/** `a.yml,b.yml` → `['a.yml', 'b.yml']`: compose joins the files with commas. */
function splitFiles(label: string | undefined): string[] {
	return (label ?? '')
		.split(',')
		.map(file => file.trim())
		.filter(Boolean);
}

type Draft = {
	name: string;
	engine: string | undefined;
	services: Set<string>;
	running: number;
	configFiles: string[];
	workingDir: string;
	containers: ContainerSummary[];
};

/**
 * Groups the containers that carry a compose project label by project. Containers of one
 * project may record different files (a service added from an override file): the project gets
 * every file any of them names, in the order first seen.
 */
export function groupProjects(
	containers: Iterable<ContainerSummary>,
): ReadonlyMap<string, ComposeProject> {
	const drafts = new Map<string, Draft>();
	for (const container of containers) {
		const name = container.labels[composeLabels.project];
		if (name === undefined || name === '') {
			continue;
		}

		// Same-named projects of two engines of a fleet are two projects.
		const key =
			container.engine === undefined ? name : `${container.engine}/${name}`;
		let draft = drafts.get(key);
		if (draft === undefined) {
			draft = {
				name,
				engine: container.engine,
				services: new Set(),
				running: 0,
				configFiles: [],
				workingDir: '',
				containers: [],
			};
			drafts.set(key, draft);
		}

		const service = container.labels[composeLabels.service];
		if (service !== undefined && service !== '') {
			draft.services.add(service);
		}

		if (container.state === 'running') {
			draft.running++;
		}

		for (const file of splitFiles(
			container.labels[composeLabels.configFiles],
		)) {
			if (!draft.configFiles.includes(file)) {
				draft.configFiles.push(file);
			}
		}

		draft.workingDir ||= container.labels[composeLabels.workingDir] ?? '';
		draft.containers.push(container);
	}

	return new Map(
		[...drafts].map(([id, draft]) => [
			id,
			{
				id,
				name: draft.name,
				...(draft.engine === undefined ? {} : {engine: draft.engine}),
				services: [...draft.services].sort(collator.compare),
				running: draft.running,
				total: draft.containers.length,
				configFiles: draft.configFiles,
				workingDir: draft.workingDir,
				containerIds: draft.containers
					.sort((a, b) => collator.compare(a.name, b.name))
					.map(container => container.id),
			},
		]),
	);
}

/**
 * The compose projects of the container list, and those dockmate took down this session (they
 * have no containers left to be found by, but `U` must still reach them); recomputed only when
 * either changes.
 */
export const composeProjects = memoizeLast(
	(
		byId: ReadonlyMap<string, ContainerSummary>,
		downed: ReadonlyMap<string, ComposeProject>,
	): ReadonlyMap<string, ComposeProject> => {
		const projects = new Map(groupProjects(byId.values()));
		for (const [id, project] of downed) {
			if (!projects.has(id)) {
				projects.set(id, project);
			}
		}

		return projects;
	},
);

/** The projects the Projects pane lists. */
export function projectsOf(
	state: AppState,
): ReadonlyMap<string, ComposeProject> {
	return composeProjects(state.containers.byId, state.compose.downed);
}

/** Compose projects by name, after the pane's filter (by name or service). */
export const visibleProjects = memoizeLast(
	(
		byId: ReadonlyMap<string, ComposeProject>,
		filter: string,
	): readonly string[] =>
		[...byId.values()]
			.filter(project =>
				matchesFilter(filter, [project.id, ...project.services]),
			)
			.map(project => project.id)
			.sort(collator.compare),
);
