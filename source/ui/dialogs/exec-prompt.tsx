import {Text} from 'ink';
import {DialogFrame} from '../components/dialog-frame.js';
import type {TextField} from '../../state/text-field.js';
import {TypedLine} from '../components/typed-line.js';
import {theme} from '../theme.js';

type Props = {
	readonly name: string;
	readonly draft: TextField;
	readonly width: number;
};

/** The `E` prompt: the command to run in the container, edited through the keymap like the filter. */
export function ExecPrompt({name, draft, width}: Props) {
	return (
		<DialogFrame title={`Run a command in ${name}`} width={width} height={5}>
			<TypedLine prompt="$ " draft={draft} />
			<Text color={theme.text.dim}>
				Enter runs it with a terminal · Esc cancels
			</Text>
		</DialogFrame>
	);
}
