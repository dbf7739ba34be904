import type {Binding, Scope} from './bindings.js';
import {commandInfo, type Command} from './commands.js';

/** The first command bound to `chord` in the innermost of `scopes` that binds it. */
export function resolve(
	chord: string,
	scopes: readonly Scope[],
	table: readonly Binding[],
): Command | undefined {
	for (const scope of scopes) {
		const binding = table.find(
			candidate => candidate.scope === scope && candidate.keys.includes(chord),
		);
		if (binding) {
			return binding.command;
		}
	}

	return undefined;
}

/** Bindings that apply in `scopes`, innermost first, each command once (the innermost wins). */
export function activeBindings(
	scopes: readonly Scope[],
	table: readonly Binding[],
): readonly Binding[] {
	const seen = new Set<Command>();
	const result: Binding[] = [];
	for (const scope of scopes) {
		for (const binding of table) {
			if (binding.scope === scope && !seen.has(binding.command)) {
				seen.add(binding.command);
				result.push(binding);
			}
		}
	}

	return result;
}

/** The bindings a user is shown for `scopes`: in read-only mode, none that would change the engine. */
export function shownBindings(
	scopes: readonly Scope[],
	table: readonly Binding[],
	isReadOnly: boolean,
): readonly Binding[] {
	const active = activeBindings(scopes, table);
	return isReadOnly
		? active.filter(binding => commandInfo[binding.command].dangerous !== true)
		: active;
}
