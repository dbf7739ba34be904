import type {Services} from '../runtime/services.js';

/** What a handler may use: the services, and the height of a page in the focused list. */
export type HandlerContext = {
	readonly services: Services;
	readonly pageSize: number;
	/** The key that invoked the command, as a chord (`q`, `ctrl+c`). */
	readonly chord: string;
};
