import {Text} from 'ink';
import {shortId} from '../../format/units.js';
import type {
	BuildDialog as Dialog,
	BuildField,
} from '../../state/build-form.js';
import type {DialogProps} from '../components/dialog-frame.js';
import {FormDialog, type FieldLabel} from '../components/form-fields.js';
import {onEngineText} from '../../state/engine-choice.js';
import {theme} from '../theme.js';
import {TextView} from '../viewer/text-view.js';
import {
	outputNotes,
	plainContent,
	viewerSize,
} from '../viewer/viewer-content.js';

type Props = DialogProps<Dialog>;

const labels: Readonly<Record<BuildField, FieldLabel>> = {
	context: {
		label: 'Context',
		placeholder: 'the folder sent to the engine, less its .dockerignore',
	},
	dockerfile: {label: 'Dockerfile', placeholder: 'its path in the context'},
	tag: {label: 'Tag', placeholder: 'e.g. myapp:1; empty: untagged'},
};

function outcome(dialog: Dialog) {
	switch (dialog.stage) {
		case 'building': {
			return <Text color={theme.pending}>building… </Text>;
		}

		case 'done': {
			return (
				<Text color={theme.status.ok}>
					✓ built{' '}
					{dialog.form.values.tag.trim() ||
						(dialog.imageId === undefined ? '' : shortId(dialog.imageId))}{' '}
				</Text>
			);
		}

		case 'failed': {
			return (
				<Text bold color={theme.status.error}>
					✕ {dialog.error}{' '}
				</Text>
			);
		}

		case 'form': {
			return null;
		}
	}
}

/** `b`: the build's context, Dockerfile and tag; then its output, live. */
export function BuildDialog({dialog, width, height}: Props) {
	if (dialog.stage === 'form') {
		return (
			<FormDialog
				title={`Build an image${onEngineText(dialog.engine)}`}
				width={width}
				height={height}
				form={dialog.form}
				labels={labels}
				verb="build"
			/>
		);
	}

	const tag = dialog.form.values.tag.trim();
	const {viewer} = dialog;
	return (
		<TextView
			title={`Build ${tag === '' ? dialog.form.values.context : tag}${onEngineText(dialog.engine)}`}
			width={width}
			height={height}
			viewer={viewer}
			content={plainContent(dialog.output, {
				...viewerSize(width, height, 1),
				wrap: viewer.wrap,
			})}
			below={<Text wrap="truncate-end">{outcome(dialog)}</Text>}
			status={() => [
				...outputNotes(dialog.dropped, viewer),
				dialog.stage === 'building'
					? 'Esc calls off the build'
					: 'Esc closes · b back to the form',
			]}
		/>
	);
}
