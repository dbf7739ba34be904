export {bindings, scopes, type Binding, type Scope} from './bindings.js';
export {chord, isValidChord, type KeyFlags} from './chord.js';
export {
	commandInfo,
	commands,
	type Command,
	type CommandInfo,
} from './commands.js';
export {activeBindings, resolve} from './resolve.js';
