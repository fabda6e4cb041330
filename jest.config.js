// n8n-core writes an instance key under N8N_USER_FOLDER on first use: keep it out of $HOME.
const os = require('os');
const path = require('path');
const fs = require('fs');

process.env.N8N_USER_FOLDER =
	process.env.N8N_USER_FOLDER || fs.mkdtempSync(path.join(os.tmpdir(), 'braze-node-tests-'));

// The engine logs node errors to the console; the tests assert on them instead.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';

/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/helpers/noRealWaits.ts'],
	// tsconfig.test.json sets isolatedModules: ts-jest only transpiles; `npm run lint` type-checks.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// Every core: with no real waits left the suites are CPU-bound (jest's default leaves one idle).
	maxWorkers: '100%',
	testTimeout: 30000,
};
