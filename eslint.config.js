import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const framework = [
	{name: 'ink', message: 'Only source/ui and source/cli.tsx render.'},
	{name: 'react', message: 'Only source/ui and source/cli.tsx render.'},
	{
		name: 'dockerode',
		message: 'Only source/docker/dockerode-client.ts talks to dockerode.',
	},
];

/** A folder of ours, as a relative import names it ('../state/x.js', '../../docker/y.js'). */
const folder = name => String.raw`^(\.\.?/)+(${name})(/|\.js$)`;

/**
 * Imports against the layer direction, docker → runtime → state ← ui, with keymap/ and format/
 * as leaves. `types` says whether type-only imports of that folder are allowed: they vanish at
 * compile time, so state/ may name the engine's domain types and ui/ the runtime's interfaces.
 */
const layer = (rule, forbidden) => ({
	paths: rule.framework === false ? [] : framework,
	patterns: forbidden.map(({names, regex = folder(names), types = false}) => ({
		regex,
		allowTypeImports: types,
		message: rule.message,
	})),
});

const layers = [
	{
		files: ['source/docker/**'],
		message:
			'docker/ is the bottom layer: it may not import runtime/, state/, ui/ or keymap/.',
		forbidden: [{names: 'runtime|state|ui|keymap'}],
	},
	{
		files: ['source/runtime/**'],
		message: 'runtime/ sits below the view: it may not import ui/ or keymap/.',
		forbidden: [{names: 'ui|keymap'}],
	},
	{
		files: ['source/state/**'],
		message:
			'state/ is pure: it may not import runtime/ or ui/, and takes only types from docker/ and keymap/.',
		forbidden: [{names: 'runtime|ui'}, {names: 'docker|keymap', types: true}],
	},
	{
		files: ['source/keymap/**'],
		message:
			'keymap/ is data: it may not import docker/, runtime/, state/ or ui/.',
		forbidden: [{names: 'docker|runtime|state|ui'}],
	},
	{
		files: ['source/format/**'],
		message: 'format/ is a leaf: it imports nothing of ours outside format/.',
		forbidden: [{regex: String.raw`^\.\./`}],
	},
	{
		files: ['source/ui/**'],
		framework: false,
		message:
			'ui/ reads state/ and calls the runtime through the services it is given: it takes only types from docker/ and runtime/.',
		forbidden: [{names: 'docker|runtime', types: true}],
	},
	{
		files: ['source/ui/format/**'],
		message:
			'ui/format/ is pure text: it may not import docker/ or runtime/ values, Ink or React.',
		forbidden: [{names: 'docker|runtime', types: true}],
	},
	{
		files: ['source/ui/components/**'],
		framework: false,
		message:
			'ui/components/ is presentational: it takes what it shows as props, not from the store, the keymap or the runtime.',
		forbidden: [
			{names: 'docker|runtime', types: true},
			{names: 'keymap|hooks', types: true},
		],
	},
];

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**']},
	js.configs.recommended,
	...tseslint.configs.strictTypeChecked,
	...tseslint.configs.stylisticTypeChecked,
	{
		languageOptions: {
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
			},
			globals: globals.node,
		},
		settings: {react: {version: '19'}},
	},
	react.configs.flat.recommended,
	react.configs.flat['jsx-runtime'],
	reactHooks.configs.flat.recommended,
	{
		rules: {
			'@typescript-eslint/consistent-type-definitions': ['error', 'type'],
			'@typescript-eslint/consistent-type-imports': 'error',
			// `import {type X}` still loads the module at run time; only `import type` does not.
			'@typescript-eslint/no-import-type-side-effects': 'error',
			'@typescript-eslint/switch-exhaustiveness-check': 'error',
			'@typescript-eslint/restrict-template-expressions': [
				'error',
				{allowNumber: true},
			],
			'react/prop-types': 'off',
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: 'dockerode',
							message:
								'Only source/docker/dockerode-client.ts talks to dockerode.',
						},
					],
				},
			],
		},
	},
	...layers.map(rule => ({
		files: rule.files,
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				layer(rule, rule.forbidden),
			],
		},
	})),
	{
		files: ['source/docker/dockerode-client.ts'],
		rules: {
			'no-restricted-imports': 'off',
			'@typescript-eslint/no-restricted-imports': [
				'error',
				layer({...layers[0], framework: false}, layers[0].forbidden),
			],
		},
	},
	{
		files: ['test/**', 'bench/**', 'scripts/**'],
		rules: {
			'@typescript-eslint/no-non-null-assertion': 'off',
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-floating-promises': [
				'error',
				{
					allowForKnownSafeCalls: [
						{
							from: 'package',
							package: 'node:test',
							name: ['describe', 'it', 'test', 'before', 'after'],
						},
					],
				},
			],
		},
	},
	{files: ['**/*.js'], ...tseslint.configs.disableTypeChecked},
	prettier,
);
