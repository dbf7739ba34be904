import {composeLabels} from '../../source/state/compose-projects.js';
import {fakeContainer} from './fake-docker-client.js';

/** A container of a compose project in /srv/shop, labelled as compose labels its containers. */
export function composedContainer(
	name: string,
	project: string,
	service: string,
	fields: Partial<Parameters<typeof fakeContainer>[0]> = {},
	labels: Readonly<Record<string, string>> = {},
) {
	return fakeContainer({
		name,
		...fields,
		labels: {
			[composeLabels.project]: project,
			[composeLabels.service]: service,
			[composeLabels.configFiles]: '/srv/shop/compose.yml',
			[composeLabels.workingDir]: '/srv/shop',
			...labels,
		},
	});
}
