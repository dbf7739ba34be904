import type {NetworkCreation, VolumeCreation} from '../docker/docker-client.js';
import type {AppState, Update} from './app-state.js';
import {checkSubnet} from './cidr.js';
import {updateDialog, dialogOpened} from './dialog-slot.js';
import type {LineEdit} from './text-field.js';
import {
	createForm,
	formChecked,
	formEdited,
	formValueChanged,
	type Form,
} from './form.js';
import {nextChoice, type Choices} from './run-form.js';

/** What `n` creates on the Volumes and Networks panes. */
export type CreateObject = 'volume' | 'network';

export type CreateField = 'name' | 'driver' | 'subnet' | 'internal';

/** The form `n` opens: `docker volume create` or `docker network create`, checked before anything is created. */
export type CreateDialog = {
	readonly kind: 'create';
	readonly object: CreateObject;
	readonly form: Form<CreateField>;
	/** The engine is creating it: keys wait. */
	readonly isCreating: boolean;
	/** In a fleet, the engine it is created on. */
	readonly engine: string | undefined;
};

/** The fields of each form, in Tab order. */
const formFields: Readonly<Record<CreateObject, readonly CreateField[]>> = {
	volume: ['name', 'driver'],
	network: ['name', 'driver', 'subnet', 'internal'],
};

const defaultDrivers: Readonly<Record<CreateObject, string>> = {
	volume: 'local',
	network: 'bridge',
};

/** Fields picked from a list with Space rather than typed. */
export const createChoices: Readonly<Partial<Record<CreateField, Choices>>> = {
	internal: {values: ['no', 'yes'], isTyped: false},
};

/** The create form of `object`, on the fleet's engine `engine` if given. */
export function createFormOpened(
	object: CreateObject,
	engine?: string,
): Update {
	return dialogOpened({
		kind: 'create',
		object,
		form: createForm(formFields[object], {
			name: '',
			driver: defaultDrivers[object],
			subnet: '',
			internal: 'no',
		}),
		isCreating: false,
		engine,
	});
}

/** Text typed, deleted or cleared in the focused field; a choice that is only picked takes none. */
export function createDraftChanged(edit: LineEdit): Update {
	return updateDialog('create', dialog =>
		dialog.isCreating || createChoices[dialog.form.focused]?.isTyped === false
			? dialog
			: {...dialog, form: formEdited(dialog.form, edit)},
	);
}

/** The check's (or the engine's) verdict on the fields; the form is editable again. */
export function createChecked(
	errors: Readonly<Partial<Record<CreateField, string>>>,
): Update {
	return updateDialog('create', dialog => ({
		...dialog,
		form: formChecked(dialog.form, errors),
		isCreating: false,
	}));
}

export const createStarted: Update = updateDialog('create', dialog => ({
	...dialog,
	isCreating: true,
}));

/** What the form asks the engine for, or what is wrong with it. */
export type CreateRequest =
	| {
			readonly ok: true;
			readonly object: 'volume';
			readonly volume: VolumeCreation;
			readonly engine: string | undefined;
	  }
	| {
			readonly ok: true;
			readonly object: 'network';
			readonly network: NetworkCreation;
			readonly engine: string | undefined;
	  }
	| {
			readonly ok: false;
			readonly errors: Readonly<Partial<Record<CreateField, string>>>;
	  };

/** A request the form's check let through. */
export type CreateOrder = Extract<CreateRequest, {readonly ok: true}>;

/** The local volume driver's rule for names (longer than one character). */
const localVolumeName = /^[a-zA-Z\d][\w.-]+$/;

/** Docker's plugin references: `local`, `vieux/sshfs:latest`. */
const driverName = /^[\w.\-/:]+$/;

function refused(
	field: CreateField,
	problem: string,
): Extract<CreateRequest, {ok: false}> {
	return {ok: false, errors: {[field]: problem}};
}

/**
 * Checks the form before anything is created: the engine's rules for names and drivers, a
 * subnet the engine will take as typed, and no clash with a volume or network listed already
 * (the engine would hand back the existing volume, or refuse the network).
 */
export function checkCreateForm(
	state: AppState,
	dialog: CreateDialog,
): CreateRequest {
	const {values} = dialog.form;
	const {engine} = dialog;
	const name = values.name.trim();
	const driver = values.driver.trim();
	if (!driverName.test(driver)) {
		return refused(
			'driver',
			driver === '' ? 'a driver is needed' : `"${driver}" is not a driver name`,
		);
	}

	if (dialog.object === 'volume') {
		if (name !== '' && driver === 'local' && !localVolumeName.test(name)) {
			return refused(
				'name',
				'two or more of letters, digits, _ . - (starting with a letter or digit)',
			);
		}

		// In a fleet, only a volume of the same engine is in the way.
		return [...state.volumes.byId.values()].some(
			volume => volume.name === name && volume.engine === engine,
		)
			? refused('name', `volume ${name} exists already`)
			: {ok: true, object: 'volume', volume: {name, driver}, engine};
	}

	if (name === '') {
		return refused('name', 'a network needs a name');
	}

	if (
		[...state.networks.byId.values()].some(
			network => network.name === name && network.engine === engine,
		)
	) {
		return refused('name', `network ${name} exists already`);
	}

	const subnetText = values.subnet.trim();
	const subnet = subnetText === '' ? undefined : checkSubnet(subnetText);
	if (subnet?.ok === false) {
		return refused('subnet', subnet.error);
	}

	return {
		ok: true,
		object: 'network',
		network: {
			name,
			driver,
			subnet: subnet?.cidr,
			internal: values.internal === 'yes',
		},
		engine,
	};
}

/**
 * The field an engine's refusal is about, judged by its words (the name when they say nothing),
 * kept to the fields the form has.
 */
export function refusalErrors(
	object: CreateObject,
	error: string,
): Partial<Record<CreateField, string>> {
	const field: CreateField = /plugin|driver/i.test(error)
		? 'driver'
		: /subnet|pool|overlap|address|cidr/i.test(error)
			? 'subnet'
			: 'name';
	return {[formFields[object].includes(field) ? field : 'name']: error};
}

/** Space on a choice field: its next (or previous) value. */
export function createChoiceCycled(step: 1 | -1): Update {
	return updateDialog('create', dialog => {
		const choices = createChoices[dialog.form.focused];
		return choices === undefined || dialog.isCreating
			? dialog
			: {
					...dialog,
					form: formValueChanged(dialog.form, value =>
						nextChoice(choices, value, step),
					),
				};
	});
}
