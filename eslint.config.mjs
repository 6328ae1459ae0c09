import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import * as jsoncParser from 'jsonc-eslint-parser';

const recommended = n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport;

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**', 'docs/**'] },
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts', '**/*.js', '**/*.mjs'] })),
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['credentials/**/*.ts', 'nodes/**/*.ts', 'package.json'],
		...recommended,
		languageOptions: { parser: tseslint.parser },
		rules: {
			...recommended.rules,
			// The user chose Alibaba's official signer, @alicloud/pop-core, as a runtime dependency:
			// this is a package for self-hosted n8n, not an n8n Cloud verified node.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Applies to n8n's own repository, whose docs URLs are slugs; ours is a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These older rules predate `NodeConnectionTypes.Main`, which n8n's own nodes now use.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		// transport/ and api/ never see n8n (STYLE.md): they throw their own typed errors, and the
		// operation turns them into NodeApiError/NodeOperationError in helpers/nodeErrors.ts.
		files: ['nodes/**/transport/**/*.ts', 'nodes/**/api/**/*.ts'],
		rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
	},
	// One way down: parameters -> actions -> helpers -> api -> transport -> Alibaba (README, Layout).
	layer('nodes/**/transport/**/*.ts', ['api', 'helpers', 'actions', 'trigger', 'methods'], 'transport/ is the wire only'),
	layer('nodes/**/api/**/*.ts', ['helpers', 'actions', 'trigger', 'methods'], 'api/ knows Alibaba, not n8n'),
	layer(
		'nodes/**/{helpers,trigger,methods}/**/*.ts',
		['actions'],
		'only the node files and actions/router.ts reach the operations',
	),
	{
		files: ['**/*.js', '**/*.mjs'],
		languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
);

/** A folder whose files must not import from the named sibling folders. */
function layer(files, forbidden, why) {
	return {
		files: [files],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: forbidden.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]),
							message: `${why}: it imports nothing of ${forbidden.join(', ')}.`,
						},
					],
				},
			],
		},
	};
}
