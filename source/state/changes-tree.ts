import type {ContainerChange} from '../docker/docker-client.js';

type Node = {
	readonly name: string;
	kind: ContainerChange['kind'] | undefined;
	/** Changes at or under this node. */
	count: number;
	readonly children: Map<string, Node>;
};

const letters: Readonly<Record<ContainerChange['kind'], string>> = {
	added: 'A',
	changed: 'C',
	deleted: 'D',
};

function node(name: string): Node {
	return {name, kind: undefined, count: 0, children: new Map()};
}

/** Busiest folders first, then by name: where the container writes most comes first. */
function byWeight(a: Node, b: Node): number {
	return b.count - a.count || a.name.localeCompare(b.name);
}

/**
 * What a container changed against its image (`docker diff`), as the lines of a tree: each path
 * with its letter (A added, C changed, D deleted), under its folder, and each folder with how
 * many changes it holds; the busiest folders first.
 */
export function changesTree(changes: readonly ContainerChange[]): string[] {
	const root = node('');
	for (const change of changes) {
		let at = root;
		root.count++;
		for (const part of change.path.split('/').filter(Boolean)) {
			const child = at.children.get(part) ?? node(part);
			at.children.set(part, child);
			child.count++;
			at = child;
		}

		at.kind = change.kind;
	}

	const count = (kind: ContainerChange['kind']): number =>
		changes.filter(change => change.kind === kind).length;
	const lines = [
		changes.length === 0
			? 'no changes against the image'
			: `${changes.length} changes: ${count('added')} added, ${count('changed')} changed, ${count('deleted')} deleted`,
	];
	const walk = (at: Node, path: string, depth: number): void => {
		for (const child of [...at.children.values()].sort(byWeight)) {
			const full = `${path}/${child.name}`;
			const inside = child.count - (child.kind === undefined ? 0 : 1);
			lines.push(
				`${child.kind === undefined ? ' ' : letters[child.kind]} ${'  '.repeat(depth)}${full}${inside > 0 ? `  (${inside} inside)` : ''}`,
			);
			walk(child, full, depth + 1);
		}
	};

	walk(root, '', 0);
	return lines;
}
