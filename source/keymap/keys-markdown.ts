import type {Binding} from './bindings.js';
import {bindingWords} from './describe.js';

/** A table cell: pipes would end it early. */
function cell(text: string): string {
	return text.replaceAll('|', String.raw`\|`);
}

/**
 * The keymap `table` as a markdown table, one row per binding, with the command names and key
 * names the config file's `"keys"` takes: `dockmate --print-keys` prints it to start a config from.
 */
export function keysMarkdown(table: readonly Binding[]): string {
	const rows = table.map(binding => {
		const keys = binding.keys.map(key => `\`${cell(key)}\``).join(', ');
		const {description} = bindingWords(binding);
		return `| \`${binding.command}\` | ${binding.scope} | ${keys} | ${cell(description)} |`;
	});
	return [
		'| Command | Scope | Keys | What it does |',
		'| --- | --- | --- | --- |',
		...rows,
	]
		.map(line => `${line}\n`)
		.join('');
}
