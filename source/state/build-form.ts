import path from 'node:path';
import type {BuildOptions} from '../docker/docker-client.js';
import {parseReference} from '../format/image-reference.js';
import {createForm, type Form} from './form.js';
import {textViewer, type TextViewer, type ViewerLine} from './text-viewer.js';

export const buildFields = ['context', 'dockerfile', 'tag'] as const;
export type BuildField = (typeof buildFields)[number];

/** `b`: the form for `docker build`, then the build's output as it streams, then how it ended. */
export type BuildDialog = {
	readonly kind: 'build';
	readonly stage: 'form' | 'building' | 'done' | 'failed';
	readonly form: Form<BuildField>;
	/** The newest lines of output, oldest first, numbered from the build's start; older ones are dropped. */
	readonly output: readonly ViewerLine[];
	/** Lines dropped from the front of `output` so far. */
	readonly dropped: number;
	/** Where the output's view is, the search: it follows the output until scrolled back. */
	readonly viewer: TextViewer;
	/** The built image's id, once the builder reports it. */
	readonly imageId: string | undefined;
	/** Why the build failed. */
	readonly error: string | undefined;
	/** In a fleet, the engine it builds on. */
	readonly engine: string | undefined;
};

/** The output's view as a build starts: following, cut at the edge. */
export const buildOutputViewer: TextViewer = textViewer({
	isLog: true,
	follow: true,
	wrap: false,
});

/** How many lines of build output are kept. */
export const buildOutputLength = 2000;

/** The form's values: those of the last build this session, or the current folder's Dockerfile. */
export type BuildValues = Readonly<Record<BuildField, string>>;

export function buildDialog(
	cwd: string,
	last: BuildValues | undefined,
	engine: string | undefined,
): BuildDialog {
	return {
		kind: 'build',
		stage: 'form',
		form: createForm(
			buildFields,
			last ?? {context: cwd, dockerfile: 'Dockerfile', tag: ''},
		),
		output: [],
		dropped: 0,
		viewer: buildOutputViewer,
		imageId: undefined,
		error: undefined,
		engine,
	};
}

/** What the build form's paths are checked against: the file system, asked through these. */
export type BuildContextCheck = {
	readonly cwd: string;
	readonly home: string;
	readonly isDirectory: (absolutePath: string) => boolean;
	readonly isFile: (absolutePath: string) => boolean;
};

/** `~/x` is the user's, as a shell would read it; relative paths start at the current folder. */
function absolute(text: string, check: BuildContextCheck): string {
	const expanded =
		text === '~' || text.startsWith('~/')
			? path.join(check.home, text.slice(1))
			: text;
	return path.resolve(check.cwd, expanded);
}

/** A tag for `-t`: a reference without a digest. */
function tagProblem(tag: string): string | undefined {
	if (tag === '') {
		return undefined;
	}

	const parsed = parseReference(tag);
	if ('problem' in parsed) {
		return parsed.problem;
	}

	return parsed.digest === undefined ? undefined : 'a tag takes no digest';
}

/**
 * Checks the build form: the context is a folder, the Dockerfile a file inside it (as the engine
 * reads it from the context sent), the tag a valid reference; the build options when all are right.
 */
export function checkBuild(
	values: Readonly<Record<BuildField, string>>,
	check: BuildContextCheck,
):
	| {readonly options: BuildOptions}
	| {readonly errors: Partial<Record<BuildField, string>>} {
	const errors: Partial<Record<BuildField, string>> = {};
	const contextText = values.context.trim();
	const context = absolute(contextText === '' ? '.' : contextText, check);
	const dockerfileText = values.dockerfile.trim() || 'Dockerfile';
	const dockerfilePath = path.resolve(context, dockerfileText);
	const dockerfile = path
		.relative(context, dockerfilePath)
		.split(path.sep)
		.join('/');
	const tag = values.tag.trim();
	if (!check.isDirectory(context)) {
		errors.context = `${context} is not a folder`;
	} else if (dockerfile.startsWith('..') || path.isAbsolute(dockerfile)) {
		errors.dockerfile = 'must be inside the context folder';
	} else if (!check.isFile(dockerfilePath)) {
		errors.dockerfile = `no file ${dockerfile} in the context`;
	}

	const badTag = tagProblem(tag);
	if (badTag !== undefined) {
		errors.tag = badTag;
	}

	return Object.keys(errors).length > 0
		? {errors}
		: {options: {context, dockerfile, tag: tag === '' ? undefined : tag}};
}
