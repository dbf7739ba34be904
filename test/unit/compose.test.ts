import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {cliEnvironment} from '../../source/docker/cli-environment.js';
import type {Endpoint} from '../../source/docker/endpoint.js';
import {toContainerSummary} from '../../source/docker/to-domain.js';
import {
	composeInvocation,
	type ComposeProgram,
} from '../../source/runtime/compose-command.js';
import {
	composeLabels,
	groupProjects,
	visibleProjects,
} from '../../source/state/compose-projects.js';
import {projectCells} from '../../source/ui/format/project-rows.js';
import {composedContainer} from '../fakes/fake-compose.js';
import {fakeContainer} from '../fakes/fake-docker-client.js';
import {defined} from '../helpers/defined.js';
import type {ComposeProject} from '../../source/state/slices.js';

describe('compose projects grouped from container labels', () => {
	it('groups the containers of a recorded engine by project, leaving the rest out', () => {
		const raw = JSON.parse(
			readFileSync(
				new URL(
					'../fixtures/api/docker-20.10-compose-containers.json',
					import.meta.url,
				),
				'utf8',
			),
		) as unknown[];
		const containers = raw.map(container =>
			defined(toContainerSummary(container)),
		);
		const projects = groupProjects(containers);
		assert.deepEqual([...projects.keys()], ['demo']);
		const demo = defined(projects.get('demo'));
		assert.deepEqual(demo.services, ['app', 'worker']);
		assert.equal(`${demo.running}/${demo.total}`, '2/2');
		// compose 1.29 records the file relative to the working directory.
		assert.deepEqual(demo.configFiles, ['docker-compose.yml']);
		assert.equal(demo.workingDir, '/tmp/dmt-pyNrlI/proj');
		assert.equal(containers.length, 8, 'the Swarm tasks are not a project');
	});

	it('counts running containers, names each service once, keeps every file in order', () => {
		const projects = groupProjects([
			composedContainer('shop-web-1', 'shop', 'web'),
			composedContainer('shop-web-2', 'shop', 'web', {
				state: 'exited',
				status: 'Exited (0) 1 hour ago',
			}),
			composedContainer(
				'shop-db-1',
				'shop',
				'db',
				{},
				{
					[composeLabels.configFiles]:
						'/srv/shop/compose.yml,/srv/shop/compose.override.yml',
				},
			),
			composedContainer('blog-app-1', 'blog', 'app', {state: 'exited'}),
			fakeContainer({name: 'loner'}),
		]);
		const shop = defined(projects.get('shop'));
		assert.deepEqual(shop.services, ['db', 'web']);
		assert.equal(shop.running, 2);
		assert.equal(shop.total, 3);
		assert.deepEqual(shop.configFiles, [
			'/srv/shop/compose.yml',
			'/srv/shop/compose.override.yml',
		]);
		assert.equal(shop.containerIds.length, 3);
		assert.equal(defined(projects.get('blog')).running, 0);
		assert.equal(projects.size, 2);
		assert.deepEqual(projectCells(shop, undefined).running, '2/3');
		assert.equal(
			projectCells(shop, undefined).files,
			'compose.yml, compose.override.yml',
			'files in the project folder by their path from there',
		);
		assert.equal(
			projectCells({...shop, configFiles: ['/etc/x.yml', 'rel.yml']}, undefined)
				.files,
			'/etc/x.yml, rel.yml',
		);
		assert.deepEqual(projectCells(shop, 'restarting…').running, 'restarting…');
	});

	it('filters projects by name or service, sorted by name', () => {
		const projects = groupProjects([
			composedContainer('b-1', 'shop', 'web'),
			composedContainer('a-1', 'blog', 'app'),
			composedContainer('c-1', 'analytics', 'web'),
		]);
		assert.deepEqual(visibleProjects(projects, ''), [
			'analytics',
			'blog',
			'shop',
		]);
		assert.deepEqual(visibleProjects(projects, 'WEB'), ['analytics', 'shop']);
	});
});

const project: ComposeProject = {
	id: 'demo',
	name: 'demo',
	services: ['app'],
	running: 1,
	total: 1,
	configFiles: ['docker-compose.yml', '/etc/compose/extra file.yml'],
	workingDir: '/srv/demo',
	containerIds: ['x'],
};

const standalone: ComposeProgram = {kind: 'standalone', version: '1.29.2'};
const plugin: ComposeProgram = {kind: 'plugin', version: '2.24.5'};

describe('compose command lines', () => {
	it('runs the standalone program with every recorded file, absolute, and the project name', () => {
		const invocation = composeInvocation(standalone, project, 'up', {
			volumes: true,
		});
		assert.ok(!('error' in invocation));
		assert.equal(invocation.file, 'docker-compose');
		assert.deepEqual(invocation.args, [
			'--ansi',
			'never',
			'--project-name',
			'demo',
			'--file',
			'/srv/demo/docker-compose.yml',
			'--file',
			'/etc/compose/extra file.yml',
			'--project-directory',
			'/srv/demo',
			'up',
			'--detach',
		]);
		assert.equal(invocation.cwd, '/srv/demo');
		assert.equal(
			invocation.commandLine,
			"docker-compose --ansi never --project-name demo --file /srv/demo/docker-compose.yml --file '/etc/compose/extra file.yml' --project-directory /srv/demo up --detach",
		);
	});

	it('runs the plugin as `docker compose`; only down takes --volumes', () => {
		const down = composeInvocation(plugin, project, 'down', {volumes: true});
		assert.ok(!('error' in down));
		assert.equal(down.file, 'docker');
		assert.deepEqual(down.args.slice(0, 1), ['compose']);
		assert.deepEqual(down.args.slice(-2), ['down', '--volumes']);
		const plainDown = composeInvocation(plugin, project, 'down', {
			volumes: false,
		});
		assert.ok(!('error' in plainDown));
		assert.equal(plainDown.args.at(-1), 'down');
	});

	it('says why a project whose labels lack files or a folder cannot be run', () => {
		assert.deepEqual(
			composeInvocation(standalone, {...project, configFiles: []}, 'up', {
				volumes: false,
			}),
			{
				error:
					'demo recorded no compose files, so compose cannot find its definition',
			},
		);
		assert.match(
			(
				composeInvocation(standalone, {...project, workingDir: ''}, 'up', {
					volumes: false,
				}) as {error: string}
			).error,
			/no working directory/,
		);
	});
});

const source = {kind: 'flag'} as const;

describe('the environment that points compose at our engine', () => {
	it('passes a socket or a plain tcp address as DOCKER_HOST', () => {
		const unix: Endpoint = {
			kind: 'unix',
			socketPath: '/tmp/e/docker.sock',
			url: 'unix:///tmp/e/docker.sock',
			source,
		};
		assert.deepEqual(cliEnvironment(unix), {
			ok: true,
			variables: {DOCKER_HOST: 'unix:///tmp/e/docker.sock'},
		});
	});

	it('passes TLS files in one folder as DOCKER_CERT_PATH, verifying or not', () => {
		const tcp: Endpoint = {
			kind: 'tcp',
			host: '127.0.0.1',
			port: 2376,
			url: 'tcp://127.0.0.1:2376',
			source,
			tls: {
				caPath: '/certs/ca.pem',
				certPath: '/certs/cert.pem',
				keyPath: '/certs/key.pem',
				verify: true,
			},
		};
		assert.deepEqual(cliEnvironment(tcp), {
			ok: true,
			variables: {
				DOCKER_HOST: 'tcp://127.0.0.1:2376',
				DOCKER_TLS_VERIFY: '1',
				DOCKER_CERT_PATH: '/certs',
			},
		});
		assert.deepEqual(
			cliEnvironment({...tcp, tls: {...tcp.tls, verify: false}}),
			{
				ok: true,
				variables: {
					DOCKER_HOST: 'tcp://127.0.0.1:2376',
					DOCKER_TLS: '1',
					DOCKER_CERT_PATH: '/certs',
				},
			},
		);
	});

	it('names the context when its files cannot be passed as a folder, else says it cannot', () => {
		const tcp: Endpoint = {
			kind: 'tcp',
			host: 'prod',
			port: 2376,
			url: 'tcp://prod:2376',
			source,
			tls: {caPath: '/a/my-ca.pem', certPath: '/b/cert.pem', verify: true},
		};
		const result = cliEnvironment(tcp);
		assert.equal(result.ok, false);
		assert.match(
			(result as {reason: string}).reason,
			/compose cannot reach tcp:\/\/prod:2376: it reads TLS files only as ca.pem, cert.pem and key.pem in one folder/,
		);
		assert.deepEqual(
			cliEnvironment({
				...tcp,
				source: {kind: 'context', contextName: 'prod', from: 'config'},
			}),
			{ok: true, variables: {DOCKER_CONTEXT: 'prod'}},
		);
	});
});
