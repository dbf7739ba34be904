import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {toSystemDetails} from '../../source/docker/system.js';
import {
	toContainerSummary,
	toDiskUsage,
	toNetworkSummary,
	toVolumes,
} from '../../source/docker/to-domain.js';
import {
	networkCreateBody,
	toNetworkDetails,
	toVolumeDetails,
} from '../../source/docker/volumes-networks.js';
import {initialState, type AppState} from '../../source/state/app-state.js';
import {
	checkCreateForm,
	createChoiceCycled,
	createDraftChanged,
	createFormOpened,
	refusalErrors,
	type CreateDialog,
	type CreateField,
} from '../../source/state/create-form.js';
import {formFocused, formFocusMoved} from '../../source/state/form.js';
import {confirmOpened} from '../../source/state/confirm-dialog.js';
import {
	confirmedTargets,
	refusalSummary,
} from '../../source/state/removal-refusal.js';
import {containersListed} from '../../source/state/updates.js';
import {
	networksListed,
	networkTargets,
	visibleNetworks,
	visibleVolumes,
	volumesListed,
	volumeTargets,
} from '../../source/state/volumes-networks.js';
import {
	fakeContainer,
	fakeNetwork,
	fakeVolume,
} from '../fakes/fake-docker-client.js';
import type {ConfirmDialog} from '../../source/state/confirmation.js';

function fixture(name: string): unknown {
	return JSON.parse(
		readFileSync(new URL(`../fixtures/api/${name}`, import.meta.url), 'utf8'),
	) as unknown;
}

const anonymous =
	'31a406a5672371883ec3bf68609470143b0de211d5deffede2f044051a60e067';

describe('mapping volumes, networks and the system from the engine', () => {
	it('maps the recorded volume list, telling anonymous volumes apart', () => {
		const volumes = toVolumes(fixture('docker-20.10-volumes.json'));
		assert.deepEqual(
			volumes.map(volume => [volume.name, volume.isAnonymous, volume.labels]),
			[
				['pgdata', false, {team: 'data'}],
				['v1', false, {}],
				[anonymous, true, {}],
				[
					'74553919e8af034f5d4b360471a593a87250d098b2f126791934492caad9064b',
					true,
					{},
				],
			],
		);
		const [pgdata] = volumes;
		assert.ok(pgdata);
		assert.equal(pgdata.createdAt, Date.parse('2026-11-28T07:51:15Z'));
		assert.equal(pgdata.size, undefined, 'the list measures nothing');
	});

	it('maps the recorded network list with scope, subnets and internal', () => {
		const networks = (fixture('docker-20.10-networks.json') as unknown[]).map(
			toNetworkSummary,
		);
		assert.deepEqual(
			networks.map(network => [
				network?.name,
				network?.driver,
				network?.scope,
				network?.subnets,
				network?.internal,
				network?.isBuiltIn,
			]),
			[
				['none', 'null', 'local', [], false, true],
				['host', 'host', 'local', [], false, true],
				['vn2', 'bridge', 'local', ['10.77.0.1/24'], true, false],
				['vn3', 'bridge', 'local', ['10.77.1.0/24'], true, false],
			],
		);
	});

	it('reads the volumes each container mounts, bind mounts left out', () => {
		const df = fixture('docker-20.10-system-df.json') as {
			Containers: unknown[];
		};
		const [c1, c2] = df.Containers.map(toContainerSummary);
		assert.deepEqual(c1?.volumes, [
			'74553919e8af034f5d4b360471a593a87250d098b2f126791934492caad9064b',
			'v1',
		]);
		assert.deepEqual(c2?.volumes, ['v1']);
		assert.deepEqual(
			toContainerSummary({
				Id: 'x',
				Mounts: [
					{Type: 'bind', Source: '/srv', Destination: '/srv'},
					{Type: 'volume', Name: 'data\u001B[31m'},
					'junk',
				],
			})?.volumes,
			['data'],
		);
	});

	it('reads the layer total and the volume usage of system df', () => {
		const usage = toDiskUsage(fixture('docker-20.10-system-df.json'));
		assert.equal(usage.layersSize, 1_982_256);
		assert.deepEqual(
			usage.volumes.map(volume => [volume.name, volume.size, volume.refCount]),
			[
				['v1', 300_000, 2],
				[anonymous, 0, 0],
				[
					'74553919e8af034f5d4b360471a593a87250d098b2f126791934492caad9064b',
					0,
					1,
				],
				['pgdata', 0, 0],
			],
		);
		assert.equal(toDiskUsage({}).layersSize, undefined);
	});

	it('maps docker version and docker info together', () => {
		const details = toSystemDetails(
			fixture('docker-20.10-version.json'),
			fixture('docker-20.10-info.json'),
		);
		assert.deepEqual(
			{...details, engine: undefined},
			{
				engine: undefined,
				minApiVersion: '1.12',
				hostname: 'vm',
				operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
				kernel: '6.18.44-fc-v857',
				cgroupDriver: 'cgroupfs',
				cgroupVersion: '1',
				storageDriver: 'overlay2',
				rootDir: '/tmp/dmt-vnx/data',
				cpus: 2,
				memory: 25_276_059_648,
				swarm: 'inactive',
				isSwarmManager: false,
				containers: {total: 2, running: 1, paused: 0, stopped: 1},
				images: 2,
				warnings: ['WARNING: IPv4 forwarding is disabled'],
			},
		);
		assert.equal(details.engine.version, '20.10.24+dfsg1');
		assert.equal(details.engine.apiVersion, '1.41');
	});

	it('survives answers with the wrong shapes', () => {
		const details = toSystemDetails(null, {NCPU: 'four', Swarm: []});
		assert.equal(details.cpus, 0);
		assert.equal(details.swarm, 'inactive');
		assert.deepEqual(details.warnings, []);
		assert.deepEqual(toVolumeDetails('x').labels, {});
		assert.deepEqual(toNetworkDetails({IPAM: {Config: 'no'}}).ipam, []);
	});

	it('maps a network inspect, naming its containers', () => {
		const details = toNetworkDetails({
			Name: 'backend',
			Id: 'n1',
			Driver: 'bridge',
			Scope: 'local',
			Internal: true,
			IPAM: {Config: [{Subnet: '10.9.0.0/24', Gateway: '10.9.0.1'}]},
			Containers: {
				abc: {Name: 'web', IPv4Address: '10.9.0.2/24', IPv6Address: ''},
				'0123456789abcdef': {IPv4Address: '10.9.0.3/24'},
			},
		});
		assert.deepEqual(details.ipam, [
			{subnet: '10.9.0.0/24', gateway: '10.9.0.1', ipRange: ''},
		]);
		assert.deepEqual(details.containers, [
			{name: '0123456789ab', ipv4: '10.9.0.3/24', ipv6: ''},
			{name: 'web', ipv4: '10.9.0.2/24', ipv6: ''},
		]);
	});

	it('asks for a subnet only when one is given', () => {
		assert.deepEqual(
			networkCreateBody({
				name: 'n',
				driver: 'bridge',
				subnet: undefined,
				internal: false,
			}),
			{Name: 'n', Driver: 'bridge', Internal: false, CheckDuplicate: true},
		);
		assert.deepEqual(
			networkCreateBody({
				name: 'n',
				driver: 'bridge',
				subnet: '10.1.0.0/16',
				internal: true,
			})['IPAM'],
			{Driver: 'default', Config: [{Subnet: '10.1.0.0/16'}]},
		);
	});
});

const running = fakeContainer({
	name: 'web',
	volumes: ['data'],
	networks: ['backend'],
});
const stopped = fakeContainer({
	name: 'job',
	state: 'exited',
	volumes: ['data', 'logs'],
	networks: ['jobs'],
});
const bridge = fakeNetwork({name: 'bridge'});
const backend = fakeNetwork({name: 'backend', subnets: ['10.9.0.0/24']});
const jobs = fakeNetwork({name: 'jobs'});
const idle = fakeNetwork({name: 'idle'});

function engineState(): AppState {
	return [
		containersListed([running, stopped], 0),
		volumesListed(
			[
				fakeVolume({name: 'logs'}),
				fakeVolume({name: 'b'.repeat(64), createdAt: 2}),
				fakeVolume({name: 'data'}),
				fakeVolume({name: 'c'.repeat(64), createdAt: 5}),
				fakeVolume({name: 'spare'}),
			],
			0,
		),
		networksListed([bridge, backend, jobs, idle], 0),
	].reduce(
		(state, update) => update(state),
		initialState({endpoint: 'x', readOnly: false, now: 0}),
	);
}

/** The confirm dialog `d` opens on `targets`, with force on or off. */
function removal(
	state: AppState,
	action: ConfirmDialog['action'],
	targets: ConfirmDialog['targets'],
	force = false,
): ConfirmDialog {
	const {dialog} = confirmOpened({action, targets})(state).ui;
	assert.ok(dialog?.kind === 'confirm');
	return {...dialog, force};
}

/** What stands against the removal, as the footer says it; undefined when all of it goes. */
function refusal(dialog: ConfirmDialog): string | undefined {
	return confirmedTargets(dialog).left.length === 0
		? undefined
		: refusalSummary(dialog);
}

describe('the Volumes and Networks lists', () => {
	const state = engineState();

	it('lists named volumes by name, then anonymous ones newest first', () => {
		assert.deepEqual(visibleVolumes(state.volumes.byId, ''), [
			'data',
			'logs',
			'spare',
			'c'.repeat(64),
			'b'.repeat(64),
		]);
		assert.deepEqual(visibleVolumes(state.volumes.byId, 'LOG'), ['logs']);
	});

	it('lists user networks by name and the engine’s own last; the filter reads subnets too', () => {
		assert.deepEqual(
			visibleNetworks(state.networks.byId, '').map(
				id => state.networks.byId.get(id)?.name,
			),
			['backend', 'idle', 'jobs', 'bridge'],
		);
		assert.deepEqual(visibleNetworks(state.networks.byId, '10.9'), [
			backend.id,
		]);
	});

	it('keeps the same list while nothing changed', () => {
		const again = volumesListed([...state.volumes.byId.values()], 9)(state);
		assert.equal(again, state);
	});
});

describe('removing volumes and networks', () => {
	const state = engineState();

	it('names every container that mounts a volume, running or not', () => {
		const targets = volumeTargets(state, ['data', 'spare', 'b'.repeat(64)]);
		assert.deepEqual(
			targets.map(target => [target.name, target.usedBy, target.runningUsers]),
			[
				['data', ['job', 'web'], ['web']],
				['spare', [], []],
				['bbbbbbbbbbbb (anonymous)', [], []],
			],
		);
	});

	it('refuses a volume in use, force or not, naming its users', () => {
		const targets = volumeTargets(state, ['data', 'spare']);
		const expected = 'data is used by job, web: remove them first';
		assert.equal(refusal(removal(state, 'remove-volumes', targets)), expected);
		assert.equal(
			refusal(removal(state, 'remove-volumes', targets, true)),
			expected,
		);
		assert.equal(
			refusal(
				removal(state, 'remove-volumes', volumeTargets(state, ['spare'])),
			),
			undefined,
		);
	});

	it('refuses the engine’s own networks and those with running containers attached', () => {
		const dialog = removal(
			state,
			'remove-networks',
			networkTargets(state, [bridge.id, idle.id]),
			true,
		);
		assert.equal(
			refusal(dialog),
			'bridge comes with the engine and cannot be removed',
		);
		// y removes the others of a mixed set, and leaves the refused one as it is.
		assert.deepEqual(
			confirmedTargets(dialog).going.map(target => target.name),
			['idle'],
		);
		assert.equal(
			refusal(
				removal(
					state,
					'remove-networks',
					networkTargets(state, [backend.id]),
					true,
				),
			),
			'backend has running web attached: stop or disconnect it first',
		);
	});

	it('removes a network only stopped containers are attached to when forced', () => {
		const targets = networkTargets(state, [jobs.id]);
		assert.equal(
			refusal(removal(state, 'remove-networks', targets)),
			'jobs is attached to stopped job: press f to force (it will not start without it)',
		);
		assert.equal(
			refusal(removal(state, 'remove-networks', targets, true)),
			undefined,
		);
		assert.equal(
			refusal(
				removal(state, 'remove-networks', networkTargets(state, [idle.id])),
			),
			undefined,
		);
	});
});

/** The open create form. */
function openForm(state: AppState): CreateDialog {
	const {dialog} = state.ui;
	assert.ok(dialog?.kind === 'create', 'the create form is open');
	return dialog;
}

/** The open create form with `field` focused. */
function focused(state: AppState, field: CreateField): AppState {
	const dialog = openForm(state);
	return {
		...state,
		ui: {
			...state.ui,
			dialog: {...dialog, form: formFocused(dialog.form, field)},
		},
	};
}

describe('the create form', () => {
	const state = engineState();

	function form(
		object: 'volume' | 'network',
		values: Partial<Record<'name' | 'driver' | 'subnet', string>>,
		internal = false,
	): CreateDialog {
		let next = createFormOpened(object)(state);
		for (const field of ['name', 'driver', 'subnet'] as const) {
			const value = values[field];
			if (value !== undefined) {
				next = createDraftChanged({insert: value})(
					createDraftChanged({delete: 'toStart'})(focused(next, field)),
				);
			}
		}

		if (internal) {
			next = createChoiceCycled(1)(focused(next, 'internal'));
		}

		return openForm(next);
	}

	it('opens with the default drivers and the fields of each object', () => {
		const volume = form('volume', {});
		assert.deepEqual(volume.form.fields, ['name', 'driver']);
		assert.equal(volume.form.values.driver, 'local');
		const network = form('network', {});
		assert.deepEqual(network.form.fields, [
			'name',
			'driver',
			'subnet',
			'internal',
		]);
		assert.equal(network.form.values.driver, 'bridge');
		assert.equal(formFocusMoved(network.form, -1).focused, 'internal');
	});

	it('creates a volume, named or not', () => {
		assert.deepEqual(
			checkCreateForm(state, form('volume', {name: ' cache '})),
			{
				ok: true,
				object: 'volume',
				volume: {name: 'cache', driver: 'local'},
				engine: undefined,
			},
		);
		assert.deepEqual(checkCreateForm(state, form('volume', {})), {
			ok: true,
			object: 'volume',
			volume: {name: '', driver: 'local'},
			engine: undefined,
		});
	});

	it('in a fleet, only a name taken on the form’s own engine is in the way', () => {
		const fleet = volumesListed(
			[
				fakeVolume({name: 'data', id: 'data~0', engine: 'lab'}),
				fakeVolume({name: 'data', id: 'data~1', engine: 'prod'}),
			],
			0,
		)(networksListed([{...backend, id: 'n~0', engine: 'lab'}], 0)(state));
		const onEngine = (
			object: 'volume' | 'network',
			name: string,
			engine: string,
		): CreateDialog => ({...form(object, {name}), engine});
		assert.deepEqual(
			checkCreateForm(fleet, onEngine('volume', 'data', 'lab')),
			{ok: false, errors: {name: 'volume data exists already'}},
		);
		assert.deepEqual(checkCreateForm(fleet, onEngine('volume', 'data', 'db')), {
			ok: true,
			object: 'volume',
			volume: {name: 'data', driver: 'local'},
			engine: 'db',
		});
		assert.ok(
			!checkCreateForm(fleet, onEngine('network', backend.name, 'lab')).ok,
		);
		assert.ok(
			checkCreateForm(fleet, onEngine('network', backend.name, 'prod')).ok,
		);
	});

	it('refuses a volume name the local driver would, or one taken', () => {
		for (const name of ['a', 'my volume', '-x', 'x/y']) {
			const request = checkCreateForm(state, form('volume', {name}));
			assert.ok(!request.ok && request.errors.name !== undefined, name);
		}

		assert.deepEqual(checkCreateForm(state, form('volume', {name: 'data'})), {
			ok: false,
			errors: {name: 'volume data exists already'},
		});
		assert.deepEqual(
			checkCreateForm(state, form('volume', {name: 'a b', driver: 'sshfs'})),
			{
				ok: true,
				object: 'volume',
				volume: {name: 'a b', driver: 'sshfs'},
				engine: undefined,
			},
			'another driver has its own rules',
		);
		assert.deepEqual(
			checkCreateForm(state, form('volume', {name: 'ok', driver: ' '})),
			{ok: false, errors: {driver: 'a driver is needed'}},
		);
	});

	it('creates a network with a checked subnet, internal when chosen', () => {
		assert.deepEqual(
			checkCreateForm(
				state,
				form('network', {name: 'front', subnet: '10.20.0.0/16'}, true),
			),
			{
				ok: true,
				object: 'network',
				network: {
					name: 'front',
					driver: 'bridge',
					subnet: '10.20.0.0/16',
					internal: true,
				},
				engine: undefined,
			},
		);
		assert.deepEqual(checkCreateForm(state, form('network', {name: 'x'})), {
			ok: true,
			object: 'network',
			network: {
				name: 'x',
				driver: 'bridge',
				subnet: undefined,
				internal: false,
			},
			engine: undefined,
		});
	});

	it('refuses a network without a name, with a taken one, or with a bad subnet', () => {
		assert.deepEqual(checkCreateForm(state, form('network', {})), {
			ok: false,
			errors: {name: 'a network needs a name'},
		});
		assert.deepEqual(
			checkCreateForm(state, form('network', {name: 'backend'})),
			{ok: false, errors: {name: 'network backend exists already'}},
		);
		assert.deepEqual(
			checkCreateForm(
				state,
				form('network', {name: 'front', subnet: '10.20.0.1/16'}),
			),
			{
				ok: false,
				errors: {
					subnet: '10.20.0.1/16 has host bits set: the subnet is 10.20.0.0/16',
				},
			},
		);
	});

	it('a yes/no field takes no typing', () => {
		const next = createDraftChanged({insert: 'x'})(
			focused(createFormOpened('network')(state), 'internal'),
		);
		assert.equal(openForm(next).form.values.internal, 'no');
	});

	it('puts the engine’s refusal on the field it is about', () => {
		assert.deepEqual(
			refusalErrors(
				'network',
				'Pool overlaps with other one on this address space',
			),
			{subnet: 'Pool overlaps with other one on this address space'},
		);
		assert.deepEqual(refusalErrors('volume', 'plugin "nosuch" not found'), {
			driver: 'plugin "nosuch" not found',
		});
		assert.deepEqual(refusalErrors('volume', 'invalid address'), {
			name: 'invalid address',
		});
	});
});
