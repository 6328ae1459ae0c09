/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test', '<rootDir>/nodes', '<rootDir>/credentials'],
	testMatch: ['**/*.test.ts'],
	// Type-checking runs in `npm run lint` (tsc --noEmit); ts-jest only transpiles, which halves the run.
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	// Sources import '.js' where tsx would otherwise resolve 'X.node' to the codex file 'X.node.json'.
	moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
	setupFiles: ['<rootDir>/test/setup-env.ts'],
	testTimeout: 30000,
};
