import type {RunDialog as Dialog, RunField} from '../../state/run-form.js';
import {shortId} from '../../format/units.js';
import {onEngineText} from '../../state/engine-choice.js';
import {FormDialog, type FieldLabel} from '../components/form-fields.js';
import type {DialogProps} from '../components/dialog-frame.js';

type Props = DialogProps<Dialog>;

const labels: Readonly<Record<RunField, FieldLabel>> = {
	name: {label: 'Name', placeholder: 'empty: the engine picks one'},
	command: {label: 'Command', placeholder: "empty: the image's own"},
	env: {
		label: 'Env',
		placeholder: 'KEY=VALUE … (quote a value with spaces)',
	},
	ports: {label: 'Ports', placeholder: 'e.g. 8080:80 127.0.0.1:5353:53/udp'},
	memory: {label: 'Memory', placeholder: 'e.g. 64m or 1g; empty: no limit'},
	cpus: {label: 'CPUs', placeholder: 'e.g. 0.5; empty: no limit'},
	restart: {
		label: 'Restart',
		placeholder: 'Space changes; on-failure:N retries N times',
		isChoice: true,
	},
	interactive: {
		label: 'Interactive',
		placeholder: 'yes: a terminal in it, like docker run -it',
		isChoice: true,
	},
};

/** `n` on an image: `docker run` as a form, each field checked before anything is created. */
export function RunDialog({dialog, width, height}: Props) {
	return (
		<FormDialog
			// An image without a tag by its short id, as its row shows it: the engine stays in sight.
			title={`Run a container of ${dialog.image.startsWith('sha256:') ? shortId(dialog.image) : dialog.image}${onEngineText(dialog.engine)}`}
			width={width}
			height={height}
			form={dialog.form}
			labels={labels}
			verb="run"
			busyText={dialog.isCreating ? 'creating…' : undefined}
		/>
	);
}
