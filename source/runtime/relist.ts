import type {FeedContext} from './feed-context.js';
import {containersListed, imagesListed} from '../state/updates.js';

/**
 * Lists containers and images again once work that dockmate started on the engine (a build, a
 * pull, a run, a prune) has ended, whether it succeeded, failed or was called off: the engine
 * announces some of what such work leaves behind by no event at all (a failed build's `<none>`
 * image, an untagged build), so the event feed alone would show it only after something else
 * happened. A list that fails leaves the rows as they were; the event feed reports the engine down.
 */
export async function relistAfterWork({
	docker,
	dispatch,
	now,
}: Pick<FeedContext, 'docker' | 'dispatch' | 'now'>): Promise<void> {
	const listedAt = now();
	const [containers, images] = await Promise.all([
		docker.listContainers().catch(() => undefined),
		docker.listImages().catch(() => undefined),
	]);
	if (containers !== undefined) {
		dispatch(containersListed(containers, listedAt));
	}

	if (images !== undefined) {
		dispatch(imagesListed(images, listedAt));
	}
}
