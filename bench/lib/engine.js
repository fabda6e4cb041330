'use strict';
// What the engine benchmarks share: a throwaway n8n user folder with quiet logs, the TypeScript
// loader, the Braze node as n8n loads it, n8n's engine runner and the Braze stand-in, and
// `--name value` arguments.
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-bench-'));
process.env.N8N_LOG_LEVEL = 'silent';

require('../../scripts/ts-require');

const root = path.resolve(__dirname, '../..');
const { runBrazeNode } = require(path.join(root, 'test/helpers/engine.ts'));
const { startStandIn, standInCredentials } = require(path.join(root, 'test/helpers/standIn.ts'));

/** The node as n8n loads it, with the Request Options n8n adds to declarative nodes. */
function brazeNodeType() {
	const { DirectoryLoader } = require('n8n-core');
	const { Braze } = require(path.join(root, 'nodes/Braze/Braze.node.ts'));
	const nodeType = new Braze();
	DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
	return nodeType;
}

/** The value after `--name` on the command line, or `fallback`. */
function arg(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

module.exports = { root, runBrazeNode, startStandIn, standInCredentials, brazeNodeType, arg, median };
