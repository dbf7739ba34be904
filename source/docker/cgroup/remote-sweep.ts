/**
 * The shell side of measuring containers on another machine: one POSIX `sh` script per sweep that finds
 * and reads every container's cgroup files and `/proc/<pid>/net/dev`, and the parser of its output.
 * The script runs one external process (`tail`) however many containers there are, writes nothing,
 * and marks every file it prints (`==> path <==`), so that an empty or missing file is never mistaken
 * for another's lines. It works in dash, bash and busybox sh; the paths it prints are relative to the
 * cgroup root, which keeps the output small.
 */
import path from 'node:path';
import {procsFile} from './cgroup-meter.js';
import {
	cgroupAt,
	containerCgroupCandidates,
	layoutEntryNames,
	searchRoot,
	type CgroupDriver,
	type CgroupLayout,
} from './layout.js';
import {netDevPath} from './proc-net-dev.js';
import {cgroupFiles} from './read-cgroup.js';

/** What the sweep script is asked to do. */
export type SweepRequest = {
	/** The cgroup root on the far machine (`/sys/fs/cgroup`; tests use fixture trees). */
	readonly root: string;
	/** Its /proc. */
	readonly procRoot: string;
	/** The layout found by the probe, with `.` as its root: paths are relative to {@link SweepRequest.root}. */
	readonly layout: CgroupLayout;
	readonly driver: CgroupDriver | undefined;
	/**
	 * Parent directories where containers were found before, tried before the daemon's defaults: a
	 * daemon-wide `--cgroup-parent` does not show in the container's configuration.
	 */
	readonly parents: readonly string[];
	/** Containers whose cgroup is known: its path, and whether to read all files or the counters only. */
	readonly known: readonly {readonly dir: string; readonly isFull: boolean}[];
	/** Containers to look for first (then read in full). */
	readonly unknown: readonly string[];
};

/** What a sweep printed. */
export type SweepOutput = {
	/** Where the containers looked for were found. */
	readonly found: ReadonlyMap<string, string>;
	/** The first process of each container read in full, by cgroup path. */
	readonly pids: ReadonlyMap<string, number>;
	/** The text of every file that could be read, by the path in the request. */
	readonly texts: ReadonlyMap<string, string>;
};

// What may appear unquoted in the script: container ids, slice and parent names, mount names.
const safePath = /^[\w.,:@%+=/-]+$/;

/** Whether a path can go into the script as it is; others are never read. */
export function isSafePath(text: string): boolean {
	return safePath.test(text) && !text.split('/').includes('..');
}

function quote(text: string): string {
	return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The script that tells the layout: it prints the names of {@link layoutEntryNames} found under `root`. */
export function probeScript(root: string): string {
	return [
		`cd ${quote(root)} 2>/dev/null || exit 0`,
		`for n in ${layoutEntryNames.map(name => quote(name)).join(' ')}; do [ -e "$n" ] && echo "$n"; done`,
		'exit 0',
	].join('\n');
}

/** The files of the container at `dir`, by tier; `$1` as `dir` makes the shell function's body. */
export function sweepFiles(
	layout: CgroupLayout,
	dir: string,
): {
	readonly counters: readonly string[];
	readonly all: readonly string[];
	readonly procs: string | undefined;
} {
	const cgroup = cgroupAt(layout, dir);
	const files = cgroupFiles(cgroup).flatMap(file =>
		file.path === undefined ? [] : [{...file, path: file.path}],
	);
	return {
		counters: files
			.filter(file => file.spec.tier === 'counter')
			.map(file => file.path),
		all: files.map(file => file.path),
		procs: procsFile(cgroup),
	};
}

/** The daemon's default parent directories, in the order its driver makes likely. */
function defaultParents(driver: CgroupDriver | undefined): string[] {
	return containerCgroupCandidates({id: 'x', ...(driver ? {driver} : {})}).map(
		candidate => path.posix.dirname(candidate),
	);
}

/**
 * The script of one sweep. `c DIR` queues a container's counters, `f DIR` all its files and its
 * network counters, `l ID` looks for a container (known parents, then two levels down, as the local
 * search does) and reads it in full. Everything queued is printed by one `tail` at the end.
 */
export function sweepScript(request: SweepRequest): string {
	const {layout} = request;
	const base = searchRoot(layout) ?? '.';
	const files = sweepFiles(layout, '$1');
	const parents = [
		...new Set([...request.parents, ...defaultParents(request.driver)]),
	].filter(parent => isSafePath(parent));
	const netDev = netDevPath('$p', request.procRoot);
	const lines = [
		`cd ${quote(request.root)} 2>/dev/null || exit 0`,
		'F=/dev/null',
		`Q=${quote(parents.join(' '))}`,
		`c() { F="$F ${files.counters.join(' ')}"; }`,
		`f() { F="$F ${files.all.join(' ')}"`,
		...(files.procs === undefined
			? []
			: [
					`p=; { read -r p < ${files.procs}; } 2>/dev/null`,
					`case $p in ''|*[!0-9]*) ;; *) echo "=p $1 $p"; F="$F ${netDev}";; esac`,
				]),
		'}',
		'l() {',
		`for q in $Q; do for r in $q/$1 $q/docker-$1.scope; do if [ -d ${base}/$r ]; then echo "=l $1 $r"; f $r; return; fi; done; done`,
		`for d in ${base}/$1 ${base}/docker-$1.scope ${base}/*/$1 ${base}/*/docker-$1.scope ${base}/*/*/$1 ${base}/*/*/docker-$1.scope; do`,
		`if [ -d "$d" ]; then r=\${d#${base}/}; case $r in */*) Q="\${r%/*} $Q";; esac; echo "=l $1 $r"; f "$r"; return; fi`,
		'done',
		'}',
		...request.known
			.filter(({dir}) => isSafePath(dir))
			.map(({dir, isFull}) => `${isFull ? 'f' : 'c'} ${dir}`),
		...request.unknown.filter(id => isSafePath(id)).map(id => `l ${id}`),
		// tail says 1 when a file could not be read: a container that just stopped, not a failure.
		'tail -n +1 $F 2>/dev/null || [ $? -eq 1 ]',
	];
	return `${lines.join('\n')}\n`;
}

const header = /^==> (.*) <==$/;

/**
 * Parses a sweep's output. Each file comes after a `==> path <==` line and before an empty line
 * that `tail` puts between files; the lines before the first file are the script's own.
 */
export function parseSweepOutput(text: string): SweepOutput {
	const found = new Map<string, string>();
	const pids = new Map<string, number>();
	const texts = new Map<string, string>();
	let file: string | undefined;
	let lines: string[] = [];
	const finish = (): void => {
		if (file !== undefined) {
			// The empty line before the next header, or after the output's last newline.
			if (lines.at(-1) === '') {
				lines.pop();
			}

			texts.set(file, lines.map(line => `${line}\n`).join(''));
		}
	};

	for (const line of text.split('\n')) {
		const match = header.exec(line);
		if (match !== null) {
			finish();
			file = match[1];
			lines = [];
		} else if (file !== undefined) {
			lines.push(line);
		} else {
			const [kind, first, second] = line.split(' ');
			if (kind === '=l' && first !== undefined && second !== undefined) {
				found.set(first, second);
			} else if (kind === '=p' && first !== undefined && second !== undefined) {
				pids.set(first, Number(second));
			}
		}
	}

	finish();
	return {found, pids, texts};
}
