import assert from 'node:assert/strict';
import {listViewAtTop} from '../../source/state/list-view.js';
import {describe, it} from 'node:test';
import {
	bindingWords,
	describeChord,
	describeKeys,
} from '../../source/keymap/describe.js';
import {
	activeBindings,
	bindings,
	chord,
	commandInfo,
	commands,
	isValidChord,
	resolve,
	scopes,
	type Binding,
	type Command,
	type KeyFlags,
	type Scope,
} from '../../source/keymap/index.js';
import {
	keyNames,
	noKeyFlags,
	splitEscapePair,
} from '../../source/keymap/chord.js';
import {textScopes} from '../../source/keymap/bindings.js';
import {initialState, panes} from '../../source/state/app-state.js';
import {logsOpened} from '../../source/state/logs-dialog.js';
import {detailsOpened} from '../../source/state/details.js';
import {textViewerOpened} from '../../source/state/text-dialog.js';
import {
	viewerChanged,
	viewerSearchOpened,
} from '../../source/state/text-viewer.js';
import {
	scaleOpened,
	swarmConfirmOpened,
	swarmDetected,
} from '../../source/state/swarm-updates.js';
import {
	composeDownOpened,
	composeOutputOpened,
} from '../../source/state/compose-state.js';
import {fakeService} from '../fakes/fake-swarm.js';
import {activeScopes, scopesOfPane} from '../../source/state/scopes.js';
import {paneFocused} from '../../source/state/selection.js';
import {dialogOpened} from '../../source/state/dialog-slot.js';
import {filterOpened} from '../../source/state/filter-prompt.js';

function key(flags: Partial<KeyFlags>): KeyFlags {
	return {...noKeyFlags, ...flags};
}

const namedFlags: Readonly<Record<string, keyof KeyFlags>> = {
	up: 'upArrow',
	down: 'downArrow',
	left: 'leftArrow',
	right: 'rightArrow',
	pagedown: 'pageDown',
	pageup: 'pageUp',
	home: 'home',
	end: 'end',
	enter: 'return',
	esc: 'escape',
	tab: 'tab',
	backspace: 'backspace',
	delete: 'delete',
};

/** The keypress Ink reports for a chord string, to check that `chord()` can produce every bound key. */
function keypressFor(text: string): {input: string; flags: KeyFlags} {
	let rest = text;
	const flags: Partial<Record<keyof KeyFlags, boolean>> = {};
	for (const [prefix, flag] of [
		['ctrl+', 'ctrl'],
		['alt+', 'meta'],
		['shift+', 'shift'],
	] as const) {
		if (rest.startsWith(prefix) && rest.length > prefix.length) {
			flags[flag] = true;
			rest = rest.slice(prefix.length);
		}
	}

	const named = namedFlags[rest];
	if (named !== undefined) {
		flags[named] = true;
		return {input: '', flags: key(flags)};
	}

	return {input: rest === 'space' ? ' ' : rest, flags: key(flags)};
}

const allCommands = Object.keys(commands) as Command[];

describe('keymap invariants', () => {
	it('every command has a description, a category and at least one binding', () => {
		assert.ok(allCommands.length > 0);
		for (const command of allCommands) {
			const info = commandInfo[command];
			assert.ok(info.description.trim().length > 0, `${command} description`);
			assert.ok(
				[
					'General',
					'Navigation',
					'Containers',
					'Actions',
					'Sort',
					'Filter',
					'Typing',
					'Dialog',
				].includes(info.category),
				`${command} category`,
			);
			assert.ok(
				bindings.some(
					binding => binding.command === command && binding.keys.length > 0,
				),
				`${command} is bound`,
			);
		}
	});

	it('every binding names a known command and has at least one key', () => {
		for (const binding of bindings) {
			assert.ok(binding.command in commands, binding.command);
			assert.ok(binding.keys.length > 0, binding.command);
			assert.ok(scopes.includes(binding.scope), binding.scope);
		}
	});

	it('every key is a valid chord', () => {
		for (const binding of bindings) {
			for (const text of binding.keys) {
				assert.ok(isValidChord(text), `${binding.command}: ${text}`);
			}
		}
	});

	it('every key is a chord that a keypress produces', () => {
		for (const binding of bindings) {
			for (const text of binding.keys) {
				const {input, flags} = keypressFor(text);
				assert.equal(chord(input, flags), text, binding.command);
			}
		}
	});

	it('every scope that types text edits its line with every line-editing key', () => {
		const lineCommands = allCommands.filter(command =>
			command.startsWith('line.'),
		);
		assert.ok(lineCommands.length > 0);
		for (const scope of textScopes) {
			// A choice field spends Left and Right on picking.
			const spent: readonly Command[] =
				scope === 'formChoice' ? ['line.left', 'line.right'] : [];
			for (const command of lineCommands) {
				if (!spent.includes(command)) {
					assert.ok(
						bindings.some(
							binding => binding.scope === scope && binding.command === command,
						),
						`${scope}: ${command}`,
					);
				}
			}
		}
	});

	it('no chord is bound twice in one scope', () => {
		for (const scope of scopes) {
			const seen = new Map<string, Command>();
			for (const binding of bindings.filter(
				candidate => candidate.scope === scope,
			)) {
				for (const text of binding.keys) {
					const other = seen.get(text);
					assert.equal(
						other,
						undefined,
						`${scope}: ${text} is bound to ${other} and ${binding.command}`,
					);
					seen.set(text, binding.command);
				}
			}
		}
	});

	it('the footer-hinted commands of each pane all appear in its help', () => {
		// A Swarm manager's, so that every pane can be focused.
		const state = swarmDetected(
			true,
			0,
		)(initialState({endpoint: 'x', readOnly: false, now: 0}));
		for (const pane of panes) {
			const footer = activeBindings(
				activeScopes(paneFocused(pane)(state)),
				bindings,
			)
				.filter(binding => commandInfo[binding.command].hint !== undefined)
				.map(binding => binding.command);
			const help = activeBindings(scopesOfPane(pane), bindings).map(
				binding => binding.command,
			);
			assert.ok(footer.length > 0, pane);
			for (const command of footer) {
				assert.ok(help.includes(command), `${pane}: ${command}`);
			}
		}
	});

	it('every dialog can be closed and quit from', () => {
		const state = initialState({endpoint: 'x', readOnly: false, now: 0});
		const logs = logsOpened({session: 1, title: 'web', sources: []})(state);
		const details = detailsOpened({kind: 'container', id: 'w', name: 'web'})(
			state,
		);
		const text = textViewerOpened({title: 'file', text: 'a\nb'})(state);
		const searchOpened = viewerChanged(viewerSearchOpened);
		for (const dialog of [
			details,
			searchOpened(details),
			text,
			searchOpened(text),
			dialogOpened({kind: 'help', list: listViewAtTop})(state),
			filterOpened(state),
			logs,
			searchOpened(logs),
			composeDownOpened('shop')(state),
			composeOutputOpened({run: 1, title: 'up', commandLine: ''})(state),
			scaleOpened(fakeService({name: 'web'}))(state),
			swarmConfirmOpened({
				action: {kind: 'remove-service'},
				id: 'w',
				name: 'web',
				details: [],
			})(state),
		]) {
			const active = activeScopes(dialog);
			assert.ok(resolve('esc', active, bindings) !== undefined, active.join());
			assert.equal(resolve('ctrl+c', active, bindings), 'app.quit');
		}
	});

	it('every hinted command in a dialog shows in that dialog’s footer', () => {
		for (const scope of ['help', 'filter'] as const) {
			const hinted = activeBindings([scope], bindings).filter(
				binding => commandInfo[binding.command].hint !== undefined,
			);
			assert.ok(hinted.length > 0, scope);
		}
	});
});

describe('scroll commands', () => {
	const scrollCommands = allCommands.filter(command =>
		command.startsWith('scroll.'),
	);
	const words = (scope: Scope, command: Command) => {
		const binding = activeBindings([scope], bindings).find(
			candidate => candidate.command === command,
		);
		assert.ok(binding, `${command} in ${scope}`);
		return bindingWords(binding);
	};

	it('are one set, bound with the same keys in every scope that scrolls', () => {
		assert.equal(scrollCommands.length, 6);
		for (const scope of ['list', 'dialogList', 'viewer'] as const) {
			const down = activeBindings([scope], bindings).find(
				binding => binding.command === 'scroll.down',
			);
			assert.deepEqual(down?.keys, ['j', 'down'], scope);
		}

		// No other command moves by j or k anywhere.
		for (const binding of bindings) {
			if (binding.keys.includes('j') || binding.keys.includes('k')) {
				assert.ok(
					scrollCommands.includes(binding.command),
					`${binding.scope}: ${binding.command}`,
				);
			}
		}
	});

	it('read as what they do in the scope they are bound in', () => {
		assert.equal(words('list', 'scroll.down').description, 'Move down');
		assert.equal(
			words('viewer', 'scroll.up').description,
			'Scroll up (pauses following)',
		);
		assert.equal(
			words('viewer', 'scroll.bottom').description,
			'Go to the last line, and follow new ones',
		);
		assert.equal(words('viewer', 'scroll.down').description, 'Scroll down');
		assert.equal(words('dialogList', 'scroll.down').hint, 'scroll');
		assert.equal(words('list', 'scroll.down').hint, undefined);
	});
});

describe('chord', () => {
	const cases: readonly {
		readonly name: string;
		readonly input: string;
		readonly flags: Partial<KeyFlags>;
		readonly chord: string;
	}[] = [
		{name: 'j', input: 'j', flags: {}, chord: 'j'},
		{
			name: 'G (shift is in the case)',
			input: 'G',
			flags: {shift: true},
			chord: 'G',
		},
		{
			name: '? (shifted punctuation)',
			input: '?',
			flags: {shift: true},
			chord: '?',
		},
		{name: '/', input: '/', flags: {}, chord: '/'},
		{name: '1', input: '1', flags: {}, chord: '1'},
		{name: 'down arrow', input: '', flags: {downArrow: true}, chord: 'down'},
		{name: 'up arrow', input: '', flags: {upArrow: true}, chord: 'up'},
		{name: 'left arrow', input: '', flags: {leftArrow: true}, chord: 'left'},
		{name: 'right arrow', input: '', flags: {rightArrow: true}, chord: 'right'},
		{name: 'page up', input: '', flags: {pageUp: true}, chord: 'pageup'},
		{name: 'page down', input: '', flags: {pageDown: true}, chord: 'pagedown'},
		{name: 'home', input: '', flags: {home: true}, chord: 'home'},
		{name: 'end', input: '', flags: {end: true}, chord: 'end'},
		{name: 'ctrl+c', input: 'c', flags: {ctrl: true}, chord: 'ctrl+c'},
		{
			name: 'ctrl+C reads as ctrl+c',
			input: 'C',
			flags: {ctrl: true},
			chord: 'ctrl+c',
		},
		{name: 'ctrl+d', input: 'd', flags: {ctrl: true}, chord: 'ctrl+d'},
		{name: 'tab', input: '\t', flags: {tab: true}, chord: 'tab'},
		{
			name: 'shift+tab',
			input: '',
			flags: {tab: true, shift: true},
			chord: 'shift+tab',
		},
		{name: 'esc', input: '', flags: {escape: true}, chord: 'esc'},
		{
			name: 'esc reported with meta',
			input: '',
			flags: {escape: true, meta: true},
			chord: 'esc',
		},
		{name: 'enter', input: '\r', flags: {return: true}, chord: 'enter'},
		{name: 'space', input: ' ', flags: {}, chord: 'space'},
		{name: 'ctrl+space', input: ' ', flags: {ctrl: true}, chord: 'ctrl+space'},
		{name: 'alt+x', input: 'x', flags: {meta: true}, chord: 'alt+x'},
		{
			name: 'ctrl+alt+x',
			input: 'x',
			flags: {ctrl: true, meta: true},
			chord: 'ctrl+alt+x',
		},
		{
			name: 'shift+down',
			input: '',
			flags: {downArrow: true, shift: true},
			chord: 'shift+down',
		},
		{
			name: 'ctrl+up',
			input: '',
			flags: {upArrow: true, ctrl: true},
			chord: 'ctrl+up',
		},
		{
			name: 'backspace',
			input: '',
			flags: {backspace: true},
			chord: 'backspace',
		},
		{name: 'delete', input: '', flags: {delete: true}, chord: 'delete'},
	];
	for (const {name, input, flags, chord: expected} of cases) {
		it(name, () => {
			const result = chord(input, key(flags));
			assert.equal(result, expected);
			assert.ok(isValidChord(result), `${result} is valid`);
		});
	}
});

describe('isValidChord', () => {
	const valid = [
		'j',
		'G',
		'?',
		'/',
		'1',
		'down',
		'pageup',
		'ctrl+c',
		'shift+tab',
		'alt+x',
		'ctrl+alt+x',
		'ctrl+shift+down',
		'space',
		'esc',
		'enter',
		'é',
		...keyNames,
	];
	const invalid = [
		'',
		' ',
		'jj',
		'foo',
		'Down',
		'ctrl+',
		'shift+j',
		'shift+G',
		'alt+shift+x',
		'ctrl+foo',
		'meta+x',
		'ctrl-c',
	];
	for (const text of valid) {
		it(`${JSON.stringify(text)} is valid`, () => {
			assert.equal(isValidChord(text), true);
		});
	}

	for (const text of invalid) {
		it(`${JSON.stringify(text)} is not`, () => {
			assert.equal(isValidChord(text), false);
		});
	}
});

describe('resolve', () => {
	const pane = (name: 'containers' | 'images'): readonly Scope[] => [
		name,
		'list',
		'global',
	];
	const cases: readonly {
		readonly chord: string;
		readonly scopes: readonly Scope[];
		readonly command: Command | undefined;
	}[] = [
		{chord: 'j', scopes: pane('containers'), command: 'scroll.down'},
		{chord: 'down', scopes: pane('images'), command: 'scroll.down'},
		{chord: 'G', scopes: pane('containers'), command: 'scroll.bottom'},
		{chord: 'g', scopes: pane('containers'), command: 'scroll.top'},
		{chord: 'q', scopes: pane('containers'), command: 'app.quit'},
		{chord: '?', scopes: pane('images'), command: 'app.help'},
		{chord: 'tab', scopes: pane('containers'), command: 'focus.next'},
		{chord: 'shift+tab', scopes: pane('containers'), command: 'focus.previous'},
		{chord: 'a', scopes: pane('containers'), command: 'containers.toggleAll'},
		{chord: 'a', scopes: pane('images'), command: undefined},
		{chord: '/', scopes: pane('images'), command: 'list.filter'},
		{chord: 'x', scopes: pane('containers'), command: undefined},
		// The help scope binds ? and q itself, so they close it instead of toggling help or quitting.
		{chord: '?', scopes: ['help'], command: 'help.close'},
		{chord: 'q', scopes: ['help'], command: 'help.close'},
		{chord: 'esc', scopes: ['help'], command: 'help.close'},
		{chord: 'ctrl+c', scopes: ['help'], command: 'app.quit'},
		{chord: 'j', scopes: ['help', 'dialogList'], command: 'scroll.down'},
		{chord: 'G', scopes: ['help', 'dialogList'], command: 'scroll.bottom'},
		{chord: 'a', scopes: ['help'], command: undefined},
		// Dialogs are modal: typing in the filter reaches no global or list command.
		{chord: 'q', scopes: ['filter'], command: undefined},
		{chord: 'j', scopes: ['filter'], command: undefined},
		{chord: 'a', scopes: ['filter'], command: undefined},
		{chord: 'tab', scopes: ['filter'], command: undefined},
		{chord: 'enter', scopes: ['filter'], command: 'filter.keep'},
		{chord: 'esc', scopes: ['filter'], command: 'filter.clear'},
		{chord: 'ctrl+c', scopes: ['filter'], command: 'app.quit'},
		{chord: 'j', scopes: [], command: undefined},
	];
	for (const {chord: text, scopes: active, command} of cases) {
		it(`${text} in [${active.join(', ')}] → ${command ?? 'nothing'}`, () => {
			assert.equal(resolve(text, active, bindings), command);
		});
	}

	it('the modal scopes come from the state', () => {
		const state = initialState({endpoint: 'x', readOnly: false, now: 0});
		assert.equal(resolve('q', activeScopes(state), bindings), 'app.quit');
		assert.equal(
			resolve('q', activeScopes(filterOpened(state)), bindings),
			undefined,
		);
		assert.equal(
			resolve(
				'q',
				activeScopes(dialogOpened({kind: 'help', list: listViewAtTop})(state)),
				bindings,
			),
			'help.close',
		);
	});

	it('picks the innermost scope that binds the chord', () => {
		const table: readonly Binding[] = [
			{command: 'app.quit', keys: ['x'], scope: 'global'},
			{command: 'scroll.down', keys: ['x'], scope: 'list'},
			{command: 'containers.toggleAll', keys: ['x'], scope: 'containers'},
		];
		assert.equal(
			resolve('x', ['containers', 'list', 'global'], table),
			'containers.toggleAll',
		);
		assert.equal(
			resolve('x', ['images', 'list', 'global'], table),
			'scroll.down',
		);
		assert.equal(resolve('x', ['global', 'list'], table), 'app.quit');
		assert.equal(resolve('x', ['images'], table), undefined);
	});
});

describe('activeBindings', () => {
	it('lists each command once, innermost first', () => {
		const help = activeBindings(['help'], bindings);
		assert.deepEqual(
			help.map(binding => binding.command),
			['help.close', 'app.quit'],
		);
		const containers = activeBindings(
			['containers', 'list', 'global'],
			bindings,
		);
		const commandsListed = containers.map(binding => binding.command);
		assert.equal(new Set(commandsListed).size, commandsListed.length);
		assert.equal(commandsListed[0], 'containers.toggleAll');
		assert.ok(
			commandsListed.indexOf('scroll.down') <
				commandsListed.indexOf('app.quit'),
		);
		// The global q/ctrl+c binding is the one listed, not a dialog's ctrl+c only.
		assert.deepEqual(
			containers.find(binding => binding.command === 'app.quit')?.keys,
			['q', 'ctrl+c'],
		);
	});

	it('lists nothing from other panes or dialogs', () => {
		const images = activeBindings(['images', 'list', 'global'], bindings).map(
			binding => binding.command,
		);
		for (const command of [
			'containers.toggleAll',
			'help.close',
			'filter.keep',
			'filter.clear',
		] as const) {
			assert.ok(!images.includes(command), command);
		}
	});
});

describe('describeChord', () => {
	const cases: readonly (readonly [string, string])[] = [
		['j', 'j'],
		['G', 'G'],
		['?', '?'],
		['/', '/'],
		['ctrl+c', 'Ctrl-C'],
		['ctrl+d', 'Ctrl-D'],
		['up', '↑'],
		['down', '↓'],
		['left', '←'],
		['right', '→'],
		['pageup', 'PgUp'],
		['pagedown', 'PgDn'],
		['enter', 'Enter'],
		['esc', 'Esc'],
		['tab', 'Tab'],
		['shift+tab', 'Shift-Tab'],
		['space', 'Space'],
		['home', 'Home'],
		['end', 'End'],
	];
	for (const [text, label] of cases) {
		it(`${text} → ${label}`, () => {
			assert.equal(describeChord(text), label);
		});
	}

	it('describeKeys joins every key of a binding', () => {
		assert.equal(
			describeKeys({
				command: 'scroll.down',
				keys: ['j', 'down'],
				scope: 'list',
			}),
			'j/↓',
		);
		assert.equal(
			describeKeys({
				command: 'app.quit',
				keys: ['q', 'ctrl+c'],
				scope: 'global',
			}),
			'q/Ctrl-C',
		);
	});

	it('gives every bound key a label', () => {
		for (const binding of bindings) {
			for (const text of binding.keys) {
				assert.ok(describeChord(text).length > 0, text);
			}
		}
	});
});

describe('Esc and a key read together', () => {
	const chords = (raw: string): string[] | undefined =>
		splitEscapePair(raw)?.map(press => chord(press.input, press.key));

	it('is Esc, then the key; Alt+key is the same bytes, so the same two keys', () => {
		assert.deepEqual(chords('\u001B/'), ['esc', '/']);
		assert.deepEqual(chords('\u001Bk'), ['esc', 'k']);
		assert.deepEqual(chords('\u001B\r'), ['esc', 'enter']);
		assert.deepEqual(chords('\u001B\u001B'), ['esc', 'esc']);
		assert.deepEqual(chords('\u001B😀'), ['esc', '😀']);
	});

	it('leaves the sequences terminals send, and anything else, as they are', () => {
		for (const raw of [
			'\u001B[A',
			'\u001BOB',
			'\u001B[',
			'\u001B\u001B[A',
			'\u001B',
			'/',
			'jj',
		]) {
			assert.equal(splitEscapePair(raw), undefined, JSON.stringify(raw));
		}
	});
});
