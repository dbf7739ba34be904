import type {AppState} from './app-state.js';
import type {LeftAsIs} from './container-lifecycle.js';
import {pronoun, volumeNetworkRefusal} from './volumes-networks.js';
import type {ConfirmDialog, Refusal, Target} from './confirmation.js';

/**
 * Why the engine would refuse `action` on one target (without force, or at all), or undefined
 * when it would not: the engine's own rules, checked before it is asked.
 */
function targetRefusal(
	state: AppState,
	action: ConfirmDialog['action'],
	target: Target,
): Refusal | undefined {
	switch (action) {
		case 'kill': {
			return target.isRunning
				? undefined
				: {
						reason: `(${target.state ?? 'stopped'}) is not running: left as is`,
						forcible: false,
					};
		}

		case 'remove-containers': {
			return target.isRunning
				? {
						reason: `is ${target.state ?? 'running'}: stop it first, or press f to force`,
						forcible: true,
					}
				: undefined;
		}

		case 'remove-images': {
			// The engine refuses even a forced removal of an image a running container uses.
			if (target.runningUsers.length > 0) {
				return {
					reason: `is used by running ${target.runningUsers.join(', ')}: stop and remove ${pronoun(target.runningUsers)} first`,
					forcible: false,
				};
			}

			return target.usedBy.length > 0
				? {
						reason: `is used by ${target.usedBy.join(', ')}: press f to force`,
						forcible: true,
					}
				: undefined;
		}

		case 'remove-volumes':
		case 'remove-networks': {
			return volumeNetworkRefusal(state, action, target);
		}
	}
}

/** The refusals a confirm dialog opens with, by target id. */
export function refusalsOf(
	state: AppState,
	action: ConfirmDialog['action'],
	targets: readonly Target[],
): ReadonlyMap<string, Refusal> {
	return new Map(
		targets.flatMap(target => {
			const refusal = targetRefusal(state, action, target);
			return refusal === undefined ? [] : [[target.id, refusal] as const];
		}),
	);
}

/** The refusal that stands against a target in the dialog as it is: force lifts those it may. */
export function standingRefusal(
	dialog: ConfirmDialog,
	target: Target,
): Refusal | undefined {
	const refusal = dialog.refusals.get(target.id);
	return refusal?.forcible === true && dialog.force ? undefined : refusal;
}

/** What `y` acts on, and the targets it leaves as they are. */
export function confirmedTargets(dialog: ConfirmDialog): {
	readonly going: readonly Target[];
	readonly left: readonly LeftAsIs[];
} {
	const why = dialog.action === 'kill' ? 'not running' : 'refused';
	return {
		going: dialog.targets.filter(
			target => standingRefusal(dialog, target) === undefined,
		),
		left: dialog.targets
			.filter(target => standingRefusal(dialog, target) !== undefined)
			.map(target => ({target, why})),
	};
}

/** `web is running: press f…; db is…`: every refusal standing in the dialog, for the footer. */
export function refusalSummary(dialog: ConfirmDialog): string {
	return dialog.targets
		.flatMap(target => {
			const refusal = standingRefusal(dialog, target);
			return refusal === undefined ? [] : [`${target.name} ${refusal.reason}`];
		})
		.join('; ');
}
