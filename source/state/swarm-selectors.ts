import type {SwarmNode, SwarmService} from '../docker/swarm.js';
import {memoizeLast} from './memo.js';
import {matchesFilter} from './text-filter.js';

const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

/** Services by name, after the pane's filter (by name or image). */
export const visibleServices = memoizeLast(
	(
		byId: ReadonlyMap<string, SwarmService>,
		filter: string,
	): readonly string[] =>
		[...byId.values()]
			.filter(service => matchesFilter(filter, [service.name, service.image]))
			.sort(
				(a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1),
			)
			.map(service => service.id),
);

/** Managers first, then by host name, after the pane's filter. */
export const visibleNodes = memoizeLast(
	(byId: ReadonlyMap<string, SwarmNode>, filter: string): readonly string[] =>
		[...byId.values()]
			.filter(node => matchesFilter(filter, [node.hostname, node.id]))
			.sort(
				(a, b) =>
					Number(b.role === 'manager') - Number(a.role === 'manager') ||
					collator.compare(a.hostname, b.hostname) ||
					(a.id < b.id ? -1 : 1),
			)
			.map(node => node.id),
);
