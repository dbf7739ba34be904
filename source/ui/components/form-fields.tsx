import {Box, Text} from 'ink';
import {focusedLine, type Form} from '../../state/form.js';
import {cellWidth, fit} from '../format/cells.js';
import {DialogFrame} from './dialog-frame.js';
import {LineWithCursor} from './typed-line.js';
import {theme} from '../theme.js';

/** How a field is labelled and what an empty one means. */
export type FieldLabel = {
	readonly label: string;
	readonly placeholder: string;
	/** Picked from a list with Space or the arrows, rather than only typed. */
	readonly isChoice?: boolean;
};

type Props<F extends string> = {
	readonly form: Form<F>;
	readonly labels: Readonly<Record<F, FieldLabel>>;
	/** Rows the fields may take; where their problems would not fit underneath, each goes on its field's line. */
	readonly rows: number;
};

/**
 * The fields of a form, one a line: the focused one with a cursor, an empty one with what it
 * means, a wrong one with its problem underneath, or after it when the problems would not all fit
 * underneath (a field pushed out of sight could not be seen or fixed).
 */
export function FormFields<F extends string>({form, labels, rows}: Props<F>) {
	const labelWidth =
		Math.max(...form.fields.map(field => cellWidth(labels[field].label))) + 2;
	const problems = form.fields.filter(
		field => form.errors[field] !== undefined,
	).length;
	const isInline = form.fields.length + problems > rows;
	return (
		<Box flexDirection="column" marginTop={1}>
			{form.fields.map(field => {
				const {label, placeholder, isChoice} = labels[field];
				const isFocused = field === form.focused;
				const value = form.values[field];
				const error = form.errors[field];
				const labelText = (
					<Text
						bold={isFocused}
						{...(isFocused ? {color: theme.text.accent} : {})}
					>
						{isFocused ? '› ' : '  '}
						{fit(label, labelWidth)}
					</Text>
				);
				const inlineError =
					error !== undefined && isInline ? (
						<Text color={theme.status.error} wrap="truncate-end">
							{' '}
							✕ {error}
						</Text>
					) : null;
				return (
					<Box key={field} flexDirection="column">
						{isFocused && isChoice !== true ? (
							// A row of boxes, so that a value wider than its room gives way around the cursor.
							<Box height={1}>
								<Box flexShrink={0}>{labelText}</Box>
								<LineWithCursor line={focusedLine(form)} />
								{value === '' && placeholder !== '' ? (
									<Box flexBasis={0} flexGrow={1}>
										<Text color={theme.text.dim} wrap="truncate-end">
											{placeholder}
										</Text>
									</Box>
								) : null}
								{inlineError === null ? null : (
									// The problem takes the room the value leaves.
									<Box flexBasis={0} flexGrow={1}>
										{inlineError}
									</Box>
								)}
							</Box>
						) : (
							<Text wrap="truncate-end">
								{labelText}
								{isChoice === true ? <Text color={theme.key}>‹ </Text> : null}
								{value}
								{isChoice === true ? <Text color={theme.key}> ›</Text> : null}
								{(value === '' || (isChoice === true && isFocused)) &&
								placeholder !== '' ? (
									<Text color={theme.text.dim}>
										{value === '' ? '' : '  '}
										{placeholder}
									</Text>
								) : null}
								{inlineError}
							</Text>
						)}
						{error === undefined || isInline ? null : (
							<Text color={theme.status.error} wrap="truncate-end">
								{' '.repeat(labelWidth + 2)}✕ {error}
							</Text>
						)}
					</Box>
				);
			})}
		</Box>
	);
}

/** Rows of a form dialog that are not fields: two borders, the title, the gap above the fields, the keys. */
const formChromeRows = 5;

type DialogProps<F extends string> = Omit<Props<F>, 'rows'> & {
	readonly title: string;
	readonly width: number;
	readonly height: number;
	/** What Ctrl+G (or Enter on the last field) does, e.g. `create`. */
	readonly verb: string;
	/** Shown instead of the keys while the form's command runs. */
	readonly busyText?: string | undefined;
};

/** A dialog that is a form: its fields, and the keys that move through it and submit it. */
export function FormDialog<F extends string>({
	title,
	width,
	height,
	form,
	labels,
	verb,
	busyText,
}: DialogProps<F>) {
	return (
		<DialogFrame title={title} width={width} height={height}>
			<FormFields form={form} labels={labels} rows={height - formChromeRows} />
			<Box flexGrow={1} />
			{busyText === undefined ? (
				<Text wrap="truncate-end" color={theme.text.dim}>
					<Text color={theme.key}>Tab</Text>/<Text color={theme.key}>↑↓</Text>{' '}
					field · <Text color={theme.key}>Enter</Text> next, on the last: {verb}{' '}
					· <Text color={theme.key}>Ctrl+G</Text> {verb} ·{' '}
					<Text color={theme.key}>Esc</Text> cancel
				</Text>
			) : (
				<Text color={theme.pending}>{busyText}</Text>
			)}
		</DialogFrame>
	);
}
