import {Text} from 'ink';
import {useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import type {ScaleDialog} from '../../state/swarm-state.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {TypedLine} from '../components/typed-line.js';
import {useAppState} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';

type Props = {
	readonly dialog: ScaleDialog;
	readonly width: number;
};

/** The `s` prompt on a service: how many replicas it should run. */
export function ScalePrompt({dialog, width}: Props) {
	const current = useAppState(
		useCallback(
			(state: AppState) =>
				state.swarm.services.byId.get(dialog.serviceId)?.desired,
			[dialog.serviceId],
		),
	);
	return (
		<DialogFrame title={`Scale ${dialog.name}`} width={width} height={6}>
			<TypedLine prompt="replicas: " draft={dialog.draft} />
			<Text color={theme.text.dim} wrap="truncate-end">
				{current === undefined ? '' : `now ${current} · `}digits only · Enter
				scales · Esc cancels
			</Text>
		</DialogFrame>
	);
}
