#!/usr/bin/env node
'use strict';
// Benchmark: User › Create or Update through the Braze node (n8n's real WorkflowExecute) against
// the local Braze stand-in. `npm run bench:users`.
//
// For 1,000 and 10,000 items (one CRM contact each), batched (75 objects per /users/track
// request, Braze's limit) against one request per item (Options › Objects per Request = 1, the
// same node otherwise): requests made, wall time, profiles created once each. Each case runs
// --rounds times (default 3); the median and the spread of the single runs are printed, with
// the load average when each run started.
//
// Braze answers over the internet in tens of milliseconds, the stand-in in well under one: each
// request waits --latency-ms first (default 20, a fast network path to Braze), so that the request
// count shows in the time as it would against Braze. One request per item runs once per size
// above 1,000 items (10,000 x 20 ms is over 3 minutes a run); the output says how many runs.
//
// Options: --items 1000,10000 --rounds 3 --latency-ms 20 --json bench/results/users.json
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
	root,
	runBrazeNode,
	startStandIn,
	standInCredentials,
	brazeNodeType,
	arg,
	median,
} = require('./lib/engine');

const SIZES = String(arg('items', '1000,10000')).split(',').map(Number);
const ROUNDS = Number(arg('rounds', 3));
const LATENCY_MS = Number(arg('latency-ms', 20));

const nodeType = brazeNodeType();

const parameters = (objectsPerRequest) => ({
	resource: 'user',
	operation: 'upsert',
	externalId: '={{ $json.id }}',
	profile: { email: '={{ $json.email }}', firstName: '={{ $json.first }}' },
	options: { objectsPerRequest },
});
const contacts = (count) =>
	Array.from({ length: count }, (_, i) => ({
		id: `crm-${i}`,
		email: `user${i}@example.com`,
		first: `Name${i}`,
	}));

async function once(standIn, items, objectsPerRequest) {
	standIn.reset();
	// One slow answer per possible request; the ones left over are dropped by the next reset.
	if (LATENCY_MS > 0)
		standIn.queueFaults(
			...Array.from({ length: items.length }, () => ({ type: 'slow', delayMs: LATENCY_MS })),
		);
	const load = os.loadavg()[0];
	const started = process.hrtime.bigint();
	const result = await runBrazeNode({
		nodeType,
		parameters: parameters(objectsPerRequest),
		items,
		credentials: standInCredentials(standIn),
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (result.error) throw new Error(`the node failed: ${result.error.message}`);
	const sent = standIn.requests.flatMap((request) =>
		request.body.attributes.map((object) => object.external_id),
	);
	const once =
		new Set(sent).size === sent.length &&
		sent.length === items.length &&
		standIn.profiles.size === items.length;
	return { ms, requests: standIn.requests.length, outputs: result.output.length, once, load };
}

async function main() {
	const standIn = await startStandIn();
	const results = {
		date: new Date().toISOString(),
		rounds: ROUNDS,
		latencyMs: LATENCY_MS,
		node: process.version,
		cpus: os.cpus().length,
		cases: [],
	};
	try {
		console.log(
			`User › Create or Update, ${ROUNDS} rounds per case, ${LATENCY_MS} ms per answer, ${os.cpus().length} cores, ${process.version}, ${results.date}`,
		);
		for (const size of SIZES) {
			const items = contacts(size);
			for (const [label, perRequest] of [
				['batched (75 per request)', 75],
				['one request per item', 1],
			]) {
				const runs = [];
				const rounds = perRequest === 1 && size > 1000 ? 1 : ROUNDS;
				for (let round = 0; round < rounds; round++)
					runs.push(await once(standIn, items, perRequest));
				const ms = runs.map((run) => run.ms);
				const row = {
					items: size,
					mode: label,
					requests: runs[0].requests,
					medianMs: median(ms),
					minMs: Math.min(...ms),
					maxMs: Math.max(...ms),
					runsMs: ms.map(Math.round),
					loadAverages: runs.map((run) => Number(run.load.toFixed(2))),
					everyUserOnce: runs.every((run) => run.once),
					outputItems: runs[0].outputs,
				};
				results.cases.push(row);
				console.log(
					`${String(size).padStart(6)} items, ${label.padEnd(26)} requests ${String(row.requests).padStart(6)}` +
						`  median ${(row.medianMs / 1000).toFixed(2)} s (runs ${row.runsMs.map((v) => (v / 1000).toFixed(2)).join(', ')} s;` +
						` load ${row.loadAverages.join(', ')})  outputs ${row.outputItems}  each user once: ${row.everyUserOnce ? 'yes' : 'NO'}`,
				);
			}
		}
	} finally {
		await standIn.close();
	}
	const out = arg('json', path.join(__dirname, 'results', 'users.json'));
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.writeFileSync(out, JSON.stringify(results, null, 2));
	console.log(`written to ${path.relative(root, out)}`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
