import {currentDialog} from '../state/dialog-slot.js';
import {stat} from 'node:fs/promises';
import {basename, resolve} from 'node:path';
import {copyInArchive, measureCopyIn} from '../docker/copy-in.js';
import {extractArchive} from '../docker/archive-extract.js';
import {listFolder, readFileHead} from '../docker/container-files.js';
import type {DockerClient} from '../docker/docker-client.js';
import {errorMessage} from '../docker/errors.js';
import {fileLines, pagedBytes} from '../docker/file-content.js';
import {tarItems} from '../docker/tar-reader.js';
import {shellWord} from '../format/shell-words.js';
import {plural} from '../format/units.js';
import type {AppState} from '../state/app-state.js';
import {commandAudited} from '../state/audit-log.js';
import {
	fileOpened,
	filesFolderEntered,
	filesListed,
	filesOpened,
	filesTransferred,
} from '../state/files-view.js';
import {statusShown} from '../state/status.js';
import {changesTree} from '../state/changes-tree.js';
import {isolationLines} from '../state/isolation-lines.js';
import type {Store} from '../state/store.js';
import type {Update} from '../state/app-state.js';

/** The files browser's engine work: listing folders, reading files, copying out. */
export type Files = {
	/** Opens the browser on a container's `/`. */
	readonly open: (containerId: string, containerName: string) => void;
	/** Lists `path` in the open browser; the cursor goes to `select` once listed. */
	readonly enter: (path: string, select?: string) => void;
	/** Reads a file into the viewer. */
	readonly openFile: (path: string) => Promise<void>;
	/** Copies a file or folder of the open browser's container into a local folder, as `docker cp`. */
	readonly copyOut: (
		path: string,
		expectedBytes: number,
		destination: string,
	) => Promise<void>;
	/**
	 * Copies a local file or folder (relative to where dockmate started) into the folder on screen of
	 * the open browser, as `docker cp`; the listing then shows it.
	 */
	readonly copyIn: (source: string) => Promise<void>;
	/** Opens one of a container's reports (changes, isolation) in the viewer. */
	readonly show: (
		report: ContainerReport,
		containerId: string,
		containerName: string,
	) => Promise<void>;
	/** The local folder a copy goes to unless another is typed: the one dockmate started in. */
	readonly localFolder: string;
	/** Calls off the copy under way, if any; false when there is none. */
	readonly cancel: () => boolean;
};

/** The reports on a container that open in the viewer: what it changed, and what isolates it. */
const reports = {
	changes: {
		title: (name: string) => `changes of ${name} against its image`,
		failure: 'list the changes',
		lines: async (docker: DockerClient, id: string) =>
			changesTree(await docker.changes(id)),
	},
	isolation: {
		title: (name: string) => `namespaces and cgroup of ${name}`,
		failure: 'read the isolation',
		lines: async (docker: DockerClient, id: string) =>
			isolationLines(await docker.isolation(id)),
	},
} as const;

export type ContainerReport = keyof typeof reports;

/** How often a copy's progress reaches the store: a bar need not move faster than it is read. */
const progressIntervalMs = 100;

export function createFiles(options: {
	readonly docker: DockerClient;
	readonly store: Store<AppState>;
	readonly dispatch: (update: Update) => void;
	readonly now: () => number;
	readonly cwd: string;
}): Files {
	const {docker, store, dispatch, now, cwd} = options;
	let listing: AbortController | undefined;
	let transfer: AbortController | undefined;

	/** Reports a copy's bytes done to the bar, no more often than it is read. */
	const progressOf = (
		containerId: string,
		label: string,
		total: number,
	): ((done: number) => void) => {
		let shownAt = Number.NEGATIVE_INFINITY;
		return done => {
			const time = now();
			if (time - shownAt >= progressIntervalMs) {
				shownAt = time;
				dispatch(filesTransferred(containerId, {label, done, total}));
			}
		};
	};

	const enter: Files['enter'] = (path, select) => {
		const dialog = currentDialog(store.getState(), 'files');
		if (dialog === undefined) {
			return;
		}

		const {containerId} = dialog;
		listing?.abort();
		const controller = new AbortController();
		listing = controller;
		dispatch(filesFolderEntered(path, select));
		listFolder(docker, containerId, path, controller.signal).then(
			({entries, isPartial}) => {
				if (!controller.signal.aborted) {
					dispatch(
						filesListed(containerId, path, {
							status: 'loaded',
							entries,
							isPartial,
						}),
					);
				}
			},
			(error: unknown) => {
				if (!controller.signal.aborted) {
					dispatch(
						filesListed(containerId, path, {
							status: 'failed',
							error: errorMessage(error),
						}),
					);
				}
			},
		);
	};

	return {
		open(containerId, containerName) {
			dispatch(filesOpened({containerId, containerName, path: '/'}));
			enter('/');
		},
		enter,
		localFolder: cwd,
		async show(report, containerId, containerName) {
			const {title, failure, lines} = reports[report];
			try {
				dispatch(
					fileOpened({
						title: title(containerName),
						lines: await lines(docker, containerId),
					}),
				);
			} catch (error) {
				dispatch(
					statusShown(
						`cannot ${failure} of ${containerName}: ${errorMessage(error)}`,
						true,
					),
				);
			}
		},
		async openFile(path) {
			const dialog = currentDialog(store.getState(), 'files');
			if (dialog === undefined) {
				return;
			}

			try {
				const head = await readFileHead(
					docker,
					dialog.containerId,
					path,
					pagedBytes,
				);
				if (head === undefined) {
					dispatch(statusShown(`${path} is not a file`, true));
					return;
				}

				// Only if the browser is still where the user asked from.
				if (currentDialog(store.getState(), 'files') === dialog) {
					dispatch(
						fileOpened({
							title: `${dialog.containerName}:${path}`,
							lines: fileLines(head),
							source: path,
						}),
					);
				}
			} catch (error) {
				dispatch(
					statusShown(`cannot read ${path}: ${errorMessage(error)}`, true),
				);
			}
		},
		async copyOut(path, expectedBytes, destination) {
			const dialog = currentDialog(store.getState(), 'files');
			if (dialog === undefined || transfer !== undefined) {
				return;
			}

			const {containerId, containerName} = dialog;
			const command = `docker cp ${shellWord(`${containerName}:${path}`)} ${shellWord(destination)}`;
			const controller = new AbortController();
			transfer = controller;
			const progress = progressOf(
				containerId,
				`copying ${path} to ${destination}`,
				expectedBytes,
			);
			try {
				if (!(await stat(destination)).isDirectory()) {
					throw new Error(`${destination} is not a folder`);
				}

				progress(0);
				const report = await extractArchive(
					tarItems(docker.getArchive(containerId, path, controller.signal)),
					destination,
					progress,
				);
				if (controller.signal.aborted) {
					throw new Error('called off; what was copied so far stays');
				}

				dispatch(commandAudited({time: now(), command, error: undefined}));
				const refused = report.refused
					.slice(0, 3)
					.map(refusal => `${refusal.path} (${refusal.reason})`)
					.join(', ');
				dispatch(
					report.refused.length === 0
						? statusShown(
								`copied ${path} to ${destination}: ${plural(report.files, 'file')}, ${report.bytes} bytes`,
							)
						: statusShown(
								`copied ${path} to ${destination}, refused ${plural(report.refused.length, 'member')}: ${refused}`,
								true,
							),
				);
			} catch (error) {
				const message = controller.signal.aborted
					? 'called off; what was copied so far stays'
					: errorMessage(error);
				dispatch(commandAudited({time: now(), command, error: message}));
				dispatch(statusShown(`cannot copy ${path}: ${message}`, true));
			} finally {
				transfer = undefined;
				dispatch(filesTransferred(containerId, undefined));
			}
		},
		async copyIn(source) {
			const dialog = currentDialog(store.getState(), 'files');
			if (dialog === undefined || transfer !== undefined) {
				return;
			}

			const {containerId, containerName, path: folder} = dialog;
			const local = resolve(cwd, source);
			const target = `${containerName}:${folder}`;
			const command = `docker cp ${shellWord(local)} ${shellWord(target)}`;
			const controller = new AbortController();
			transfer = controller;
			try {
				// Measured first: a missing or unreadable path fails before the engine gets anything.
				const size = await measureCopyIn(local);
				const progress = progressOf(
					containerId,
					`copying ${local} to ${target}`,
					size.archiveBytes,
				);
				progress(0);
				await docker.putArchive(
					containerId,
					folder,
					copyInArchive(local, progress),
					controller.signal,
				);
				dispatch(commandAudited({time: now(), command, error: undefined}));
				dispatch(
					statusShown(
						`copied ${local} to ${target}: ${plural(size.files, 'file')}, ${size.bytes} bytes`,
					),
				);
				// The new entry, listed and under the cursor, if the browser is still on that folder.
				const shown = currentDialog(store.getState(), 'files');
				if (shown?.containerId === containerId && shown.path === folder) {
					enter(folder, basename(local));
				}
			} catch (error) {
				const message = controller.signal.aborted
					? `called off; part of it may have reached ${folder}`
					: errorMessage(error);
				dispatch(commandAudited({time: now(), command, error: message}));
				dispatch(statusShown(`cannot copy ${local} in: ${message}`, true));
			} finally {
				transfer = undefined;
				dispatch(filesTransferred(containerId, undefined));
			}
		},
		cancel() {
			if (transfer === undefined) {
				return false;
			}

			transfer.abort();
			return true;
		},
	};
}
