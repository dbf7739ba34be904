/**
 * Image references (`[registry[:port]/]path[:tag][@digest]`), checked by the grammar of Docker's
 * distribution/reference package, so that a typo is reported before the engine is asked.
 */

/** A reference split into what the Engine API's image create takes. */
export type ImageReference = {
	/** Registry host (with port) and path, e.g. `127.0.0.1:5000/tools/busybox`. */
	readonly name: string;
	readonly tag: string | undefined;
	readonly digest: string | undefined;
};

const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = new RegExp(
	`^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`,
);
const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^\w[\w.-]{0,127}$/;
const digestPattern =
	/^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const maxNameLength = 255;

/** Whether the first component names a registry rather than a path, by Docker's rule. */
function isRegistry(component: string): boolean {
	return (
		component.includes('.') ||
		component.includes(':') ||
		component === 'localhost' ||
		component !== component.toLowerCase()
	);
}

/** Parses a reference, or says what is wrong with it. */
export function parseReference(
	text: string,
): ImageReference | {readonly problem: string} {
	const trimmed = text.trim();
	if (trimmed === '') {
		return {problem: 'type an image reference, e.g. busybox:latest'};
	}

	const at = trimmed.indexOf('@');
	const digest = at === -1 ? undefined : trimmed.slice(at + 1);
	const rest = at === -1 ? trimmed : trimmed.slice(0, at);
	if (digest !== undefined && !digestPattern.test(digest)) {
		return {problem: `invalid digest "${digest}"`};
	}

	// A colon after the last slash starts the tag; one before it belongs to a registry's port.
	const colon = rest.lastIndexOf(':');
	const hasTag = colon > rest.lastIndexOf('/');
	const name = hasTag ? rest.slice(0, colon) : rest;
	const tag = hasTag ? rest.slice(colon + 1) : undefined;
	if (tag !== undefined && !tagPattern.test(tag)) {
		return {problem: `invalid tag "${tag}"`};
	}

	const components = name.split('/');
	const [first = ''] = components;
	const hasRegistry = components.length > 1 && isRegistry(first);
	const path = hasRegistry ? components.slice(1) : components;
	if (hasRegistry && !domain.test(first)) {
		return {problem: `invalid registry "${first}"`};
	}

	const bad = path.find(component => !pathComponent.test(component));
	if (bad !== undefined) {
		return {
			problem:
				bad === bad.toLowerCase()
					? `invalid repository name "${name}"`
					: `repository names must be lowercase: "${name}"`,
		};
	}

	if (name.length > maxNameLength) {
		return {problem: `repository name longer than ${maxNameLength} characters`};
	}

	return {name, tag, digest};
}

/** The registry a reference pulls from: its first component when that names one, else Docker Hub. */
export function registryOf(reference: ImageReference): string {
	const [first = '', ...rest] = reference.name.split('/');
	return rest.length > 0 && isRegistry(first) ? first : 'docker.io';
}

/** The reference in full, with the `latest` tag Docker adds when none is given. */
export function formatReference(reference: ImageReference): string {
	return reference.digest === undefined
		? `${reference.name}:${reference.tag ?? 'latest'}`
		: `${reference.name}${reference.tag === undefined ? '' : `:${reference.tag}`}@${reference.digest}`;
}

/**
 * A tag as the engine stores it, with Docker Hub's domain and `library/` filled in
 * (`busybox:1` is `docker.io/library/busybox:1`): the engine sorts an image's references so.
 */
export function canonicalTag(tag: string): string {
	const [first = '', ...rest] = tag.split('/');
	if (rest.length > 0 && isRegistry(first)) {
		return tag;
	}

	return `docker.io/${rest.length === 0 ? 'library/' : ''}${tag}`;
}
