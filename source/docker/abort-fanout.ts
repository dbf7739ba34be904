/** A signal of one call's own, that aborts when the signal it was made from does. */
export type ChildSignal = {
	readonly signal: AbortSignal;
	/** The call is over: the child no longer needs to hear of the parent's abort. */
	readonly release: () => void;
};

/** The children under way of each parent signal, and the one listener that aborts them. */
const families = new WeakMap<
	AbortSignal,
	{readonly children: Set<AbortController>; readonly abortAll: () => void}
>();

/**
 * A child of `parent` for one request. Node's HTTP client adds an abort listener to the signal of
 * every request under way, so the long-lived signal of a feed, handed to each request as it is,
 * carried one listener per concurrent request: past ten Node warns (MaxListenersExceededWarning),
 * right over the screen. However many children are under way, the parent carries one listener
 * for all of them, and none once they are released.
 */
export function childSignal(parent: AbortSignal): ChildSignal {
	const controller = new AbortController();
	if (parent.aborted) {
		controller.abort(parent.reason);
		return {signal: controller.signal, release: () => undefined};
	}

	let family = families.get(parent);
	if (family === undefined) {
		const children = new Set<AbortController>();
		const abortAll = (): void => {
			families.delete(parent);
			for (const child of children) {
				child.abort(parent.reason);
			}

			children.clear();
		};

		family = {children, abortAll};
		families.set(parent, family);
		parent.addEventListener('abort', abortAll, {once: true});
	}

	const {children, abortAll} = family;
	children.add(controller);
	return {
		signal: controller.signal,
		release() {
			if (children.delete(controller) && children.size === 0) {
				families.delete(parent);
				parent.removeEventListener('abort', abortAll);
			}
		},
	};
}

/** dockerode's option that cancels a request. */
export type Abortable = {readonly abortSignal?: AbortSignal};

/**
 * Makes one dockerode request on a child of `signal` (see {@link childSignal}), released when it
 * settles; a failure is what `fail` makes of it.
 */
export async function abortableRequest<T>(
	signal: AbortSignal | undefined,
	fail: (error: unknown) => never,
	request: (options: Abortable) => Promise<T>,
): Promise<T> {
	if (signal === undefined) {
		return request({}).catch(fail);
	}

	const child = childSignal(signal);
	try {
		return await request({abortSignal: child.signal}).catch(fail);
	} finally {
		child.release();
	}
}
