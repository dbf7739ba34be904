import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after} from 'node:test';
import {fileURLToPath} from 'node:url';

/** The folder of every fixture. */
export const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** A cgroup v1 tree of a hybrid host: controller hierarchies plus an empty unified tree. */
export const v1Root = path.join(fixtures, 'cgroup-v1');
/** A cgroup v1 tree laid out by the systemd driver. */
export const v1SystemdRoot = path.join(fixtures, 'cgroup-v1-systemd');
/** A cgroup v2 (unified) tree. */
export const v2Root = path.join(fixtures, 'cgroup-v2');
/** A /proc tree: the cgroup and network files of a few processes. */
export const procRoot = path.join(fixtures, 'proc');

// The containers of the fixture trees. Those of the v1 tree were recorded on the development
// daemon (cgroupfs driver, daemon-wide --cgroup-parent=/dockmate-test):
/** A container kept busy on the CPU. */
export const busy =
	'9dfc0708baa848107f42fa4ae4fd475a2dbc31b4d82405976ed00c9895e62d6a';
/** An idle container. */
export const idle =
	'c0103e24705c76850e9e2a1e56aa8378dcdcbea2fba4d5cd4dc52f43e553e7bc';
/** A container held back by its CPU quota. */
export const throttled =
	'1a9b5c8b9497d9d76621668b196b51f5dc88ac9fdee4c042c2697515ffb53094';
/** A container whose process outgrew its memory limit. */
export const oom =
	'2c0df34d428e1143b1d756d38901833175aeffcadde7234ddb50e6173143401a';
// Those of the hand-written trees:
/** The container of the v1 systemd tree. */
export const v1Systemd =
	'33bf693c69a8c16687e2b3ba5b49411e2df9688b054afde66db1e23ed2f7e1e6';
/** A container of the v2 tree, under system.slice. */
export const web =
	'4b5e57f6eb2f42b9039b3d1e13929295f231749c510cbe341cd68036d9af97e2';
/** An idle container of the v2 tree. */
export const idleV2 =
	'df964dac09dd9577b1fe27c6c3f5b8ae8a0e3efd6f2f56b95092febf001a07a8';
/** A container of the v2 tree where the cgroupfs driver puts it by default. */
export const cgroupfsDefault =
	'6ff65f576abf63e333fea8a0efa1a75bba0b7954019a4e5d52f5e921703aa1c2';
/** A container of the v2 tree in a nested systemd slice. */
export const sliced =
	'e983034cfd2aa9524f89dfd2d908bb2130d5dbb621b2adef201727e806e2f279';
/** A container of the v2 tree under a custom cgroup parent. */
export const customParent =
	'6a3f93db980488fae72fa3ee86949f76043e000a14066866db5094bc995284e5';
/** A container that no tree has. */
export const missing =
	'0000000000000000000000000000000000000000000000000000000000000000';

/**
 * Returns a function that makes a fresh, empty directory in the system's temporary folder, named
 * `prefix` and a random suffix. Every directory it made is removed after the tests of the file
 * that called this, so call it at a test file's top level.
 */
export function temporaryDirs(prefix: string): () => string {
	const made: string[] = [];
	after(() => {
		for (const dir of made) {
			rmSync(dir, {recursive: true, force: true});
		}
	});
	return () => {
		const dir = mkdtempSync(path.join(tmpdir(), prefix));
		made.push(dir);
		return dir;
	};
}

/**
 * Returns a function that copies a fixture tree into a fresh temporary directory (removed like
 * those of {@link temporaryDirs}), for a test that changes the tree. Call it at a test file's top level.
 */
export function treeCopies(prefix: string): (root: string) => string {
	const temporaryDir = temporaryDirs(prefix);
	return root => {
		const dir = path.join(temporaryDir(), 'cgroup');
		cpSync(root, dir, {recursive: true});
		return dir;
	};
}
