// The user's own keys ("keys" in the config file) laid over the default table. What cannot be
// followed is reported, and the command keeps its default keys: dockmate always starts.

import {scopes, type Binding, type Scope} from './bindings.js';
import {isValidChord} from './chord.js';
import {commands, type Command} from './commands.js';

/** What `"keys"` in the config file holds: command → key(s), or scope → {command → key(s)}. */
export type KeyOverrides = Readonly<Record<string, unknown>>;

/** The table in force, and each override that was not followed, in words. */
export type Keymap = {
	readonly table: readonly Binding[];
	readonly problems: readonly string[];
};

/** One override to apply: these keys for `command`, in `scope` or wherever it applies unscoped. */
type Override = {
	readonly command: Command;
	readonly keys: readonly string[];
	readonly scope: Scope | undefined;
	/** As the user wrote it, for messages: `item.remove` or `images.item.remove`. */
	readonly name: string;
};

function isCommand(name: string): name is Command {
	return Object.hasOwn(commands, name);
}

function isScope(name: string): name is Scope {
	return (scopes as readonly string[]).includes(name);
}

/** The keys of one override, or why they cannot be read. */
function keysOf(name: string, value: unknown): readonly string[] | string {
	const list = typeof value === 'string' ? [value] : value;
	if (
		!Array.isArray(list) ||
		list.length === 0 ||
		!list.every(key => typeof key === 'string')
	) {
		return `${name}: keys must be a key name or a list of them, e.g. "x" or ["q", "ctrl+q"]`;
	}

	const unknown = list.filter(key => !isValidChord(key));
	return unknown.length === 0
		? list
		: `${name}: unknown key ${unknown.map(key => `"${key}"`).join(', ')}`;
}

/** The overrides the config asks for, and the problems of those it cannot. */
function readOverrides(
	overrides: KeyOverrides,
	table: readonly Binding[],
): {
	readonly valid: readonly Override[];
	readonly problems: readonly string[];
} {
	const valid: Override[] = [];
	const problems: string[] = [];
	const add = (name: string, value: unknown, scope: Scope | undefined) => {
		const command = scope === undefined ? name : name.slice(scope.length + 1);
		if (!isCommand(command)) {
			problems.push(`unknown command "${name}"`);
			return;
		}

		const keys = keysOf(name, value);
		const boundIn = table
			.filter(binding => binding.command === command)
			.map(binding => binding.scope);
		if (typeof keys === 'string') {
			problems.push(keys);
		} else if (scope !== undefined && !boundIn.includes(scope)) {
			problems.push(
				`${name}: ${command} is not bound in ${scope} (it is in ${[...new Set(boundIn)].join(', ')})`,
			);
		} else {
			valid.push({command, keys, scope, name});
		}
	};

	for (const [name, value] of Object.entries(overrides)) {
		if (!isScope(name)) {
			add(name, value, undefined);
		} else if (
			typeof value === 'object' &&
			value !== null &&
			!Array.isArray(value)
		) {
			for (const [command, keys] of Object.entries(value)) {
				add(`${name}.${command}`, keys, name);
			}
		} else {
			problems.push(
				`"${name}" is a scope: it takes {"command": "key"}, e.g. {"${name}": {"item.remove": "x"}}`,
			);
		}
	}

	return {valid, problems};
}

/**
 * The bindings an override replaces the keys of. Named with a scope: the command's binding there.
 * Unscoped: its bindings on the panes (`paneScopes`), so that a dialog keeps its own keys (Ctrl-C
 * still quits from a dialog when `q` is moved); a command bound only in dialogs, all of them.
 */
function targetsOf(
	override: Override,
	table: readonly Binding[],
	paneScopes: ReadonlySet<Scope>,
): readonly number[] {
	const indexes = table.flatMap((binding, index) =>
		binding.command === override.command &&
		(override.scope === undefined || binding.scope === override.scope)
			? [index]
			: [],
	);
	if (override.scope !== undefined) {
		return indexes;
	}

	const onPanes = indexes.filter(index => {
		const binding = table[index];
		return binding !== undefined && paneScopes.has(binding.scope);
	});
	return onPanes.length > 0 ? onPanes : indexes;
}

/**
 * The keys a changed binding collides with: another command bound to one of its keys in a scope
 * that is in force together with its own (one of `groups`, or its own scope alone).
 */
function collisions(
	changed: Binding,
	table: readonly Binding[],
	groups: readonly (readonly Scope[])[],
): readonly string[] {
	const together = new Set<Scope>([changed.scope]);
	for (const group of groups) {
		if (group.includes(changed.scope)) {
			for (const scope of group) {
				together.add(scope);
			}
		}
	}

	return table.flatMap(other =>
		other.command !== changed.command && together.has(other.scope)
			? changed.keys
					.filter(key => other.keys.includes(key))
					.map(
						key =>
							`"${key}" would be both ${changed.command} and ${other.command} (${other.scope})`,
					)
			: [],
	);
}

/**
 * `table` with the user's keys: each override replaces the keys of the bindings it names. An
 * unknown command, scope or key, or a key that another command in force at the same time already
 * has, is a problem, and that command keeps its default keys. `groups` are the lists of scopes in
 * force together (each pane's); the first lists the panes' scopes, which unscoped overrides change.
 */
export function remapped(
	table: readonly Binding[],
	overrides: KeyOverrides,
	groups: readonly (readonly Scope[])[],
): Keymap {
	const {valid, problems} = readOverrides(overrides, table);
	const paneScopes = new Set(groups.flat());
	let kept = valid;
	const conflicts: string[] = [];
	// Undoing one override may uncover a clash with another (a swap of two keys half undone):
	// check again until none is left.
	for (;;) {
		const result = [...table];
		const changedBy = new Map<number, Override>();
		for (const override of kept) {
			for (const index of targetsOf(override, table, paneScopes)) {
				const binding = result[index];
				if (binding !== undefined) {
					result[index] = {...binding, keys: override.keys};
					changedBy.set(index, override);
				}
			}
		}

		const clashing = new Set<Override>();
		for (const [index, override] of changedBy) {
			const binding = result[index];
			const found =
				binding === undefined ? [] : collisions(binding, result, groups);
			if (found.length > 0) {
				clashing.add(override);
				conflicts.push(...found.map(text => `${override.name}: ${text}`));
			}
		}

		if (clashing.size === 0) {
			return {table: result, problems: [...problems, ...new Set(conflicts)]};
		}

		kept = kept.filter(override => !clashing.has(override));
	}
}
