#!/usr/bin/env node
'use strict';
// Benchmark: a product feed of --items rows (default 1,000) through Catalog Item › Create or
// Replace, in n8n's real WorkflowExecute, against the local Braze stand-in and its catalog rate
// limits. `npm run bench:catalogs`.
//
// Cases:
//   - the node, Batch Items on (the default): the rows share PUT /catalogs/{name}/items requests of
//     up to 50 items, Braze's maximum: ceil(1000 / 50) = 20 requests;
//   - the node, Batch Items off: one bulk request per row (1,000 requests);
//   - one request per row on Braze's synchronous single-item endpoint, PUT
//     /catalogs/{name}/items/{item_id}, as an HTTP Request node looping over the rows would make
//     it: a plain client that waits for the announced reset after each 429.
//
// Braze's catalog limits (https://www.braze.com/docs/api/api_limits): 16,000 requests a minute
// shared by the bulk item endpoints, 50 a minute shared by the synchronous item endpoints. The
// stand-in keeps the counts and shortens the minute by --scale (default 20: 3 s windows), so that
// a run that waits for 20 windows takes a minute, not twenty; its X-RateLimit-Reset is in whole
// seconds, as Braze's, so each wait may run up to a second past the window. Each answer also waits
// --latency-ms (default 20), as a network path to Braze would.
//
// Each case runs --rounds times (default 3; the single-item case --slow-rounds, default 2). Printed:
// requests, min / median / max wall time, the load average at each run's start, and whether every
// row was written exactly once.
//
// Options: --items 1000 --rounds 3 --slow-rounds 2 --scale 20 --latency-ms 20 --json bench/results/catalogs.json
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
const { catalogsOf } = require(path.join(root, 'test/sandbox/routes/catalogsStore'));

const ITEMS = Number(arg('items', 1000));
const ROUNDS = Number(arg('rounds', 3));
const SLOW_ROUNDS = Number(arg('slow-rounds', 2));
const SCALE = Number(arg('scale', 20));
const LATENCY_MS = Number(arg('latency-ms', 20));
const WINDOW_MS = 60000 / SCALE;
const CATALOG = 'products';

const nodeType = brazeNodeType();

const rows = (count) =>
	Array.from({ length: count }, (_, i) => ({
		sku: `sku-${String(i + 1).padStart(5, '0')}`,
		name: `Product ${i + 1}`,
		price: 10 + (i % 90),
		in_stock: i % 7 !== 0,
	}));

const FIELDS = [
	{ name: 'name', type: 'string' },
	{ name: 'price', type: 'number' },
	{ name: 'in_stock', type: 'boolean' },
];

/** A fresh catalog and rate-limit windows; `expected` answers wait --latency-ms each. */
function prepare(standIn, expected) {
	standIn.reset();
	const store = catalogsOf(standIn.profiles);
	store.reset();
	store.configure({ windowMs: WINDOW_MS });
	store.create(CATALOG, FIELDS);
	if (LATENCY_MS > 0) {
		standIn.queueFaults(...Array.from({ length: expected }, () => ({ type: 'slow', delayMs: LATENCY_MS })));
	}
	return store;
}

/** Every row written once: one accepted change per SKU, and the catalog holds them all. */
function everyRowOnce(store, items) {
	const counts = new Map();
	for (const change of store.accepted) counts.set(change.id, (counts.get(change.id) ?? 0) + 1);
	store.settle(Date.now());
	return items.every((item) => counts.get(item.sku) === 1) && store.items(CATALOG).length === items.length;
}

async function throughNode(standIn, items, batchItems) {
	const store = prepare(standIn, batchItems ? Math.ceil(items.length / 50) + 10 : items.length + 10);
	const load = os.loadavg()[0];
	const started = process.hrtime.bigint();
	const result = await runBrazeNode({
		nodeType,
		typeVersion: 2,
		parameters: {
			resource: 'catalogItem',
			operation: 'replace',
			catalogName: { __rl: true, mode: 'name', value: CATALOG },
			itemId: '={{ $json.sku }}',
			itemFields: {
				field: [
					{ name: 'name', value: '={{ $json.name }}' },
					{ name: 'price', value: '={{ $json.price }}' },
					{ name: 'in_stock', value: '={{ $json.in_stock }}' },
				],
			},
			options: { batchItems, maxWaitOnRateLimit: 3600 },
		},
		items,
		credentials: standInCredentials(standIn),
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (result.error) throw new Error(`the node failed: ${result.error.message}`);
	const requests = standIn.requests.filter((r) => r.path === `/catalogs/${CATALOG}/items`);
	return {
		ms,
		load,
		requests: requests.length,
		rateLimited: requests.filter((r) => r.status === 429).length,
		outputs: result.output.length,
		once: everyRowOnce(store, items),
	};
}

/** One PUT per row on the synchronous endpoint, waiting for the reset after a 429. */
async function onePerRowSync(standIn, items) {
	const store = prepare(standIn, items.length * 2);
	const load = os.loadavg()[0];
	const started = process.hrtime.bigint();
	for (const row of items) {
		for (;;) {
			const res = await fetch(`${standIn.url}/catalogs/${CATALOG}/items/${row.sku}`, {
				method: 'PUT',
				headers: { Authorization: 'Bearer local-dev-key', 'Content-Type': 'application/json' },
				body: JSON.stringify({ items: [{ name: row.name, price: row.price, in_stock: row.in_stock }] }),
			});
			await res.arrayBuffer();
			if (res.status !== 429) {
				if (res.status >= 300) throw new Error(`PUT ${row.sku}: ${res.status}`);
				break;
			}
			const reset = Number(res.headers.get('x-ratelimit-reset')) * 1000;
			await new Promise((resolve) => setTimeout(resolve, Math.max(0, reset - Date.now())));
		}
	}
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const requests = standIn.requests.filter((r) => r.path.startsWith(`/catalogs/${CATALOG}/items/`));
	return {
		ms,
		load,
		requests: requests.length,
		rateLimited: requests.filter((r) => r.status === 429).length,
		outputs: items.length,
		once: everyRowOnce(store, items),
	};
}

async function main() {
	// The stand-in's windows on the real clock, the one the node waits on here.
	const standIn = await startStandIn({ now: Date.now });
	const results = {
		date: new Date().toISOString(),
		items: ITEMS,
		latencyMs: LATENCY_MS,
		rateLimits: {
			bulk: '16,000 requests a minute (Braze), kept; the minute scaled',
			sync: '50 requests a minute (Braze), kept; the minute scaled',
			windowMs: WINDOW_MS,
			scale: SCALE,
		},
		node: process.version,
		cpus: os.cpus().length,
		cases: [],
	};
	const items = rows(ITEMS);
	const cases = [
		['Node, Batch Items on (bulk PUT, up to 50 a request)', ROUNDS, () => throughNode(standIn, items, true)],
		['Node, Batch Items off (bulk PUT, one row a request)', ROUNDS, () => throughNode(standIn, items, false)],
		['One request per row (PUT /items/{id}, 50/min)', SLOW_ROUNDS, () => onePerRowSync(standIn, items)],
	];
	try {
		console.log(
			`${ITEMS} product rows; catalog limits 16,000 (bulk) and 50 (single-item) requests per ${WINDOW_MS / 1000} s window (Braze's minute scaled by 1/${SCALE}); ${LATENCY_MS} ms per answer; ${os.cpus().length} cores, ${process.version}, ${results.date}`,
		);
		for (const [name, rounds, once] of cases) {
			if (rounds < 1) continue;
			const runs = [];
			for (let round = 0; round < rounds; round++) runs.push(await once());
			const ms = runs.map((run) => run.ms);
			const row = {
				case: name,
				items: ITEMS,
				requests: runs[0].requests,
				rateLimited: runs.map((run) => run.rateLimited),
				medianMs: Math.round(median(ms)),
				minMs: Math.round(Math.min(...ms)),
				maxMs: Math.round(Math.max(...ms)),
				runsMs: ms.map(Math.round),
				loadAverages: runs.map((run) => Number(run.load.toFixed(2))),
				everyRowOnce: runs.every((run) => run.once),
				outputItems: runs[0].outputs,
			};
			results.cases.push(row);
			console.log(
				`${name.padEnd(52)} requests ${String(row.requests).padStart(5)} (429s ${row.rateLimited.join('/')})` +
					`  min ${(row.minMs / 1000).toFixed(2)} s  median ${(row.medianMs / 1000).toFixed(2)} s  max ${(row.maxMs / 1000).toFixed(2)} s` +
					`  (load ${row.loadAverages.join(', ')})  outputs ${row.outputItems}  each row once: ${row.everyRowOnce ? 'yes' : 'NO'}`,
			);
		}
	} finally {
		await standIn.close();
	}
	const out = arg('json', path.join(__dirname, 'results', 'catalogs.json'));
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.writeFileSync(out, JSON.stringify(results, null, 2));
	console.log(`written to ${path.relative(root, out)}`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
