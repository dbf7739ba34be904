/** The endpoint settings are wrong; `message` is one line that names the flag, variable or file at fault. */
export class EndpointError extends Error {
	override readonly name = 'EndpointError';

	constructor(
		message: string,
		/** The fault is in `--host` itself: a usage error rather than a setting elsewhere. */
		readonly isFlagFault = false,
	) {
		super(message);
	}
}

/** A variable or setting that is set to something: empty counts as unset, as in the docker CLI. */
export function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}
