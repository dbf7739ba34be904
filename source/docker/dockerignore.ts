import path from 'node:path';
import dockerignore from '@balena/dockerignore';

// A CommonJS module whose `module.exports` is the factory, with itself as `default` for TypeScript.
const ignore = dockerignore.default;

/** The rules of a `.dockerignore` file, applied as the docker CLI applies them to a build context. */
export type DockerIgnore = {
	/** Whether the file or folder at `relativePath` (forward slashes) is left out of the context. */
	readonly ignores: (relativePath: string) => boolean;
	/**
	 * Whether an excluded folder must still be walked because an exception (`!pattern`) may bring
	 * back something inside it: Docker's rule is that an exception names a path under the folder.
	 */
	readonly mayKeepInside: (relativeFolder: string) => boolean;
};

/** The patterns of a `.dockerignore` file: one a line, `#` comments and blank lines skipped. */
export function dockerIgnorePatterns(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map(line => line.trim())
		.filter(line => line !== '' && !line.startsWith('#'));
}

/** Docker's clean-up of a pattern: a cleaned path, relative to the context's root. */
function cleanPattern(pattern: string): string {
	const cleaned = path.posix.normalize(pattern).replace(/\/$/, '');
	return cleaned.length > 1 && cleaned.startsWith('/')
		? cleaned.slice(1)
		: cleaned;
}

/**
 * The rules of a `.dockerignore` file. `alwaysSent` are paths the engine needs whatever the file
 * says (the docker CLI sends `.dockerignore` and the Dockerfile even when excluded).
 */
export function createDockerIgnore(
	text: string,
	alwaysSent: readonly string[],
): DockerIgnore {
	const patterns = [
		...dockerIgnorePatterns(text),
		...alwaysSent.map(file => `!${file}`),
	];
	const matcher = ignore({ignorecase: false}).add(patterns);
	const exceptions = patterns
		.filter(pattern => pattern.startsWith('!'))
		.map(pattern => cleanPattern(pattern.slice(1).trim()));
	return {
		ignores: relativePath => matcher.ignores(relativePath),
		mayKeepInside(relativeFolder) {
			const folder = `${relativeFolder}/`;
			return exceptions.some(exception => `${exception}/`.startsWith(folder));
		},
	};
}
