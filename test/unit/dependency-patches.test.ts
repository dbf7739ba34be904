import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';

const applier = path.resolve('scripts/apply-patches.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'dockmate-patches-'));
after(() => {
	rmSync(dir, {recursive: true, force: true});
});

const patch = `# What it fixes and what it buys.
--- a/node_modules/dep/index.js
+++ b/node_modules/dep/index.js
@@ -1,3 +1,3 @@
 const a = 1;
-const b = 2;
+const b = 3;
 export {a, b};
`;

/** A project with one patch and one dependency whose index.js is `b`'s line. */
function project(name: string, line: string): string {
	const root = path.join(dir, name);
	mkdirSync(path.join(root, 'patches'), {recursive: true});
	mkdirSync(path.join(root, 'node_modules/dep'), {recursive: true});
	writeFileSync(path.join(root, 'patches/dep+1.0.0.patch'), patch);
	writeFileSync(
		path.join(root, 'node_modules/dep/index.js'),
		`const a = 1;\n${line}\nexport {a, b};\n`,
	);
	return root;
}

describe('dependency patches', () => {
	it('are all in effect in the node_modules the tests run', () => {
		const patches = readdirSync('patches').filter(name =>
			name.endsWith('.patch'),
		);
		assert.ok(patches.length > 0);
		for (const name of patches) {
			// Reversible means applied.
			execFileSync('git', [
				'apply',
				'--check',
				'--reverse',
				path.join('patches', name),
			]);
		}
	});

	it('are applied once, however often the install runs', () => {
		const root = project('fresh', 'const b = 2;');
		for (let run = 0; run < 2; run++) {
			execFileSync('node', [applier], {cwd: root, stdio: 'pipe'});
		}

		assert.equal(
			readFileSync(path.join(root, 'node_modules/dep/index.js'), 'utf8'),
			'const a = 1;\nconst b = 3;\nexport {a, b};\n',
		);
	});

	it('stop the install, naming the patch, when one no longer applies', () => {
		const root = project('upgraded', 'const b = 4;');
		const run = spawnSync('node', [applier], {cwd: root, encoding: 'utf8'});
		assert.equal(run.status, 1);
		assert.match(
			run.stderr,
			/patches\/dep\+1\.0\.0\.patch no longer applies to node_modules/,
		);
	});
});
