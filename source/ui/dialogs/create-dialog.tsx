import type {
	CreateDialog as Dialog,
	CreateField,
} from '../../state/create-form.js';
import {FormDialog, type FieldLabel} from '../components/form-fields.js';
import {onEngineText} from '../../state/engine-choice.js';
import type {DialogProps} from '../components/dialog-frame.js';

type Props = DialogProps<Dialog>;

const volumeLabels: Readonly<Record<CreateField, FieldLabel>> = {
	name: {label: 'Name', placeholder: 'empty: the engine names it'},
	driver: {label: 'Driver', placeholder: 'local, or a volume plugin'},
	subnet: {label: 'Subnet', placeholder: ''},
	internal: {label: 'Internal', placeholder: ''},
};

const networkLabels: Readonly<Record<CreateField, FieldLabel>> = {
	name: {label: 'Name', placeholder: 'e.g. backend'},
	driver: {label: 'Driver', placeholder: 'bridge, macvlan, overlay…'},
	subnet: {
		label: 'Subnet',
		placeholder: 'e.g. 10.10.0.0/24; empty: the engine picks one',
	},
	internal: {
		label: 'Internal',
		placeholder: 'Space changes; yes: no route out of the host',
		isChoice: true,
	},
};

/** `n` on the Volumes or Networks pane: `docker volume create` or `docker network create` as a form. */
export function CreateDialog({dialog, width, height}: Props) {
	return (
		<FormDialog
			title={`Create a ${dialog.object}${onEngineText(dialog.engine)}`}
			width={width}
			height={height}
			form={dialog.form}
			labels={dialog.object === 'volume' ? volumeLabels : networkLabels}
			verb="create"
			busyText={dialog.isCreating ? 'creating…' : undefined}
		/>
	);
}
