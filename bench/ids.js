#!/usr/bin/env node
'use strict';
// Benchmark: reading 200,000 External User IDs. `npm run bench:ids`.
//
//   1. parse: the node's own parseExternalUserIds on 200,000 IDs (1 in 10 repeated), given as
//      typed text (comma, semicolon and new-line separated) and as a list from an expression.
//      Dropping repeats used to search the list for every ID (quadratic: about 31 s for 200,000,
//      blocking the n8n process); it now uses a Set. Target: under 1 s.
//   2. dry run: one item naming the same IDs, run through n8n's real WorkflowExecute with Dry Run
//      on (builds all 4,000 request bodies, sends nothing).
//
// Reports median, min and max over the rounds. Options: --ids 200000 --rounds 7 --dry-rounds 3
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
	root,
	runBrazeNode,
	startStandIn,
	standInCredentials,
	arg: textArg,
} = require('./lib/engine');

const { parseExternalUserIds } = require(path.join(root, 'nodes/Braze/shared/recipients.ts'));

const arg = (name, fallback) => Number(textArg(name, fallback));
const COUNT = arg('ids', 200000);
const ROUNDS = arg('rounds', 7);
const DRY_ROUNDS = arg('dry-rounds', 3);

// Only the error path reads the context; a valid list never touches it.
const context = { getNode: () => ({ name: 'Braze' }), getItemIndex: () => 0 };

// Every tenth ID repeats an earlier one, so repeats are really dropped.
const ids = Array.from({ length: COUNT }, (_, i) => `user-${i % 10 === 9 ? i - 5 : i}`);
const separators = [',', ';', '\n'];
const text = ids.map((id, i) => `${id}${separators[i % 3]}`).join('');
const unique = new Set(ids).size;

function timeMs(fn) {
	const started = process.hrtime.bigint();
	const result = fn();
	return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

function stats(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: samples };
}

function line(name, s, unit = 'ms') {
	const f = (v) => v.toFixed(unit === 'ms' ? 1 : 2);
	console.log(
		`${name.padEnd(46)} median ${f(s.median)} ${unit}  (min ${f(s.min)}, max ${f(s.max)}, ${s.runs.length} runs)`,
	);
}

async function main() {
	console.log(`${new Date().toISOString()}  Node ${process.version}, ${os.cpus().length} cores`);
	const results = { date: new Date().toISOString(), node: process.version, ids: COUNT };
	for (const [name, value] of [
		['typed text', text],
		['list from an expression', ids],
	]) {
		const samples = [];
		for (let round = 0; round < ROUNDS; round++) {
			const { ms, result } = timeMs(() => parseExternalUserIds(context, value));
			if (result.length !== unique)
				throw new Error(`${name}: ${result.length} IDs, expected ${unique}`);
			samples.push(ms);
		}
		results[name] = stats(samples);
		line(`parse ${COUNT} IDs (${name})`, results[name]);
	}

	const standIn = await startStandIn();
	try {
		const samples = [];
		for (let round = 0; round < DRY_ROUNDS; round++) {
			const { ms, result } = await (async () => {
				const started = process.hrtime.bigint();
				const run = await runBrazeNode({
					parameters: {
						resource: 'message',
						operation: 'send',
						externalUserIds: '={{ $json.ids }}',
						channels: ['email'],
						emailAppId: 'app-1',
						emailFrom: 'Acme <news@acme.example>',
						emailBody: '<p>Hi</p>',
						options: { dryRun: true },
					},
					items: [{ ids }],
					credentials: standInCredentials(standIn),
				});
				return { ms: Number(process.hrtime.bigint() - started) / 1e6, result: run };
			})();
			if (result.error) throw new Error(`dry run failed: ${result.error.message}`);
			if (standIn.requests.length) throw new Error('the dry run sent requests');
			const count = result.output[0].json.request_count;
			if (count !== Math.ceil(unique / 50)) throw new Error(`dry run: ${count} requests`);
			samples.push(ms / 1000);
		}
		results.dryRun = stats(samples);
		line(`dry run, 1 item x ${COUNT} IDs (engine)`, results.dryRun, 's');
	} finally {
		await standIn.close();
	}
	const out = process.argv.indexOf('--json');
	if (out > 0) fs.writeFileSync(process.argv[out + 1], JSON.stringify(results, null, 2));
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
