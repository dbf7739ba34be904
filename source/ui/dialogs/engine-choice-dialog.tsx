import {Text} from 'ink';
import type {FleetEngine} from '../../docker/docker-client.js';
import type {AppState} from '../../state/app-state.js';
import {
	purposeText,
	type EngineChoiceDialog as Dialog,
} from '../../state/engine-choice.js';
import {ChoiceRow} from '../components/choice-row.js';
import type {DialogProps} from '../components/dialog-frame.js';
import {engineChoices} from '../dialog-choices.js';
import {fit} from '../format/cells.js';
import {useAppState} from '../hooks/use-app-state.js';
import {rowColors, theme} from '../theme.js';
import {ListingDialog} from './listing-dialog.js';

const selectFleet = (state: AppState) => state.fleet;

/** Whether an engine can take the work, in a word or two, with its colour. */
function standing(engine: FleetEngine | undefined): {
	readonly text: string;
	readonly color: string | undefined;
} {
	if (engine === undefined) {
		return {text: '', color: undefined};
	}

	if (engine.readOnly) {
		return {text: 'read-only', color: theme.text.dim};
	}

	switch (engine.state.status) {
		case 'connected': {
			return {
				text: `● connected${engine.product === undefined ? '' : `  ${engine.product}`}`,
				color: theme.connection.up,
			};
		}

		case 'connecting': {
			return {text: '… connecting', color: theme.connection.connecting};
		}

		case 'down': {
			return {text: '✕ unreachable', color: theme.connection.down};
		}
	}
}

/**
 * Which engine of the fleet a pull, a build, a volume or a network goes to: each engine with
 * whether it can take it; the names on the last line are the choices a click takes.
 */
export function EngineChoiceDialog({
	dialog,
	width,
	height,
}: DialogProps<Dialog>) {
	const fleet = useAppState(selectFleet);
	const inner = Math.max(10, width - 4);
	const nameWidth = Math.min(
		24,
		Math.max(4, ...dialog.names.map(name => name.length)),
	);
	return (
		<ListingDialog
			title={`${purposeText[dialog.purpose]} on which engine? · Enter chooses · Esc cancels`}
			width={width}
			height={height}
			view={dialog.list}
			total={dialog.names.length}
			cursor={dialog.cursor}
			renderItem={index => {
				const name = dialog.names[index] ?? '';
				const {text, color} = standing(fleet?.[index]);
				const isCursor = index === dialog.cursor;
				const line = `${isCursor ? '›' : ' '} ${fit(name, nameWidth)}  ${text}`;
				return (
					<Text
						wrap="truncate-end"
						{...(color === undefined ? {} : {color})}
						{...rowColors(isCursor, true)}
					>
						{fit(line, inner)}
					</Text>
				);
			}}
			below={[<ChoiceRow key="engines" line={engineChoices(dialog)} />]}
		/>
	);
}
