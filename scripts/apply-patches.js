// Applies the patches in patches/ to node_modules, so that tests, the bench and the bundle all run
// the same dependency code. `npm install` and `npm ci` run it here as the `preprepare` script,
// which npm, unlike `prepare` or `postinstall`, neither runs nor warns about where dockmate is
// installed as a package. It runs again safely, skipping a patch that is already in. A patch that
// no longer applies (a dependency was upgraded) stops the install, naming the file: update or
// drop it (see the readme).
import {execFileSync} from 'node:child_process';
import {copyFileSync, readFileSync, readdirSync, renameSync} from 'node:fs';
import path from 'node:path';

const directory = 'patches';
/**
 * Inside a repository git takes a patch's paths from the repository's top and silently skips
 * those outside the current folder; git stops looking for one above this folder, so that its
 * paths are always read from here.
 */
const options = {
	env: {...process.env, GIT_CEILING_DIRECTORIES: path.dirname(process.cwd())},
};

/** Why `git apply` refuses the patch with these flags, or '' when it accepts it (writes nothing). */
function refusal(file, ...flags) {
	try {
		execFileSync('git', ['apply', '--check', ...flags, file], {
			...options,
			stdio: 'pipe',
		});
		return '';
	} catch (error) {
		return String(error.stderr).trim() || String(error);
	}
}

/**
 * Gives each file the patch changes a content of its own first: a node_modules made of hard links
 * (a copy of another checkout's) must not be patched through them.
 */
function unshare(file) {
	for (const [, target] of readFileSync(file, 'utf8').matchAll(
		/^\+\+\+ b\/(.+)$/gm,
	)) {
		copyFileSync(target, `${target}.unshared`);
		renameSync(`${target}.unshared`, target);
	}
}

for (const name of readdirSync(directory)
	.filter(name => name.endsWith('.patch'))
	.sort()) {
	const file = `${directory}/${name}`;
	if (!refusal(file, '--reverse')) {
		continue;
	}

	const reason = refusal(file);
	if (reason) {
		console.error(
			`${file} no longer applies to node_modules: update it or drop it.\n${reason}`,
		);
		process.exit(1);
	}

	unshare(file);
	execFileSync('git', ['apply', file], {...options, stdio: 'inherit'});
	console.log(`applied ${file}`);
}
