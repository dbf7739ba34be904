// Each feature's dialog, added to the core's `Dialogs` by kind. The core names no feature and no
// feature imports this module, so the features depend on the core and never the other way; the
// compiler still sees every kind in `Dialog`, and tables keyed by `Dialog['kind']` stay exhaustive.
// Nothing imports this file: it is types only, and the compiler reads it with the rest of source/.

import type {BuildDialog} from './build-form.js';
import type {ComposeDownDialog, ComposeOutputDialog} from './compose-state.js';
import type {ConfirmDialog} from './confirmation.js';
import type {CreateDialog} from './create-form.js';
import type {DetailsDialog} from './details.js';
import type {EngineChoiceDialog} from './engine-choice.js';
import type {FilesDialog} from './files-view.js';
import type {HostsDialog} from './hosts-dialog.js';
import type {LogsDialog} from './logs-dialog.js';
import type {PaletteDialog} from './palette.js';
import type {ProcessesDialog} from './processes-view.js';
import type {PruneDialog} from './prune-dialog.js';
import type {PullDialog} from './pull-dialog.js';
import type {RunDialog} from './run-form.js';
import type {ScaleDialog, SwarmConfirmDialog} from './swarm-state.js';
import type {TextDialog} from './text-dialog.js';

declare module './app-state.js' {
	// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merges into the core's interface
	interface Dialogs {
		confirm: ConfirmDialog;
		prune: PruneDialog;
		logs: LogsDialog;
		details: DetailsDialog;
		'compose-down': ComposeDownDialog;
		'compose-output': ComposeOutputDialog;
		scale: ScaleDialog;
		'swarm-confirm': SwarmConfirmDialog;
		create: CreateDialog;
		hosts: HostsDialog;
		'engine-choice': EngineChoiceDialog;
		pull: PullDialog;
		run: RunDialog;
		build: BuildDialog;
		text: TextDialog;
		files: FilesDialog;
		processes: ProcessesDialog;
		palette: PaletteDialog;
	}
}
