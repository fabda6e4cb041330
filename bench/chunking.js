#!/usr/bin/env node
'use strict';
// Benchmark: large sends through the Braze node (n8n's real WorkflowExecute) against the local
// Braze stand-in. `npm run bench:chunking`.
//
//   1. one item naming 10,000 users            -> requests made (optimum 200), wall time
//   2. 2,000 items naming one user each         -> requests made (optimum 2,000), wall time
//   3. the same 2,000 items under a rate limit of 100 requests per 10 s window
//      -> requests made (429s included), elapsed / ideal time (target <= 1.2)
//   and the process's peak memory (max RSS).
//
// Options: --users 10000 --items 2000 --limit 100 --window-ms 10000 --skip-rate-limit
const fs = require('fs');
const {
	runBrazeNode,
	startStandIn,
	standInCredentials,
	brazeNodeType,
	arg,
} = require('./lib/engine');

const USERS = Number(arg('users', 10000));
const ITEMS = Number(arg('items', 2000));
const LIMIT = Number(arg('limit', 100));
const WINDOW_MS = Number(arg('window-ms', 10000));
const SKIP_RATE_LIMIT = process.argv.includes('--skip-rate-limit');

const nodeType = brazeNodeType();

const parameters = {
	resource: 'message',
	operation: 'send',
	externalUserIds: '={{ $json.ids }}',
	channels: ['email'],
	emailAppId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
	emailFrom: 'Acme Team <hello@acme.example>',
	emailSubject: 'Your weekly summary',
	emailBody: '<p>Here is what happened this week.</p>',
};

const ids = (count, prefix) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

async function scenario(standIn, name, items) {
	standIn.reset();
	const started = process.hrtime.bigint();
	const result = await runBrazeNode({
		nodeType,
		parameters,
		items,
		credentials: standInCredentials(standIn),
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (result.error) throw new Error(`${name}: the node failed: ${result.error.message}`);
	const expected = items.reduce((sum, item) => sum + item.ids.length, 0);
	const twice = [...standIn.deliveries.values()].filter((count) => count > 1).length;
	const rateLimited = standIn.requests.filter((request) => request.status === 429).length;
	return {
		name,
		requests: standIn.requests.length,
		rateLimited,
		ms,
		outputItems: result.output.length,
		delivered: standIn.deliveries.size,
		expected,
		twice,
	};
}

function report(row, extra = '') {
	const ok = row.delivered === row.expected && row.twice === 0 ? 'ok' : 'MISMATCH';
	console.log(
		`${row.name.padEnd(44)} requests ${String(row.requests).padStart(5)}` +
			`${row.rateLimited ? ` (${row.rateLimited} x 429)` : ''}  wall ${(row.ms / 1000).toFixed(2)} s` +
			`  delivered ${row.delivered}/${row.expected} once each: ${ok}${extra}`,
	);
}

async function main() {
	const standIn = await startStandIn();
	const results = {};
	try {
		const big = await scenario(standIn, `1 item x ${USERS} users`, [{ ids: ids(USERS, 'big') }]);
		report(big, `  (optimum ${Math.ceil(USERS / 50)} requests)`);
		results.oneItem = big;

		const many = ids(ITEMS, 'item').map((id) => ({ ids: [id] }));
		const plain = await scenario(standIn, `${ITEMS} items x 1 user`, many);
		report(plain, `  (optimum ${ITEMS} requests)`);
		results.manyItems = plain;

		if (!SKIP_RATE_LIMIT) {
			standIn.reset();
			const windows = Math.ceil(ITEMS / LIMIT);
			// Ideal: every window used to the full, the last one as fast as without a limit.
			const idealMs = (windows - 1) * WINDOW_MS + plain.ms;
			const limitedRun = async () => {
				standIn.setRateLimit({ limit: LIMIT, windowMs: WINDOW_MS });
				const started = process.hrtime.bigint();
				const result = await runBrazeNode({
					nodeType,
					parameters,
					items: many,
					credentials: standInCredentials(standIn),
				});
				const ms = Number(process.hrtime.bigint() - started) / 1e6;
				if (result.error) throw new Error(`rate limited: the node failed: ${result.error.message}`);
				return ms;
			};
			standIn.requests.length = 0;
			standIn.deliveries.clear();
			const ms = await limitedRun();
			const row = {
				name: `${ITEMS} items, limit ${LIMIT} per ${WINDOW_MS / 1000} s`,
				requests: standIn.requests.length,
				rateLimited: standIn.requests.filter((request) => request.status === 429).length,
				ms,
				delivered: standIn.deliveries.size,
				expected: ITEMS,
				twice: [...standIn.deliveries.values()].filter((count) => count > 1).length,
			};
			report(
				row,
				`\n${''.padEnd(44)} ideal ${(idealMs / 1000).toFixed(1)} s (${windows} windows)  elapsed/ideal ${(ms / idealMs).toFixed(3)} (target <= 1.2)`,
			);
			results.rateLimited = { ...row, idealMs, ratio: ms / idealMs };
		}
	} finally {
		await standIn.close();
	}
	const peakMb = process.resourceUsage().maxRSS / 1024;
	console.log(`peak memory (max RSS of this process): ${peakMb.toFixed(0)} MB`);
	results.peakRssMb = peakMb;
	if (arg('json')) fs.writeFileSync(arg('json'), JSON.stringify(results, null, 2));
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
