import {Box, Text} from 'ink';
import {shortId} from '../../format/units.js';
import type {
	BuildDialog as Dialog,
	BuildField,
} from '../../state/build-form.js';
import {DialogFrame, type DialogProps} from '../components/dialog-frame.js';
import {FormDialog, type FieldLabel} from '../components/form-fields.js';
import {theme} from '../theme.js';

type Props = DialogProps<Dialog>;

const labels: Readonly<Record<BuildField, FieldLabel>> = {
	context: {
		label: 'Context',
		placeholder: 'the folder sent to the engine, less its .dockerignore',
	},
	dockerfile: {label: 'Dockerfile', placeholder: 'its path in the context'},
	tag: {label: 'Tag', placeholder: 'e.g. myapp:1; empty: untagged'},
};

/** Rows of the output view that are not output: frame, title, outcome, foot. */
const chromeRows = 5;

function Output({
	dialog,
	height,
}: {
	readonly dialog: Dialog;
	readonly height: number;
}) {
	const rows = Math.max(1, height - chromeRows);
	const end = dialog.output.length - dialog.scroll;
	const first = Math.max(0, end - rows);
	return (
		<Box flexDirection="column" height={rows}>
			{dialog.output.slice(first, end).map((line, index) => (
				// A line's number since the build began is its identity.
				<Text key={dialog.dropped + first + index} wrap="truncate-end">
					{line}
				</Text>
			))}
		</Box>
	);
}

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
				title="Build an image"
				width={width}
				height={height}
				form={dialog.form}
				labels={labels}
				verb="build"
			/>
		);
	}

	const tag = dialog.form.values.tag.trim();
	return (
		<DialogFrame
			title={`Build ${tag === '' ? dialog.form.values.context : tag}`}
			width={width}
			height={height}
		>
			<Output dialog={dialog} height={height} />
			<Text wrap="truncate-end">{outcome(dialog)}</Text>
			<Text wrap="truncate-end" color={theme.text.dim}>
				{dialog.dropped > 0 ? `(${dialog.dropped} older lines dropped) ` : ''}
				{dialog.scroll > 0 ? 'scrolled back (G follows) · ' : ''}
				<Text color={theme.key}>j/k</Text> scroll ·{' '}
				<Text color={theme.key}>Esc</Text>{' '}
				{dialog.stage === 'building' ? 'calls off the build' : 'closes'}
				{dialog.stage === 'building' ? '' : ' · '}
				{dialog.stage === 'building' ? null : (
					<>
						<Text color={theme.key}>b</Text> back to the form
					</>
				)}
			</Text>
		</DialogFrame>
	);
}
