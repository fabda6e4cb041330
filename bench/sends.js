#!/usr/bin/env node
'use strict';
// Benchmark: sends batched across items (Options › Batch Items) against one request per item,
// through the Braze node in n8n's real WorkflowExecute, against the local Braze stand-in.
// `npm run bench:sends`.
//
// Cases, each with --items one-contact items (default 10,000):
//   - Message › Send, the same email to every item;
//   - Campaign › Trigger, each item with its own trigger properties (an order number).
// Each case runs batched (version 2's default: requests of up to 50 recipients) and with Batch
// Items off (one request per item, as the HTTP Request node and other integrations make).
//
// Braze's rate limit is 250,000 requests per hour for the workspace. Scaled down by --scale
// (default 100: 2,500 requests per 36 s window), it shows within a benchmark what one request
// per item costs: the node waits for the next window each time the budget is spent. Each answer
// also waits --latency-ms (default 10), as a network path to Braze would.
//
// Batched cases run --rounds times (default 3); the one-request-per-item cases once (they take
// minutes). Printed: requests, the median and every single run's wall time, the load average at
// each run's start, and whether each contact got the message exactly once.
//
// Options: --items 10000 --rounds 3 --scale 100 --latency-ms 10 --json bench/results/sends.json
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

const ITEMS = Number(arg('items', 10000));
const ROUNDS = Number(arg('rounds', 3));
const SCALE = Number(arg('scale', 100));
const LATENCY_MS = Number(arg('latency-ms', 10));
const HOUR = 3600 * 1000;
const RATE_LIMIT = { limit: Math.floor(250000 / SCALE), windowMs: HOUR / SCALE };

const nodeType = brazeNodeType();

const CASES = [
	{
		name: 'Message › Send, same email',
		path: '/messages/send',
		parameters: {
			resource: 'message',
			operation: 'send',
			externalUserIds: '={{ $json.id }}',
			channels: ['email'],
			emailAppId: 'app-1',
			emailFrom: 'Acme <news@acme.com>',
			emailSubject: 'Your weekly summary',
			emailBody: '<p>Hi {{${first_name}}}, here is your week.</p>',
			emailOptions: {},
		},
		idsOf: (body) => body.external_user_ids ?? [],
	},
	{
		name: 'Campaign › Trigger, own properties',
		path: '/campaigns/trigger/send',
		parameters: {
			resource: 'campaign',
			operation: 'trigger',
			campaignId: 'camp-1',
			externalUserIds: '={{ $json.id }}',
			triggerProperties: { pair: [{ key: 'order', value: '={{ $json.order }}' }] },
		},
		idsOf: (body) => (body.recipients ?? []).map((recipient) => recipient.external_user_id),
	},
];

const contacts = (count) =>
	Array.from({ length: count }, (_, i) => ({ id: `crm-${i}`, order: `O-${100000 + i}` }));

async function once(standIn, testCase, items, batchItems) {
	standIn.reset();
	standIn.setRateLimit(RATE_LIMIT);
	if (LATENCY_MS > 0)
		standIn.queueFaults(
			...Array.from({ length: items.length }, () => ({ type: 'slow', delayMs: LATENCY_MS })),
		);
	const load = os.loadavg()[0];
	const started = process.hrtime.bigint();
	const result = await runBrazeNode({
		nodeType,
		typeVersion: 2,
		parameters: {
			...testCase.parameters,
			options: { batchItems, maxWaitOnRateLimit: 3600 },
		},
		items,
		credentials: standInCredentials(standIn),
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (result.error) throw new Error(`the node failed: ${result.error.message}`);
	const requests = standIn.requests.filter((request) => request.path === testCase.path);
	const sent = requests.flatMap((request) => testCase.idsOf(request.body));
	const everyContactOnce =
		new Set(sent).size === items.length &&
		sent.length === items.length &&
		items.every((item) => standIn.deliveries.get(`external:${item.id}`) === 1);
	return { ms, requests: requests.length, outputs: result.output.length, everyContactOnce, load };
}

async function main() {
	// The stand-in's rate-limit windows on the real clock, the one the node waits on here.
	const standIn = await startStandIn({ now: Date.now });
	const results = {
		date: new Date().toISOString(),
		items: ITEMS,
		rounds: ROUNDS,
		latencyMs: LATENCY_MS,
		rateLimit: { ...RATE_LIMIT, scaledFrom: '250,000 per hour', scale: SCALE },
		node: process.version,
		cpus: os.cpus().length,
		cases: [],
	};
	try {
		console.log(
			`${ITEMS} one-contact items; rate limit ${RATE_LIMIT.limit} per ${RATE_LIMIT.windowMs / 1000} s (Braze's 250,000/hour scaled by 1/${SCALE}); ${LATENCY_MS} ms per answer; ${os.cpus().length} cores, ${process.version}, ${results.date}`,
		);
		const items = contacts(ITEMS);
		for (const testCase of CASES) {
			for (const [mode, batchItems] of [
				['batched (Batch Items on)', true],
				['one request per item', false],
			]) {
				const rounds = batchItems ? ROUNDS : 1;
				const runs = [];
				for (let round = 0; round < rounds; round++)
					runs.push(await once(standIn, testCase, items, batchItems));
				const ms = runs.map((run) => run.ms);
				const row = {
					case: testCase.name,
					mode,
					items: ITEMS,
					requests: runs[0].requests,
					medianMs: median(ms),
					minMs: Math.min(...ms),
					maxMs: Math.max(...ms),
					runsMs: ms.map(Math.round),
					loadAverages: runs.map((run) => Number(run.load.toFixed(2))),
					everyContactOnce: runs.every((run) => run.everyContactOnce),
					outputItems: runs[0].outputs,
				};
				results.cases.push(row);
				console.log(
					`${testCase.name.padEnd(36)} ${mode.padEnd(25)} requests ${String(row.requests).padStart(6)}` +
						`  median ${(row.medianMs / 1000).toFixed(2)} s (runs ${row.runsMs.map((v) => (v / 1000).toFixed(2)).join(', ')} s;` +
						` load ${row.loadAverages.join(', ')})  outputs ${row.outputItems}  each contact once: ${row.everyContactOnce ? 'yes' : 'NO'}`,
				);
			}
		}
	} finally {
		await standIn.close();
	}
	const out = arg('json', path.join(__dirname, 'results', 'sends.json'));
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.writeFileSync(out, JSON.stringify(results, null, 2));
	console.log(`written to ${path.relative(root, out)}`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
