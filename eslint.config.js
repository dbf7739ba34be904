import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const noFramework = {
	paths: [
		{name: 'ink', message: 'Only source/ui and source/cli.tsx render.'},
		{name: 'react', message: 'Only source/ui and source/cli.tsx render.'},
		{
			name: 'dockerode',
			message: 'Only source/docker/dockerode-client.ts talks to dockerode.',
		},
	],
};

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
	{
		files: ['source/{docker,state,runtime,keymap}/**', 'source/ui/format/**'],
		rules: {'no-restricted-imports': ['error', noFramework]},
	},
	{
		files: ['source/docker/dockerode-client.ts'],
		rules: {'no-restricted-imports': 'off'},
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
