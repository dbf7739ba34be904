import type {AppState, ConfirmDialog} from './app-state.js';
import {pronoun, volumeNetworkRefusal} from './volumes-networks.js';

/**
 * Why a confirmed removal cannot go ahead (without force, or at all), or undefined when it can:
 * the engine's own rules, checked before it is asked.
 */
export function removalRefusal(
	state: AppState,
	dialog: ConfirmDialog,
): string | undefined {
	if (dialog.action === 'remove-containers' && !dialog.force) {
		const running = dialog.targets
			.filter(target => target.isRunning)
			.map(target => target.name);
		return running.length === 0
			? undefined
			: `${running.join(', ')} ${running.length === 1 ? 'is' : 'are'} running: press f to force the removal (which stops ${pronoun(running)}), or stop first`;
	}

	if (dialog.action === 'remove-images') {
		// The engine refuses even a forced removal of an image a running container uses.
		const blocked = dialog.targets.filter(
			target => target.runningUsers.length > 0,
		);
		if (blocked.length > 0) {
			return `${blocked.map(target => `${target.name} is used by running ${target.runningUsers.join(', ')}`).join('; ')}: stop and remove ${pronoun(blocked.flatMap(target => target.runningUsers))} first`;
		}

		if (dialog.force) {
			return undefined;
		}

		const used = dialog.targets.filter(target => target.usedBy.length > 0);
		return used.length === 0
			? undefined
			: `${used.map(target => `${target.name} is used by ${target.usedBy.join(', ')}`).join('; ')}: press f to force`;
	}

	return volumeNetworkRefusal(state, dialog);
}
