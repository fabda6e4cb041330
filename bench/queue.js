#!/usr/bin/env node
'use strict';
// Benchmark: the Braze node in n8n's queue mode (Redis + PostgreSQL + main + workers, the same
// stack as `npm run test:queue`), per execution.
//
//   npm run bench:queue                                  # 3 rounds x 200 executions per configuration
//   npm run bench:queue -- --rounds 5 --executions 300 --concurrency 20
//
// Configurations: both expression engines (n8n 2.41's default `vm`, and N8N_EXPRESSION_ENGINE=legacy)
// x 1 and 2 workers (concurrency 10 each). Per round, `executions` webhook executions are posted,
// `concurrency` at a time, each with 50 users in one item (the Braze node sends them in one
// request: Send's maximum), then one execution of 1,000 items (one user each, 1,000 requests).
//
// Measured: throughput (executions finished per second, from the first post to the last
// execution's stoppedAt in n8n's database); webhook-to-send latency (post → the request's arrival
// at the stand-in), p50 and p99; CPU milliseconds per execution of main, the workers (sum),
// PostgreSQL and Redis, from /proc/<pid>/stat utime+stime of each process group before and after.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureQueueInstalled } = require('../scripts/e2e-install');
const n8n = require('../scripts/lib/n8n');
const { QueueStack, waitFor, pool, treeCpuMs } = require('../scripts/lib/queue');
const { arg } = require('./run');
const wfs = require('../test/queue/workflows');

const ROUNDS = Number(arg('rounds', 3));
const EXECUTIONS = Number(arg('executions', 200));
const CONCURRENCY = Number(arg('concurrency', 20));
const BIG = Number(arg('big', 1000));
const SEQUENTIAL = Number(arg('sequential', 40));
const ENGINES = String(arg('engines', 'vm,legacy')).split(',');
const WORKERS = String(arg('workers', '1,2')).split(',').map(Number);
const OUT = arg('out', path.join(__dirname, 'results', 'queue-latest.json'));
const RECIPIENTS = 50;

const say = (...a) => console.log(...a);
const pct = (xs, p) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const median = (xs) => pct(xs, 50);
const round1 = (x) => Math.round(x * 10) / 10;

function cpu(stack) {
	const out = {
		main: treeCpuMs(stack.main.pid),
		workers: 0,
		postgres: treeCpuMs(stack.pg.pid),
		redis: treeCpuMs(stack.redis.pid),
	};
	for (const w of stack.workers()) out.workers += treeCpuMs(w.pid);
	return out;
}
const cpuDelta = (a, b, n) =>
	Object.fromEntries(Object.keys(a).map((k) => [k, round1((b[k] - a[k]) / n)]));

async function waitDone(stack, workflowId, known, n, timeoutMs = 600000) {
	let rows = [];
	await waitFor(
		async () => {
			rows = (await stack.executions(workflowId)).filter((e) => !known.has(String(e.id)));
			return rows.length >= n && rows.every((e) => e.status !== 'new' && e.status !== 'running');
		},
		{
			timeoutMs,
			intervalMs: 200,
			what: `${n} executions to finish`,
			detail: async () => `${rows.length} seen`,
		},
	);
	const bad = rows.filter((e) => e.status !== 'success');
	if (bad.length)
		throw new Error(`${bad.length} executions did not succeed: ${JSON.stringify(bad.slice(0, 3))}`);
	return rows;
}

async function ids(stack, workflowId) {
	return new Set((await stack.executions(workflowId)).map((e) => String(e.id)));
}

/** One round: EXECUTIONS webhook executions of RECIPIENTS users each. */
async function webhookRound(stack, standIn, tag) {
	const known = await ids(stack, wfs.BATCH_WORKFLOW_ID);
	const posted = new Map();
	const before = cpu(stack);
	const t0 = Date.now();
	await pool(
		Array.from({ length: EXECUTIONS }, (_, i) => async () => {
			const users = Array.from({ length: RECIPIENTS }, (__, j) => `${tag}-${i}-${j}`);
			posted.set(`${tag}-${i}-0`, Date.now());
			const r = await n8n.httpJson('POST', `${stack.main.url}/webhook/${wfs.BATCH_WEBHOOK_PATH}`, {
				body: { users },
			});
			if (r.status !== 200) throw new Error(`webhook answered ${r.status} ${r.text}`);
		}),
		CONCURRENCY,
	);
	const rows = await waitDone(stack, wfs.BATCH_WORKFLOW_ID, known, EXECUTIONS);
	const after = cpu(stack);
	const end = Math.max(...rows.map((e) => new Date(e.stoppedAt).getTime()));
	const reqs = standIn.requests.filter(
		(r) => r.path === '/messages/send' && posted.has(r.body?.external_user_ids?.[0]),
	);
	if (
		reqs.length !== EXECUTIONS ||
		reqs.some((r) => r.status !== 201 || r.body.external_user_ids.length !== RECIPIENTS)
	) {
		throw new Error(
			`expected ${EXECUTIONS} accepted requests of ${RECIPIENTS} recipients, got ${reqs.length}`,
		);
	}
	const lat = reqs.map((r) => r.receivedAt - posted.get(r.body.external_user_ids[0]));
	return {
		seconds: round1((end - t0) / 1000),
		perSecond: round1(EXECUTIONS / ((end - t0) / 1000)),
		latencyP50: median(lat),
		latencyP99: pct(lat, 99),
		cpuMsPerExecution: cpuDelta(before, after, EXECUTIONS),
	};
}

/**
 * Webhook-to-send latency without a queue in front: SEQUENTIAL executions, each posted once the
 * previous one's request has reached the stand-in.
 */
async function latencyRound(stack, standIn, tag) {
	const lat = [];
	for (let i = 0; i < SEQUENTIAL; i++) {
		const users = Array.from({ length: RECIPIENTS }, (__, j) => `${tag}-${i}-${j}`);
		const t0 = Date.now();
		const r = await n8n.httpJson('POST', `${stack.main.url}/webhook/${wfs.BATCH_WEBHOOK_PATH}`, {
			body: { users },
		});
		if (r.status !== 200) throw new Error(`webhook answered ${r.status} ${r.text}`);
		const req = await waitFor(
			() =>
				standIn.requests.find(
					(x) => x.body?.external_user_ids?.[0] === users[0] && x.status === 201,
				),
			{ timeoutMs: 60000, intervalMs: 5, what: `the send of ${users[0]}` },
		);
		lat.push(req.receivedAt - t0);
	}
	return { idleP50: median(lat), idleP99: pct(lat, 99) };
}

/** One execution of BIG items, one user (one request) each. */
async function bigRound(stack, standIn, tag) {
	const known = await ids(stack, wfs.WORKFLOW_ID);
	const users = Array.from({ length: BIG }, (_, i) => `${tag}-${i}`);
	const before = cpu(stack);
	const t0 = Date.now();
	await n8n.httpJson('POST', `${stack.main.url}/webhook/${wfs.WEBHOOK_PATH}`, { body: { users } });
	const [row] = await waitDone(stack, wfs.WORKFLOW_ID, known, 1);
	const after = cpu(stack);
	const sent = users.filter((u) => standIn.deliveries.get(`external:${u}`) === 1).length;
	if (sent !== BIG) throw new Error(`big execution: ${sent} of ${BIG} users sent once`);
	return {
		seconds: round1((new Date(row.stoppedAt).getTime() - t0) / 1000),
		cpuMsPerItem: cpuDelta(before, after, BIG),
	};
}

async function main() {
	const started = new Date();
	const load0 = os.loadavg();
	await ensureQueueInstalled();
	const { startBrazeStandIn } = require('../test/sandbox');
	const standIn = await startBrazeStandIn({ port: 0 });
	const tarball = n8n.packPackage({ log: say });
	const stack = new QueueStack({ tarball, log: (m) => say(`# ${m}`) });
	const configs = [];
	try {
		await stack.startInfra();
		await stack.importAndPublish({
			credentials: [n8n.brazeCredential(standIn.url)],
			workflows: [
				wfs.queueSendWorkflow(n8n.STANDIN_CREDENTIAL_ID),
				wfs.queueBatchWorkflow(n8n.STANDIN_CREDENTIAL_ID),
			],
		});
		for (const engine of ENGINES) {
			for (const workers of WORKERS) {
				const env = engine === 'vm' ? {} : { N8N_EXPRESSION_ENGINE: engine };
				const label = `${engine === 'vm' ? 'vm (default)' : engine}, ${workers} worker${workers > 1 ? 's' : ''}`;
				await Promise.all([stack.main, ...stack.workers()].filter(Boolean).map((p) => p.stop()));
				const procs = [await stack.startMain({ env })];
				for (let k = 1; k <= workers; k++)
					procs.push(await stack.startWorker(`${engine}-${workers}w-${k}`, { env }));
				await Promise.all(procs.map((p) => stack.waitReady(p)));
				await stack.waitWebhook(wfs.BATCH_WEBHOOK_PATH);
				await stack.waitWebhook(wfs.WEBHOOK_PATH);
				standIn.requests.length = 0;
				standIn.deliveries.clear();
				// Warm-up (not measured): compiles, connection pools, isolates.
				await webhookRound(stack, standIn, `warm-${engine}-${workers}`).catch((e) => {
					throw new Error(`warm-up failed (${label}): ${e.message}`);
				});
				const rounds = [];
				for (let r = 1; r <= ROUNDS; r++) {
					const hook = await webhookRound(stack, standIn, `b-${engine}-${workers}-${r}`);
					const idle = await latencyRound(stack, standIn, `l-${engine}-${workers}-${r}`);
					const big = await bigRound(stack, standIn, `big-${engine}-${workers}-${r}`);
					rounds.push({ round: r, ...hook, ...idle, big });
					say(
						`${label.padEnd(22)} round ${r}: ${hook.perSecond} exec/s, latency under load p50 ${hook.latencyP50} ms p99 ${hook.latencyP99} ms, ` +
							`one at a time p50 ${idle.idleP50} ms p99 ${idle.idleP99} ms, ` +
							`CPU ms/exec ${JSON.stringify(hook.cpuMsPerExecution)}; ${BIG} items ${big.seconds} s, CPU ms/item ${JSON.stringify(big.cpuMsPerItem)}`,
					);
					standIn.requests.length = 0; // keep memory flat; deliveries stay (each round uses new users)
				}
				configs.push({ engine, workers, label, rounds });
			}
		}
	} finally {
		await stack.stop();
		await standIn.close();
	}
	const summary = summarize(configs);
	const result = {
		date: started.toISOString(),
		finished: new Date().toISOString(),
		n8n: require(path.join(require('../scripts/lib/cache').paths.modules, 'n8n', 'package.json'))
			.version,
		machine: `${os.cpus().length} x ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
		loadavgBefore: load0.map(round1),
		loadavgAfter: os.loadavg().map(round1),
		settings: {
			rounds: ROUNDS,
			executions: EXECUTIONS,
			sequential: SEQUENTIAL,
			concurrency: CONCURRENCY,
			recipientsPerExecution: RECIPIENTS,
			bigItems: BIG,
			workerConcurrency: 10,
		},
		summary,
		model: model(summary),
		configs,
	};
	fs.mkdirSync(path.dirname(OUT), { recursive: true });
	fs.writeFileSync(OUT, JSON.stringify(result, null, 2));
	say('');
	say(report(result));
	say(`Results written to ${path.relative(process.cwd(), OUT)}`);
}

const range = (xs) => `${median(xs)} (${Math.min(...xs)}–${Math.max(...xs)})`;

function summarize(configs) {
	return configs.map(({ label, engine, workers, rounds }) => {
		const col = (f) => rounds.map(f);
		return {
			label,
			engine,
			workers,
			perSecond: range(col((r) => r.perSecond)),
			latencyP50: range(col((r) => r.latencyP50)),
			latencyP99: range(col((r) => r.latencyP99)),
			idleP50: range(col((r) => r.idleP50)),
			idleP99: range(col((r) => r.idleP99)),
			cpu: Object.fromEntries(
				['main', 'workers', 'postgres', 'redis'].map((k) => [
					k,
					range(col((r) => r.cpuMsPerExecution[k])),
				]),
			),
			cpuMedian: Object.fromEntries(
				['main', 'workers', 'postgres', 'redis'].map((k) => [
					k,
					median(col((r) => r.cpuMsPerExecution[k])),
				]),
			),
			bigSeconds: range(col((r) => r.big.seconds)),
			bigCpuItem: Object.fromEntries(
				['main', 'workers', 'postgres', 'redis'].map((k) => [
					k,
					range(col((r) => r.big.cpuMsPerItem[k])),
				]),
			),
			bigCpuItemMedian: Object.fromEntries(
				['main', 'workers', 'postgres', 'redis'].map((k) => [
					k,
					median(col((r) => r.big.cpuMsPerItem[k])),
				]),
			),
		};
	});
}

// Braze's limits (docs/scaling.md cites them): /messages/send to named users counts against the
// shared 250,000 requests per hour; /users/track allows 3,000 requests per 3 seconds.
const LIMITS = [
	{ endpoint: '/messages/send', perRequest: '50 recipients', requestsPerSecond: 250000 / 3600 },
	{ endpoint: '/users/track', perRequest: '75 objects', requestsPerSecond: 3000 / 3 },
];

/**
 * Cores (≈ worker processes at 100 % of a core each) needed to keep up with Braze's limit, from
 * the CPU milliseconds per request: one execution per request (webhook-driven), or one item per
 * request inside a large execution. Only the 2-worker figures (vm default, legacy) are used.
 */
function model(summary) {
	const rows = [];
	for (const s of summary.filter((x) => x.workers === Math.max(...summary.map((y) => y.workers)))) {
		for (const l of LIMITS) {
			const perExec = s.cpuMedian;
			const perItem = s.bigCpuItemMedian;
			rows.push({
				engine: s.engine,
				endpoint: l.endpoint,
				perRequest: l.perRequest,
				brazeRequestsPerSecond: round1(l.requestsPerSecond),
				webhookPerRequest: {
					workerCores: round1((l.requestsPerSecond * perExec.workers) / 1000),
					mainCores: round1((l.requestsPerSecond * perExec.main) / 1000),
					dbCores: round1((l.requestsPerSecond * perExec.postgres) / 1000),
				},
				bigExecution: {
					workerCores: round1((l.requestsPerSecond * perItem.workers) / 1000),
					dbCores: round1((l.requestsPerSecond * (perItem.postgres + perItem.main)) / 1000),
				},
			});
		}
	}
	return rows;
}

function report(r) {
	const lines = [];
	lines.push(
		`bench:queue ${r.date} (n8n ${r.n8n}; ${r.machine}; load average before ${r.loadavgBefore.join(' ')}, after ${r.loadavgAfter.join(' ')})`,
	);
	lines.push(
		`${r.settings.rounds} rounds, each: ${r.settings.executions} webhook executions ${r.settings.concurrency} at a time (throughput, latency under load, CPU), ${r.settings.sequential} one at a time (latency), one ${r.settings.bigItems}-item execution; ${r.settings.recipientsPerExecution} recipients = 1 request per webhook execution. Median (min–max of the rounds).`,
	);
	lines.push('');
	lines.push(
		`| engine, workers | executions/s | latency one at a time p50 / p99 ms | latency under load p50 / p99 ms | CPU ms/exec main | workers | PostgreSQL | Redis | ${r.settings.bigItems} items s | CPU ms/item workers |`,
	);
	lines.push('|---|---|---|---|---|---|---|---|---|---|');
	for (const s of r.summary) {
		lines.push(
			`| ${s.label} | ${s.perSecond} | ${s.idleP50} / ${s.idleP99} | ${s.latencyP50} / ${s.latencyP99} | ${s.cpu.main} | ${s.cpu.workers} | ${s.cpu.postgres} | ${s.cpu.redis} | ${s.bigSeconds} | ${s.bigCpuItem.workers} |`,
		);
	}
	lines.push('');
	lines.push('Cores (≈ workers at one full core each) before Braze, not n8n, is the limit:');
	lines.push(
		'| engine | endpoint (per request) | Braze req/s | one execution per request: worker cores | main cores | DB cores | items of a big execution: worker cores |',
	);
	lines.push('|---|---|---|---|---|---|---|');
	for (const m of r.model) {
		lines.push(
			`| ${m.engine} | ${m.endpoint} (${m.perRequest}) | ${m.brazeRequestsPerSecond} | ${m.webhookPerRequest.workerCores} | ${m.webhookPerRequest.mainCores} | ${m.webhookPerRequest.dbCores} | ${m.bigExecution.workerCores} |`,
		);
	}
	return lines.join('\n');
}

module.exports = { model, summarize, report };

if (require.main === module) {
	main().catch((e) => {
		console.error('bench:queue FAILED:', e.message);
		process.exit(1);
	});
}
