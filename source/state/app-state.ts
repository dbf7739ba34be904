import type {
	ContainerSummary,
	EngineInfo,
	ImageSummary,
} from '../docker/docker-client.js';

/** The list panes, in the order `Tab` and the number keys visit them. */
export const panes = ['containers', 'images'] as const;
export type Pane = (typeof panes)[number];

/** The state of the engine connection, as the header shows it. */
export type Connection =
	| {readonly status: 'connecting'}
	| {readonly status: 'up'}
	| {readonly status: 'down'; readonly error: string; readonly retryAt: number};

/** What sits on top of the panes; one at a time. */
export type Dialog =
	{readonly kind: 'help'} | {readonly kind: 'filter'; readonly draft: string};

/** A list loaded from the engine, keyed by id. `loaded` is false until the first answer. */
export type Collection<T> = {
	readonly byId: ReadonlyMap<string, T>;
	readonly loaded: boolean;
	/** When the engine produced this list: its status texts are as of this time. */
	readonly listedAt: number;
};

export type UiState = {
	readonly focus: Pane;
	/** False shows running containers only. */
	readonly showAll: boolean;
	readonly filters: Readonly<Record<Pane, string>>;
	/** Selection is kept by id, so re-sorts and removals never move the cursor to another item. */
	readonly selection: Readonly<Record<Pane, string | undefined>>;
	readonly dialog: Dialog | undefined;
};

export type AppState = {
	/** Where we are connected, for the header. */
	readonly endpoint: string;
	readonly engine: EngineInfo | undefined;
	readonly connection: Connection;
	readonly containers: Collection<ContainerSummary>;
	readonly images: Collection<ImageSummary>;
	readonly ui: UiState;
	readonly readOnly: boolean;
	/** The time the view shows ages against; advanced by a slow tick, not per render. */
	readonly clock: number;
};

/** The state before the engine has answered. */
export function initialState(options: {
	endpoint: string;
	readOnly: boolean;
	now: number;
}): AppState {
	return {
		endpoint: options.endpoint,
		engine: undefined,
		connection: {status: 'connecting'},
		containers: {byId: new Map(), loaded: false, listedAt: options.now},
		images: {byId: new Map(), loaded: false, listedAt: options.now},
		ui: {
			focus: 'containers',
			showAll: true,
			filters: {containers: '', images: ''},
			selection: {containers: undefined, images: undefined},
			dialog: undefined,
		},
		readOnly: options.readOnly,
		clock: options.now,
	};
}
