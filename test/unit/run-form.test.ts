import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	checkBuild,
	type BuildContextCheck,
} from '../../source/state/build-form.js';
import {
	checkRun,
	nextChoice,
	parseCpus,
	envPasted,
	parseEnv,
	parseMemory,
	parseName,
	parsePort,
	parsePorts,
	parseRestart,
	runChoices,
	runForm,
	type RunField,
} from '../../source/state/run-form.js';
import {runCommandLine} from '../../source/runtime/image-workflow.js';

/** The problem text, or the value. */
function outcome<T>(parsed: {value: T} | {problem: string}): T | string {
	return 'problem' in parsed ? `problem: ${parsed.problem}` : parsed.value;
}

function problemOf(parsed: {value: unknown} | {problem: string}): string {
	return 'problem' in parsed ? parsed.problem : 'no problem';
}

const values = (
	fields: Partial<Record<RunField, string>>,
): Record<RunField, string> => ({...runForm().values, ...fields});

describe('run form fields', () => {
	it('takes a free, valid container name, or none', () => {
		const taken = new Set(['web']);
		assert.equal(outcome(parseName('  api-1 ', taken)), 'api-1');
		assert.equal(outcome(parseName('', taken)), undefined);
		assert.equal(
			outcome(parseName('web', taken)),
			'problem: web is already the name of a container',
		);
		for (const bad of ['a', '-x', 'has space', 'é']) {
			assert.match(problemOf(parseName(bad, taken)), /^2 or more/);
		}
	});

	it('reads memory sizes as docker run -m does, in binary units', () => {
		assert.equal(outcome(parseMemory('64m')), 64 * 1024 * 1024);
		assert.equal(outcome(parseMemory('1g')), 1024 ** 3);
		assert.equal(outcome(parseMemory('1.5GiB')), 1.5 * 1024 ** 3);
		assert.equal(
			outcome(parseMemory('512 KB')),
			'problem: at least 6m: the engine refuses less',
		);
		assert.equal(outcome(parseMemory('8388608')), 8_388_608);
		assert.equal(outcome(parseMemory('')), undefined);
		assert.equal(
			outcome(parseMemory('4m')),
			'problem: at least 6m: the engine refuses less',
		);
		for (const bad of ['64x', 'm', '-1m', '1,5g', '64 mb extra']) {
			assert.equal(
				outcome(parseMemory(bad)),
				'problem: a size such as 64m, 512k or 1g',
				bad,
			);
		}
	});

	it('takes CPUs above 0, within what the engine has', () => {
		assert.equal(outcome(parseCpus('0.5', 4)), 0.5);
		assert.equal(outcome(parseCpus('.25', 4)), 0.25);
		assert.equal(outcome(parseCpus('2', undefined)), 2);
		assert.equal(outcome(parseCpus('', 4)), undefined);
		assert.equal(outcome(parseCpus('8', 4)), 'problem: the engine has 4 CPUs');
		assert.equal(
			outcome(parseCpus('0.0000000001', 4)),
			'problem: at most 9 decimals',
		);
		for (const bad of ['0', '-1', 'two', '1e3', '0.5.1']) {
			assert.equal(
				outcome(parseCpus(bad, 4)),
				'problem: a number of CPUs above 0, such as 0.5 or 2',
				bad,
			);
		}
	});

	it('reads port bindings as -p does', () => {
		assert.deepEqual(outcome(parsePort('8080:80')), {
			containerPort: 80,
			protocol: 'tcp',
			hostIp: undefined,
			hostPort: 8080,
		});
		assert.deepEqual(outcome(parsePort('127.0.0.1:8080:80/udp')), {
			containerPort: 80,
			protocol: 'udp',
			hostIp: '127.0.0.1',
			hostPort: 8080,
		});
		assert.deepEqual(outcome(parsePort('127.0.0.1::53/sctp')), {
			containerPort: 53,
			protocol: 'sctp',
			hostIp: '127.0.0.1',
			hostPort: undefined,
		});
		assert.deepEqual(outcome(parsePort('[::1]:8443:443')), {
			containerPort: 443,
			protocol: 'tcp',
			hostIp: '::1',
			hostPort: 8443,
		});
		assert.deepEqual(outcome(parsePort('80')), {
			containerPort: 80,
			protocol: 'tcp',
			hostIp: undefined,
			hostPort: undefined,
		});
		assert.equal(
			outcome(parsePort('80:70000')),
			'problem: 80:70000: ports go from 1 to 65535',
		);
		assert.equal(
			outcome(parsePort('0:80')),
			'problem: 0:80: ports go from 1 to 65535',
		);
		assert.equal(
			outcome(parsePort('300.0.0.1:80:80')),
			'problem: 300.0.0.1:80:80: 300.0.0.1 is not an IP address',
		);
		for (const bad of ['http', '80/icmp', '1:2:3:4', ':80:']) {
			assert.match(problemOf(parsePort(bad)), /expected \[ip:\]/, bad);
		}
	});

	it('takes several ports, by spaces or commas, each host port once', () => {
		const ports = outcome(parsePorts('8080:80, 8443:443  53/udp'));
		assert.ok(Array.isArray(ports));
		assert.deepEqual(
			ports.map(port => port.containerPort),
			[80, 443, 53],
		);
		assert.equal(
			outcome(parsePorts('8080:80 8080:81')),
			'problem: host port 8080/tcp is given twice',
		);
		// Another protocol or address is another binding.
		assert.equal(
			(
				outcome(
					parsePorts('8080:80 8080:80/udp 127.0.0.1:8080:81'),
				) as unknown[]
			).length,
			3,
		);
	});

	it('takes KEY=VALUE pairs, quoted where a value has spaces', () => {
		assert.deepEqual(outcome(parseEnv('A=1 B="two words" C= D=x=y')), [
			'A=1',
			'B=two words',
			'C=',
			'D=x=y',
		]);
		assert.equal(
			outcome(parseEnv('A=1 oops')),
			'problem: oops: expected KEY=VALUE',
		);
		assert.equal(outcome(parseEnv('=1')), 'problem: =1: expected KEY=VALUE');
	});

	it('takes a pasted KEY=VALUE with blanks in its value as that one value', () => {
		assert.equal(envPasted('KEY=a b'), "'KEY=a b'");
		assert.deepEqual(outcome(parseEnv(envPasted('KEY=a b'))), ['KEY=a b']);
		// Words that read as pairs already, or a paste that is no pair, stay as they are.
		assert.equal(envPasted('A=1 B=2'), 'A=1 B=2');
		assert.equal(envPasted('B="two words"'), 'B="two words"');
		assert.equal(envPasted('a b'), 'a b');
	});

	it('reads restart policies, a retry count with on-failure only', () => {
		assert.deepEqual(outcome(parseRestart('on-failure:3')), {
			name: 'on-failure',
			maximumRetryCount: 3,
		});
		assert.deepEqual(outcome(parseRestart('unless-stopped')), {
			name: 'unless-stopped',
			maximumRetryCount: 0,
		});
		assert.equal(
			outcome(parseRestart('always:3')),
			'problem: only on-failure takes a retry count',
		);
		assert.match(problemOf(parseRestart('sometimes')), /^no, always/);
	});

	it('cycles a choice from its policy, a retry count dropped', () => {
		const restart = runChoices.restart!;
		assert.equal(nextChoice(restart, 'no', 1), 'always');
		assert.equal(nextChoice(restart, 'on-failure:3', 1), 'no');
		assert.equal(nextChoice(restart, 'no', -1), 'on-failure');
		assert.equal(nextChoice(restart, 'garbage', 1), 'no');
		assert.equal(nextChoice(runChoices.interactive!, 'no', 1), 'yes');
	});
});

describe('checking the run form', () => {
	const context = {takenNames: new Set(['web']), hostCpus: 2};

	it('reports every wrong field at once, and makes no spec', () => {
		const checked = checkRun(
			'busybox:latest',
			values({
				name: 'web',
				ports: '99999',
				memory: 'lots',
				cpus: '3',
				env: 'NOPE',
				restart: 'always:2',
			}),
			context,
		);
		assert.ok('errors' in checked);
		assert.deepEqual(Object.keys(checked.errors).sort(), [
			'cpus',
			'env',
			'memory',
			'name',
			'ports',
			'restart',
		]);
	});

	it('makes the spec, and the docker run that does the same', () => {
		const form = values({
			name: 'api',
			command: "sh -c 'sleep 600'",
			env: 'MODE=test GREETING="hi there"',
			ports: '127.0.0.1:8080:80/udp',
			memory: '64m',
			cpus: '0.5',
			restart: 'on-failure:3',
		});
		const checked = checkRun('busybox:latest', form, context);
		assert.ok('spec' in checked);
		assert.deepEqual(checked.spec, {
			image: 'busybox:latest',
			name: 'api',
			command: ['sh', '-c', 'sleep 600'],
			env: ['MODE=test', 'GREETING=hi there'],
			ports: [
				{
					containerPort: 80,
					protocol: 'udp',
					hostIp: '127.0.0.1',
					hostPort: 8080,
				},
			],
			memory: 64 * 1024 * 1024,
			cpus: 0.5,
			restart: {name: 'on-failure', maximumRetryCount: 3},
			interactive: false,
		});
		assert.equal(
			runCommandLine(checked.spec, form),
			"docker run -d --name api -e MODE=test -e 'GREETING=hi there' -p 127.0.0.1:8080:80/udp -m 64m --cpus 0.5 --restart on-failure:3 busybox:latest sh -c 'sleep 600'",
		);
	});

	it('runs with a terminal, as -it, when interactive', () => {
		const form = values({interactive: 'yes'});
		const checked = checkRun('sha256:abc', form, context);
		assert.ok('spec' in checked);
		assert.equal(checked.spec.interactive, true);
		assert.equal(checked.spec.name, undefined);
		assert.deepEqual(checked.spec.command, []);
		assert.equal(
			runCommandLine(checked.spec, form),
			'docker run -it sha256:abc',
		);
	});
});

describe('checking the build form', () => {
	const folders = new Set(['/work/app', '/home/me/site']);
	const files = new Set([
		'/work/app/Dockerfile',
		'/work/app/docker/prod.Dockerfile',
		'/home/me/site/Dockerfile',
	]);
	const check: BuildContextCheck = {
		cwd: '/work',
		home: '/home/me',
		isDirectory: file => folders.has(file),
		isFile: file => files.has(file),
	};

	it('resolves the context from the current folder and ~, the Dockerfile inside it', () => {
		assert.deepEqual(
			checkBuild(
				{context: 'app', dockerfile: 'docker/prod.Dockerfile', tag: 'app:1'},
				check,
			),
			{
				options: {
					context: '/work/app',
					dockerfile: 'docker/prod.Dockerfile',
					tag: 'app:1',
				},
			},
		);
		assert.deepEqual(
			checkBuild({context: '~/site', dockerfile: '', tag: ''}, check),
			{
				options: {
					context: '/home/me/site',
					dockerfile: 'Dockerfile',
					tag: undefined,
				},
			},
		);
	});

	it('says which field is wrong', () => {
		assert.deepEqual(
			checkBuild(
				{context: 'nowhere', dockerfile: 'Dockerfile', tag: 'Bad Tag'},
				check,
			),
			{
				errors: {
					context: '/work/nowhere is not a folder',
					tag: 'repository names must be lowercase: "Bad Tag"',
				},
			},
		);
		assert.deepEqual(
			checkBuild({context: 'app', dockerfile: '../Dockerfile', tag: ''}, check),
			{errors: {dockerfile: 'must be inside the context folder'}},
		);
		assert.deepEqual(
			checkBuild({context: 'app', dockerfile: 'Containerfile', tag: ''}, check),
			{errors: {dockerfile: 'no file Containerfile in the context'}},
		);
		assert.deepEqual(
			checkBuild(
				{
					context: 'app',
					dockerfile: 'Dockerfile',
					tag: `x@sha256:${'a'.repeat(64)}`,
				},
				check,
			),
			{errors: {tag: 'a tag takes no digest'}},
		);
	});
});
