#!/usr/bin/env node
'use strict';
// Benchmark: User › Get (POST /users/export/ids) for --items one-user items (default 1,000), through
// the Braze node in n8n's real WorkflowExecute, against the local Braze stand-in.
// `npm run bench:userget`.
//
// Two cases, the same node and items otherwise:
//   - shared requests (the default: up to 50 external IDs per request, Braze's maximum), which must
//     make ceil(items / 50) requests;
//   - one request per item (Options › Lookups per Request = 1), what a lookup per item costs, as an
//     HTTP Request node or the node's own Email lookups make it.
//
// The export endpoint has its own rate limit: 250 requests a minute for workspaces created since
// August 2024, 2,500 for older ones (https://www.braze.com/docs/api/api_limits). The stand-in
// enforces it in a bucket of its own; --per-minute picks the tier (default 2500; with 250, one
// request per item for 1,000 items waits for three resets, about 3 minutes a run). Options › Max
// Wait on Rate Limit is 120 s in both cases: the stand-in's window starts at its first request, so
// its reset can be a little over the 60 s default, where Braze's ends on the clock minute.
//
// Each answer also waits --latency-ms first (default 20, a fast network path to Braze; Braze's
// export assembles whole profiles and is slower than that). Each case runs --rounds times (default
// 3; one request per item at 250 a minute runs once). Printed: requests, the minimum, median and
// maximum wall time with every run, the load average at each run's start, and whether every item
// got its own user.
//
// Options: --items 1000 --rounds 3 --per-minute 2500 --latency-ms 20 --json bench/results/userGet.json
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

const ITEMS = Number(arg('items', 1000));
const ROUNDS = Number(arg('rounds', 3));
const PER_MINUTE = Number(arg('per-minute', 2500));
const LATENCY_MS = Number(arg('latency-ms', 20));
const EXPORT = '/users/export/ids';
const MAX_PER_REQUEST = 50;

const nodeType = brazeNodeType();

const parameters = (lookupsPerRequest) => ({
	resource: 'user',
	operation: 'get',
	externalId: '={{ $json.id }}',
	fieldsToExport: ['first_name', 'email', 'email_subscribe', 'custom_attributes'],
	options: { lookupsPerRequest, maxWaitOnRateLimit: 120 },
});

const items = Array.from({ length: ITEMS }, (_, i) => ({ id: `crm-${i}` }));

function seedProfiles(standIn) {
	for (const { id } of items) {
		standIn.profiles.set(`external:${id}`, {
			attributes: { external_id: id, first_name: `Name ${id}`, email: `${id}@example.com`, email_subscribe: 'opted_in', plan: 'pro' },
			events: [],
			purchases: [],
		});
	}
}

async function once(standIn, lookupsPerRequest) {
	standIn.reset();
	standIn.setOwnRateLimit(EXPORT, { limit: PER_MINUTE, windowMs: 60 * 1000 });
	seedProfiles(standIn);
	// One slow answer per possible request; the ones left over are dropped by the next reset.
	if (LATENCY_MS > 0) {
		standIn.queueFaults(...items.map(() => ({ type: 'slow', delayMs: LATENCY_MS, path: EXPORT })));
	}
	const load = os.loadavg()[0];
	const started = process.hrtime.bigint();
	const result = await runBrazeNode({
		nodeType,
		parameters: parameters(lookupsPerRequest),
		items,
		credentials: standInCredentials(standIn),
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (result.error) throw new Error(`the node failed: ${result.error.message}`);
	const requests = standIn.requests.filter((request) => request.path === EXPORT);
	const ownUser =
		result.output.length === items.length &&
		result.output.every((item, i) => item.json.external_id === items[i].id && item.json.found === true);
	return {
		ms,
		requests: requests.length,
		rateLimited: requests.filter((request) => request.status === 429).length,
		ownUser,
		load,
	};
}

async function main() {
	const standIn = await startStandIn({ now: Date.now });
	const results = {
		date: new Date().toISOString(),
		items: ITEMS,
		rounds: ROUNDS,
		perMinute: PER_MINUTE,
		latencyMs: LATENCY_MS,
		node: process.version,
		cpus: os.cpus().length,
		cases: [],
	};
	try {
		console.log(
			`User › Get, ${ITEMS} one-user items, ${PER_MINUTE} exports a minute, ${LATENCY_MS} ms per answer, ${os.cpus().length} cores, ${process.version}, ${results.date}, load ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`,
		);
		for (const [label, perRequest] of [
			[`shared requests (${MAX_PER_REQUEST} per request)`, MAX_PER_REQUEST],
			['one request per item', 1],
		]) {
			const rounds = perRequest === 1 && PER_MINUTE < ITEMS ? 1 : ROUNDS;
			const runs = [];
			for (let round = 0; round < rounds; round++) runs.push(await once(standIn, perRequest));
			const ms = runs.map((run) => run.ms);
			const row = {
				mode: label,
				requests: runs[0].requests,
				expectedRequests: Math.ceil(ITEMS / perRequest),
				rateLimited: runs.map((run) => run.rateLimited),
				minMs: Math.min(...ms),
				medianMs: median(ms),
				maxMs: Math.max(...ms),
				runsMs: ms.map(Math.round),
				loadAverages: runs.map((run) => Number(run.load.toFixed(2))),
				everyItemItsOwnUser: runs.every((run) => run.ownUser),
			};
			results.cases.push(row);
			const s = (v) => (v / 1000).toFixed(2);
			console.log(
				`${label.padEnd(30)} requests ${String(row.requests).padStart(5)} (ceil(${ITEMS}/${perRequest}) = ${row.expectedRequests}), 429s ${row.rateLimited.join('/')}` +
					`  min ${s(row.minMs)} s, median ${s(row.medianMs)} s, max ${s(row.maxMs)} s (runs ${row.runsMs.map(s).join(', ')} s; load ${row.loadAverages.join(', ')})` +
					`  each item its own user: ${row.everyItemItsOwnUser ? 'yes' : 'NO'}`,
			);
			if (row.requests !== row.expectedRequests) {
				console.error(`expected ${row.expectedRequests} requests, got ${row.requests}`);
				process.exitCode = 1;
			}
		}
	} finally {
		await standIn.close();
	}
	const out = arg('json', path.join(__dirname, 'results', 'userGet.json'));
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.writeFileSync(out, JSON.stringify(results, null, 2));
	console.log(`written to ${path.relative(root, out)}`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
