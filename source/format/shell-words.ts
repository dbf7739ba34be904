// Command lines as a shell reads and writes them: the exec prompt splits what is typed, and the
// equivalent `docker …` commands shown to the user quote what needs it.

/** Quotes a CLI argument only where a shell would need it. */
export function shellWord(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word)
		? word
		: `'${word.replaceAll("'", String.raw`'\''`)}'`;
}

/**
 * Splits a command line typed into the exec prompt into arguments the way a shell would for
 * plain words, 'single' and "double" quotes and backslash escapes; no expansion of any kind.
 */
export function splitCommand(line: string): string[] {
	const words: string[] = [];
	let word: string | undefined;
	let quote: string | undefined;
	for (let index = 0; index < line.length; index++) {
		const char = line[index] ?? '';
		if (quote !== undefined) {
			if (char === quote) {
				quote = undefined;
			} else if (char === '\\' && quote === '"' && index + 1 < line.length) {
				word = (word ?? '') + (line[++index] ?? '');
			} else {
				word = (word ?? '') + char;
			}
		} else if (char === "'" || char === '"') {
			quote = char;
			word ??= '';
		} else if (char === '\\' && index + 1 < line.length) {
			word = (word ?? '') + (line[++index] ?? '');
		} else if (/\s/.test(char)) {
			if (word !== undefined) {
				words.push(word);
				word = undefined;
			}
		} else {
			word = (word ?? '') + char;
		}
	}

	if (word !== undefined) {
		words.push(word);
	}

	return words;
}
