import type {FeedContext} from './feed-context.js';
import {exitCodeOf, oomExitCode} from '../state/container-condition.js';
import {oomKilledFound} from '../state/resources.js';

/**
 * Finds out which exited containers the OOM killer ended, for their state glyph. The container
 * list does not say; inspect does (`State.OOMKilled`). The `oom` event says it only for kills
 * while dockmate listens, and the `die` event's attributes carry the exit code but not the
 * cause. An OOM kill always leaves exit code 137 (SIGKILL), so only containers listed as
 * `Exited (137)` are inspected, each once per exit: a few calls, none for the common case. A
 * container that runs again is forgotten, so that its next exit is asked about afresh.
 */
export function startOomProbe({
	docker,
	store,
	dispatch,
	signal,
}: FeedContext): void {
	const asked = new Set<string>();
	let seen: unknown;
	let seenOomEvents: unknown;
	const look = (): void => {
		const state = store.getState();
		const {byId} = state.containers;
		const {oomEvents} = state.resources;
		if (byId === seen && oomEvents === seenOomEvents) {
			return;
		}

		if (oomEvents !== seenOomEvents) {
			// The engine marks an OOM kill when it handles the kernel's notice, which can come after
			// the exit that had it asked: the oom event it sends then has it asked again.
			for (const id of oomEvents.keys()) {
				asked.delete(id);
			}
		}

		seen = byId;
		seenOomEvents = oomEvents;
		for (const id of asked) {
			const container = byId.get(id);
			if (
				container === undefined ||
				exitCodeOf(container.status) !== oomExitCode
			) {
				asked.delete(id);
				dispatch(oomKilledFound(id, false));
			}
		}

		for (const container of byId.values()) {
			if (
				container.state === 'exited' &&
				exitCodeOf(container.status) === oomExitCode &&
				!asked.has(container.id)
			) {
				asked.add(container.id);
				docker.inspectContainer(container.id).then(
					({details}) => {
						dispatch(oomKilledFound(container.id, details.state.oomKilled));
					},
					() => {
						// Asked again on the next change of the list: a passing failure must not
						// leave an OOM kill shown as a plain kill for good.
						asked.delete(container.id);
					},
				);
			}
		}
	};

	const unsubscribe = store.subscribe(look);
	look();
	signal.addEventListener('abort', unsubscribe, {once: true});
}
