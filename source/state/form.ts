import {
	lineEdited,
	textField,
	type LineEdit,
	type TextField,
} from './text-field.js';

/**
 * A form of text fields edited through the keymap (typed text goes to the focused field), with
 * an error per field that the validation sets and editing that field clears.
 */
export type Form<F extends string> = {
	/** In the order Tab visits them. */
	readonly fields: readonly F[];
	readonly values: Readonly<Record<F, string>>;
	readonly focused: F;
	/** The cursor in the focused field's value; it goes to the end of a field as it gains focus. */
	readonly cursor: number;
	readonly errors: Readonly<Partial<Record<F, string>>>;
};

export function createForm<F extends string>(
	fields: readonly F[],
	values: Readonly<Record<F, string>>,
): Form<F> {
	const [first] = fields;
	if (first === undefined) {
		throw new Error('a form needs a field');
	}

	const errors: Partial<Record<F, string>> = {};
	return {fields, values, ...focusedOn(values, first), errors};
}

/** The focus on `field`, the cursor after its value. */
function focusedOn<F extends string>(
	values: Readonly<Record<F, string>>,
	field: F,
): {readonly focused: F; readonly cursor: number} {
	return {focused: field, cursor: textField(values[field]).cursor};
}

/** The focused field's line: its value and the cursor in it. */
export function focusedLine<F extends string>(form: Form<F>): TextField {
	return {text: form.values[form.focused], cursor: form.cursor};
}

/** Focus on the next (1) or previous (-1) field, wrapping around. */
export function formFocusMoved<F extends string>(
	form: Form<F>,
	step: 1 | -1,
): Form<F> {
	const index = form.fields.indexOf(form.focused);
	const count = form.fields.length;
	const focused = form.fields[(index + step + count) % count] ?? form.focused;
	return {...form, ...focusedOn(form.values, focused)};
}

/** Focus on `field`, e.g. the first one with an error. */
export function formFocused<F extends string>(
	form: Form<F>,
	field: F,
): Form<F> {
	return field === form.focused
		? form
		: {...form, ...focusedOn(form.values, field)};
}

/** A line edit in the focused field; its error goes, being about the old value. */
export function formEdited<F extends string>(
	form: Form<F>,
	edit: LineEdit,
): Form<F> {
	return withFocusedLine(form, lineEdited(focusedLine(form), edit));
}

/** The focused field's value replaced (a choice picked from its list), the cursor after it. */
export function formValueChanged<F extends string>(
	form: Form<F>,
	change: (value: string) => string,
): Form<F> {
	return withFocusedLine(form, textField(change(form.values[form.focused])));
}

/** The focused field's line is now `line`; its error goes, being about the old value. */
function withFocusedLine<F extends string>(
	form: Form<F>,
	line: TextField,
): Form<F> {
	const field = form.focused;
	const errors: Partial<Record<F, string>> = {};
	for (const other of form.fields) {
		const error = form.errors[other];
		if (other !== field && error !== undefined) {
			errors[other] = error;
		}
	}

	return {
		...form,
		values: {...form.values, [field]: line.text},
		cursor: line.cursor,
		errors,
	};
}

/** The validation's verdict: errors by field, the focus on the first of them. */
export function formChecked<F extends string>(
	form: Form<F>,
	errors: Readonly<Partial<Record<F, string>>>,
): Form<F> {
	const first = form.fields.find(field => errors[field] !== undefined);
	return {...formFocused(form, first ?? form.focused), errors};
}

export function isLastField<F extends string>(form: Form<F>): boolean {
	return form.fields.at(-1) === form.focused;
}
