/**
 * A form of text fields edited through the keymap (typed text goes to the focused field), with
 * an error per field that the validation sets and editing that field clears.
 */
export type Form<F extends string> = {
	/** In the order Tab visits them. */
	readonly fields: readonly F[];
	readonly values: Readonly<Record<F, string>>;
	readonly focused: F;
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
	return {fields, values, focused: first, errors};
}

/** Focus on the next (1) or previous (-1) field, wrapping around. */
export function formFocusMoved<F extends string>(
	form: Form<F>,
	step: 1 | -1,
): Form<F> {
	const index = form.fields.indexOf(form.focused);
	const count = form.fields.length;
	const focused = form.fields[(index + step + count) % count] ?? form.focused;
	return {...form, focused};
}

/** Focus on `field`, e.g. the first one with an error. */
export function formFocused<F extends string>(
	form: Form<F>,
	field: F,
): Form<F> {
	return {...form, focused: field};
}

/** The focused field's value changed; its error goes, being about the old value. */
export function formEdited<F extends string>(
	form: Form<F>,
	change: (value: string) => string,
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
		values: {...form.values, [field]: change(form.values[field])},
		errors,
	};
}

/** The validation's verdict: errors by field, the focus on the first of them. */
export function formChecked<F extends string>(
	form: Form<F>,
	errors: Readonly<Partial<Record<F, string>>>,
): Form<F> {
	const first = form.fields.find(field => errors[field] !== undefined);
	return {...form, errors, focused: first ?? form.focused};
}

export function isLastField<F extends string>(form: Form<F>): boolean {
	return form.fields.at(-1) === form.focused;
}
