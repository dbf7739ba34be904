import {Text} from 'ink';
import {Fragment} from 'react';
import {choiceText, type ChoiceLine} from '../dialog-choices.js';
import {theme} from '../theme.js';

/** A dialog's last line, drawn from the choices a click on it is tested against. */
export function ChoiceRow({line}: {readonly line: ChoiceLine}) {
	return (
		<Text wrap="truncate-end">
			{line.choices.map((choice, index) => (
				<Fragment key={choiceText(choice)}>
					{index === 0 ? '' : line.separator}
					{choice.keys === '' ? (
						<Text inverse={choice.isCurrent === true}>{choice.label}</Text>
					) : (
						<>
							{choice.keys.split('/').map((key, keyIndex) => (
								<Fragment key={key}>
									{keyIndex === 0 ? '' : '/'}
									<Text color={theme.key}>{key}</Text>
								</Fragment>
							))}{' '}
							{choice.label}
						</>
					)}
				</Fragment>
			))}
		</Text>
	);
}
