'use strict';
// n8n queue mode: Redis + PostgreSQL + an n8n main + 2 workers, this package installed on each
// as a community package, every send going to the Braze stand-in. Run with `npm run test:queue`.
//
// Assertions are made at the stand-in (what Braze would have received) and in n8n's database
// (execution rows and run data), never on a webhook's HTTP status: a webhook that answers at once
// says 200 even when the worker then fails. Which process ran an execution comes from the n8n
// logs ("Worker started execution N"). Every process is stopped by its PID at the end.
if (process.env.BRAZE_QUEUE !== '1') {
	console.log('# queue-mode suite: run it with `npm run test:queue` (BRAZE_QUEUE=1)');
	process.exit(0);
}
const { it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { ensureQueueInstalled } = require('../../scripts/e2e-install');
const n8n = require('../../scripts/lib/n8n');
const { QueueStack, waitFor, pool, logLines, tail } = require('../../scripts/lib/queue');
const { queueSendWorkflow, WEBHOOK_PATH, WORKFLOW_ID } = require('./workflows');

const log = (...a) => console.log('#', ...a);
const users = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

// Bull's lock and stall check, shortened so that a dead worker is noticed in seconds rather than
// in up to 90 s (defaults: lock 60 s, renewed every 10 s, stall check every 30 s). The
// behaviour is the same, only sooner.
const LOCK_ENV = {
	QUEUE_WORKER_LOCK_DURATION: '15000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '3000',
	QUEUE_WORKER_STALLED_INTERVAL: '5000',
};

let standIn;
let stack;
let setupError;
let crashed; // the execution whose worker 5a killed
const results = {};

before(async () => {
	try {
		const t0 = Date.now();
		await ensureQueueInstalled();
		const { startBrazeStandIn } = require('../sandbox');
		standIn = await startBrazeStandIn({ port: 0 });
		const tarball = n8n.packPackage({ log });
		stack = new QueueStack({ tarball, log, env: LOCK_ENV });
		await stack.startInfra();
		await stack.importAndPublish({
			credentials: [n8n.brazeCredential(standIn.url)],
			workflows: [queueSendWorkflow(n8n.STANDIN_CREDENTIAL_ID)],
		});
		const procs = [
			await stack.startMain(),
			await stack.startWorker('w1'),
			await stack.startWorker('w2'),
		];
		await Promise.all(procs.map((p) => stack.waitReady(p)));
		await stack.waitWebhook(WEBHOOK_PATH);
		log(
			`stack ready in ${Math.round((Date.now() - t0) / 1000)} s: main ${stack.main.url}, workers w1 w2 (concurrency 10)`,
		);
	} catch (e) {
		setupError = e;
	}
});

after(async () => {
	if (stack) {
		if (process.exitCode || setupError) {
			for (const p of stack.procs.values())
				log(`--- last lines of ${p.name} (${p.logFile})\n${tail(p.log(), 15)}`);
		}
		await stack.stop();
		log(
			`stopped every process (${[...stack.procs.values()].map((p) => `${p.name}:${p.pid}`).join(' ')})`,
		);
	}
	if (standIn) await standIn.close();
	if (Object.keys(results).length) log(`results ${JSON.stringify(results)}`);
});

function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
}

// --- what the stand-in saw

const sends = (prefix) =>
	standIn.requests.filter(
		(r) =>
			r.path === '/messages/send' &&
			(r.body?.external_user_ids?.[0] || '').startsWith(`${prefix}-`),
	);
const accepted = (prefix) => sends(prefix).filter((r) => r.status === 201);

/** Per-recipient delivery counts for `expected` users: delivered once, more than once, never. */
function deliveryStats(expected) {
	let once = 0;
	let twice = 0;
	let never = 0;
	for (const u of expected) {
		const c = standIn.deliveries.get(`external:${u}`) || 0;
		if (c === 0) never++;
		else if (c === 1) once++;
		else twice++;
	}
	return { delivered: once + twice, once, duplicated: twice, never };
}
const deliveredCount = (expected) =>
	expected.filter((u) => standIn.deliveries.get(`external:${u}`)).length;

// --- what n8n's database says

async function knownIds() {
	return new Set((await stack.executions(WORKFLOW_ID)).map((e) => String(e.id)));
}
async function newExecutions(known) {
	return (await stack.executions(WORKFLOW_ID)).filter((e) => !known.has(String(e.id)));
}
const FINAL = new Set(['success', 'error', 'crashed', 'canceled']);

/** Wait until `n` executions not in `known` have a final status; returns them. */
async function waitExecutionsDone(known, n, timeoutMs) {
	let rows = [];
	await waitFor(
		async () => {
			rows = await newExecutions(known);
			return rows.length >= n && rows.every((e) => FINAL.has(e.status));
		},
		{
			timeoutMs,
			intervalMs: 500,
			what: `${n} executions to finish`,
			detail: async () => `executions: ${JSON.stringify(rows.map((e) => [e.id, e.status]))}`,
		},
	);
	return rows;
}

/** POST to main's webhook. Its 200 proves nothing (it answers before a worker runs anything), but anything else fails at once. */
async function post(userList) {
	const r = await n8n.httpJson('POST', `${stack.main.url}/webhook/${WEBHOOK_PATH}`, {
		body: { users: userList },
	});
	if (r.status !== 200) throw new Error(`webhook answered ${r.status} ${r.text}`);
	return r;
}

const sentItems = (data) =>
	(data?.resultData?.runData?.Braze?.[0]?.data?.main?.[0] || []).map((i) => i.json);

it('setup: Redis, PostgreSQL, n8n main + 2 workers, the package on each', () => {
	if (setupError) throw setupError;
});

it(
	'1. basic: a webhook send runs on a worker, never on main; its dispatch_id is in the execution data',
	{ timeout: 120000 },
	async () => {
		requireSetup();
		const known = await knownIds();
		await post(['basic-1']);
		const [exec] = await waitExecutionsDone(known, 1, 60000);
		assert.equal(exec.status, 'success');
		const [req] = accepted('basic');
		assert.ok(req, 'the stand-in received the send');
		assert.equal(sends('basic').length, 1);
		const data = await stack.executionData(exec.id);
		const [item] = sentItems(data);
		assert.equal(
			item.dispatch_id,
			req.response.dispatch_id,
			'the dispatch_id Braze answered is in the execution data',
		);
		assert.equal(
			data.resultData.runData.Next[0].data.main[0][0].json.dispatchId,
			req.response.dispatch_id,
		);
		const ranOn = stack.startedBy().get(String(exec.id)) || [];
		assert.equal(ranOn.length, 1, `started once: ${ranOn}`);
		assert.match(ranOn[0], /^w\d$/, 'a worker ran it');
		assert.ok(
			logLines(stack.main.log()).some((l) =>
				(l.message || '').startsWith(`Enqueued execution ${exec.id} `),
			),
			'main put it on the queue',
		);
		log(`execution ${exec.id} ran on ${ranOn[0]}, dispatch_id ${item.dispatch_id}`);
	},
);

it(
	'2. load: 200 webhook executions, 20 at a time: 200 sends, each user once, both workers ran some',
	{ timeout: 300000 },
	async () => {
		requireSetup();
		const list = users('load', 200);
		const known = await knownIds();
		const t0 = Date.now();
		await pool(
			list.map((u) => () => post([u])),
			20,
		);
		const execs = await waitExecutionsDone(known, 200, 240000);
		const seconds = (Date.now() - t0) / 1000;
		assert.deepEqual(
			execs.filter((e) => e.status !== 'success').map((e) => [e.id, e.status]),
			[],
		);
		assert.equal(execs.length, 200);
		assert.equal(accepted('load').length, 200, 'exactly 200 sends');
		assert.deepEqual(deliveryStats(list), { delivered: 200, once: 200, duplicated: 0, never: 0 });
		const started = stack.startedBy();
		const perWorker = {};
		for (const e of execs) {
			const on = started.get(String(e.id)) || [];
			assert.equal(on.length, 1, `execution ${e.id} started once, on a worker (${on})`);
			perWorker[on[0]] = (perWorker[on[0]] || 0) + 1;
		}
		assert.ok(
			perWorker.w1 > 0 && perWorker.w2 > 0,
			`both workers ran some: ${JSON.stringify(perWorker)}`,
		);
		results.load = { executions: 200, perWorker, seconds };
		log(`200 executions in ${seconds.toFixed(1)} s; per worker ${JSON.stringify(perWorker)}`);
	},
);

it(
	'3. one big execution: 1,000 items through the queue, 1,000 sends, each once',
	{ timeout: 300000 },
	async () => {
		requireSetup();
		const list = users('big', 1000);
		const known = await knownIds();
		const t0 = Date.now();
		await post(list);
		const [exec] = await waitExecutionsDone(known, 1, 240000);
		assert.equal(exec.status, 'success');
		assert.equal(accepted('big').length, 1000);
		assert.deepEqual(deliveryStats(list), { delivered: 1000, once: 1000, duplicated: 0, never: 0 });
		const items = sentItems(await stack.executionData(exec.id));
		assert.equal(items.length, 1000);
		assert.equal(
			new Set(items.map((i) => i.dispatch_id)).size,
			1000,
			'1,000 distinct dispatch_ids in the execution data',
		);
		results.big = {
			seconds: (Date.now() - t0) / 1000,
			worker: stack.startedBy().get(String(exec.id)),
		};
		log(`1,000 items in ${results.big.seconds.toFixed(1)} s on ${results.big.worker}`);
	},
);

/**
 * Two executions of N users each, posted at once under a limit of LIMIT per WINDOW_MS, their
 * users prefixed `${tag}a` and `${tag}b`: what the stand-in and n8n's database saw.
 */
async function sharedLimitRun(tag, N, LIMIT, WINDOW_MS) {
	const [pa, pb] = [`${tag}a`, `${tag}b`];
	const a = users(pa, N);
	const b = users(pb, N);
	const known = await knownIds();
	standIn.setRateLimit({ limit: LIMIT, windowMs: WINDOW_MS });
	// Each execution's first request waits at the stand-in until the other execution has sent
	// too, so that the two share the limit for certain rather than when the workers happen to
	// start together (on a loaded machine one started 20 s late and they never overlapped).
	const hasSent = (prefix) => (reqs) =>
		reqs.some((r) => r.path === '/messages/send' && r.rawBody.includes(`"${prefix}-`));
	standIn.hold('/messages/send', (reqs) => hasSent(pa)(reqs) && hasSent(pb)(reqs));
	try {
		await Promise.all([post(a), post(b)]);
		const execs = await waitExecutionsDone(known, 2, 240000);
		const reqs = [...sends(pa), ...sends(pb)];
		const span = (list) => [
			Math.min(...list.map((r) => r.receivedAt)),
			Math.max(...list.map((r) => r.receivedAt)),
		];
		const [a0, a1] = span(sends(pa));
		const [b0, b1] = span(sends(pb));
		return {
			execs,
			stats: deliveryStats([...a, ...b]),
			reqs,
			on: execs.map((e) => (stack.startedBy().get(String(e.id)) || [])[0]),
			overlapS: Math.max(0, Math.min(a1, b1) - Math.max(a0, b0)) / 1000,
		};
	} finally {
		standIn.setRateLimit(null);
		standIn.releaseHolds();
	}
}

it(
	'4. shared rate limit: two workers, two large executions at once, 100 requests per 10 s: 0 lost, 0 duplicated',
	{ timeout: 600000 },
	async () => {
		requireSetup();
		const N = 200;
		const LIMIT = 100;
		const WINDOW_MS = 10000;
		// Which worker takes a job is Bull's choice: when both jobs went to one worker, the case
		// is run again (up to three times), since only two workers test a limit they share.
		let run;
		for (let attempt = 1; attempt <= 3; attempt++) {
			run = await sharedLimitRun(`rl${attempt}`, N, LIMIT, WINDOW_MS);
			assert.deepEqual(
				run.execs.map((e) => e.status),
				['success', 'success'],
			);
			assert.deepEqual(
				run.stats,
				{ delivered: 2 * N, once: 2 * N, duplicated: 0, never: 0 },
				'0 lost, 0 duplicated',
			);
			if (run.on[0] !== run.on[1]) break;
			log(`attempt ${attempt}: both executions ran on ${run.on[0]}; running the case again`);
		}
		const { reqs, on, overlapS } = run;
		const ok = reqs.filter((r) => r.status === 201);
		const limited = reqs.filter((r) => r.status === 429);
		assert.equal(ok.length, 2 * N);
		assert.equal(
			reqs.length,
			ok.length + limited.length,
			'every request was either sent or refused with 429',
		);
		const first = Math.min(...reqs.map((r) => r.receivedAt));
		const last = Math.max(...ok.map((r) => r.receivedAt));
		// The stand-in's window opens at the first request: 400 requests at 100 per 10 s can end
		// at the earliest in the 4th window, 30 s after the first.
		const idealS = ((Math.ceil((2 * N) / LIMIT) - 1) * WINDOW_MS) / 1000;
		const elapsedS = (last - first) / 1000;
		results.rateLimit = {
			limit: `${LIMIT} per ${WINDOW_MS / 1000} s`,
			requests: reqs.length,
			sent: ok.length,
			answered429: limited.length,
			elapsedS: Number(elapsedS.toFixed(1)),
			idealS,
			overIdealS: Number((elapsedS - idealS).toFixed(1)),
			workers: on,
			overlapS: Number(overlapS.toFixed(1)),
		};
		log(`shared rate limit: ${JSON.stringify(results.rateLimit)}`);
		assert.ok(on[0] && on[1], `both executions ran on workers: ${on}`);
		assert.notEqual(on[0], on[1], `the two executions ran on two different workers: ${on}`);
		assert.ok(overlapS > 0, 'the two executions sent at the same time');
	},
);

/**
 * SIGKILL the worker running a 1,000-item send once `killAt` recipients have been sent; wait
 * until n8n has settled the execution; report deliveries, duplicates and the execution record.
 */
async function crashRun(prefix, label) {
	const list = users(prefix, 1000);
	const known = await knownIds();
	// 100 requests per second: the send takes ~10 s, so there is time to kill it half-way.
	standIn.setRateLimit({ limit: 100, windowMs: 1000 });
	try {
		await post(list);
		let exec;
		let victim;
		await waitFor(
			async () => {
				[exec] = await newExecutions(known);
				const on = exec && stack.startedBy().get(String(exec.id));
				victim = on && stack.procs.get(on[0]);
				return victim && deliveredCount(list) >= 300;
			},
			{
				timeoutMs: 120000,
				what: `the ${label} execution to start on a worker and send 300 messages`,
			},
		);
		const atKill = deliveredCount(list);
		const killedAt = Date.now();
		await victim.stop({ signal: 'SIGKILL' });
		log(
			`${label}: SIGKILL ${victim.name} (pid ${victim.pid}) running execution ${exec.id} after ${atKill} deliveries`,
		);
		const [done] = await waitExecutionsDone(known, 1, 180000);
		const settledS = (Date.now() - killedAt) / 1000;
		const data = await stack.executionData(done.id);
		const err = data?.resultData?.error;
		const stats = deliveryStats(list);
		const startedOn = stack.startedBy().get(String(done.id)) || [];
		const survivorLines = stack
			.workers()
			.flatMap((w) => logLines(w.log()).map((l) => ({ w: w.name, ...l })))
			.filter(
				(l) =>
					l.metadata?.executionId === String(done.id) ||
					(l.message || '').includes(`execution ${done.id} `),
			);
		const mainLines = logLines(stack.main.log()).filter(
			(l) => (l.message || '').includes(`${done.id}`) && l.level !== 'debug',
		);
		const r = {
			killed: victim.name,
			deliveredAtKill: atKill,
			delivered: stats.delivered,
			duplicated: stats.duplicated,
			neverSent: stats.never,
			startedOn,
			status: done.status,
			finished: done.finished,
			error: err ? `${err.name || ''}: ${err.message}` : null,
			settledAfterKillS: Number(settledS.toFixed(1)),
			mainLog: mainLines.map((l) => `${l.level}: ${l.message.split('\n')[0]}`).slice(0, 5),
			workerLog: survivorLines
				.map((l) => `${l.w} ${l.level}: ${l.message.split('\n')[0]}`)
				.slice(0, 5),
		};
		log(`${label}: ${JSON.stringify(r)}`);
		return { r, exec: done, victim };
	} finally {
		standIn.setRateLimit(null);
	}
}

it(
	'5a. a worker SIGKILLed mid-send (n8n 2.41 defaults): no re-run, no duplicate; the execution ends as failed',
	{ timeout: 420000 },
	async () => {
		requireSetup();
		const { r, victim, exec } = await crashRun('crash1', 'default settings');
		results.crashDefault = r;
		crashed = exec;
		assert.equal(r.duplicated, 0, 'no recipient got the message twice');
		assert.deepEqual(r.startedOn, [victim.name], 'no other worker ran the execution again');
		assert.ok(
			r.delivered >= r.deliveredAtKill && r.delivered < 1000,
			'the send stopped where the worker died',
		);
		assert.notEqual(r.status, 'success');
		// Replace the dead worker for what follows.
		await stack.waitReady(await stack.startWorker(`${victim.name}b`));
	},
);

/** An owner session on main's REST API (what the editor uses): cookie + browser-id headers. */
let session;
async function ownerSession() {
	if (session) return session;
	const browserId = 'braze-queue-test';
	const r = await n8n.httpJson('POST', `${stack.main.url}/rest/owner/setup`, {
		body: {
			email: 'queue@example.com',
			firstName: 'Queue',
			lastName: 'Test',
			password: 'Queue-pass-1234',
		},
		headers: { 'browser-id': browserId },
	});
	if (r.status !== 200) throw new Error(`owner setup: ${r.status} ${r.text}`);
	session = {
		cookie: (r.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; '),
		'browser-id': browserId,
	};
	return session;
}

it(
	"5b. Retry of that failed execution (the editor's Retry button): nothing is sent again, nothing more is sent",
	{ timeout: 300000 },
	async () => {
		requireSetup();
		assert.ok(crashed, 'needs the execution of 5a');
		const list = users('crash1', 1000);
		const before = deliveryStats(list);
		const known = await knownIds();
		const r = await n8n.httpJson('POST', `${stack.main.url}/rest/executions/${crashed.id}/retry`, {
			body: { loadWorkflow: false },
			headers: await ownerSession(),
		});
		assert.equal(r.status, 200, `retry answered ${r.status} ${r.text.slice(0, 300)}`);
		const [retry] = await waitExecutionsDone(known, 1, 240000);
		const after = deliveryStats(list);
		const err = (await stack.executionData(retry.id))?.resultData?.error;
		results.retryAfterCrash = {
			retried: crashed.id,
			execution: retry.id,
			mode: retry.mode,
			status: retry.status,
			error: err ? err.message : null,
			ranForMs: new Date(retry.stoppedAt) - new Date(retry.startedAt),
			sentBeforeRetry: before.delivered,
			delivered: after.delivered,
			duplicated: after.duplicated,
			neverSent: after.never,
			ranOn: stack.startedBy().get(String(retry.id)),
		};
		log(`retry after the crash: ${JSON.stringify(results.retryAfterCrash)}`);
		assert.equal(
			retry.mode,
			'retry',
			'n8n marks it as a retry (what a node can see: this.getMode())',
		);
		// What n8n 2.41 does: the crashed execution's record has no node left to run (its run data
		// and execution stack are empty), so the retry ends at once with the same error and
		// sends nothing: no duplicate, and the 700 unsent recipients stay unsent.
		assert.equal(after.duplicated, 0, 'the retry sent nobody a second message');
		assert.equal(after.delivered, before.delivered, 'the retry sent nothing');
		assert.notEqual(retry.status, 'success', 'and it says so: the retry is not a success');
	},
);

it(
	"5c. the same with n8n's own lock timing and QUEUE_WORKER_MAX_STALLED_COUNT=1 (n8n 1.x default): ignored by n8n 2.x, still no re-run",
	{ timeout: 420000 },
	async () => {
		requireSetup();
		// Both workers get the variable (the stall check runs in the surviving worker) and n8n's
		// default lock timing, to measure how long a real deployment takes to notice.
		const old = stack.workers();
		const env = {
			QUEUE_WORKER_MAX_STALLED_COUNT: '1',
			QUEUE_WORKER_LOCK_DURATION: '60000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '10000',
			QUEUE_WORKER_STALLED_INTERVAL: '30000',
		};
		const fresh = [await stack.startWorker('w3', { env }), await stack.startWorker('w4', { env })];
		await Promise.all(fresh.map((p) => stack.waitReady(p)));
		await Promise.all(old.map((p) => p.stop()));
		const { r, victim } = await crashRun('crash2', 'QUEUE_WORKER_MAX_STALLED_COUNT=1');
		results.crashMaxStalled1 = r;
		assert.equal(r.duplicated, 0, 'no recipient got the message twice');
		assert.deepEqual(r.startedOn, [victim.name], 'no other worker ran the execution again');
		assert.notEqual(r.status, 'success');
		// n8n 2.41 says nothing about the variable at start-up (its breaking-changes report lists it).
		results.crashMaxStalled1.warnedAtStartup = fresh.some((w) =>
			w.log().includes('QUEUE_WORKER_MAX_STALLED_COUNT'),
		);
	},
);

it(
	'5d. Retry of an execution that failed in the Braze node: it sends only what the failed execution did not',
	{ timeout: 300000 },
	async () => {
		requireSetup();
		const list = users('rtry', 6);
		// The third request is refused before Braze acts (a redirect): the run stops there, some
		// users sent, the others not.
		standIn.queueFaults(
			{ type: 'pass' },
			{ type: 'pass' },
			{ type: 'redirect', status: 307, location: 'http://127.0.0.2:9/' },
		);
		let known = await knownIds();
		await post(list);
		const [failed] = await waitExecutionsDone(known, 1, 120000);
		assert.equal(failed.status, 'error', 'the execution failed in the Braze node');
		const before = deliveryStats(list);
		assert.ok(
			before.once > 0 && before.never > 0,
			`some sent, some not: ${JSON.stringify(before)}`,
		);

		known = await knownIds();
		const r = await n8n.httpJson('POST', `${stack.main.url}/rest/executions/${failed.id}/retry`, {
			body: { loadWorkflow: false },
			headers: await ownerSession(),
		});
		assert.equal(r.status, 200, `retry answered ${r.status} ${r.text.slice(0, 300)}`);
		const [retry] = await waitExecutionsDone(known, 1, 120000);
		const after = deliveryStats(list);
		const items = sentItems(await stack.executionData(retry.id));
		results.retryAfterFailure = {
			failed: failed.id,
			retry: retry.id,
			status: retry.status,
			sentByTheFailedExecution: before.once,
			sentByTheRetry: after.once - before.once,
			duplicated: after.duplicated,
			markedAlreadySent: items.filter((i) => /not sent again/.test(i.warning || '')).length,
		};
		log(`retry after a failure in the node: ${JSON.stringify(results.retryAfterFailure)}`);
		assert.equal(retry.mode, 'retry');
		assert.equal(retry.status, 'success', 'the retry completes the send');
		assert.deepEqual(after, { delivered: 6, once: 6, duplicated: 0, never: 0 }, 'everyone once');
		assert.equal(items.length, 6, 'one output item per user');
		assert.equal(
			results.retryAfterFailure.markedAlreadySent,
			before.once,
			'the users the failed execution sent are output again, marked, not sent',
		);
	},
);

it(
	'6. a worker without the package: the execution fails, visibly, in the record and the worker log',
	{ timeout: 300000 },
	async () => {
		requireSetup();
		await Promise.all(stack.workers().map((p) => p.stop()));
		const bare = await stack.waitReady(await stack.startWorker('bare', { withPackage: false }));
		const known = await knownIds();
		const r = await post(['nopkg-1']);
		const [exec] = await waitExecutionsDone(known, 1, 120000);
		assert.equal(sends('nopkg').length, 0, 'nothing reached Braze');
		assert.notEqual(exec.status, 'success');
		const data = await stack.executionData(exec.id);
		const err = data?.resultData?.error;
		const recordText = JSON.stringify(err || data || null);
		assert.match(
			recordText,
			/Unrecognized node type: n8n-nodes-braze-messaging\.braze/,
			'the execution record names the missing node type',
		);
		const workerLine = logLines(bare.log()).find((l) =>
			/Unrecognized node type/.test(JSON.stringify(l)),
		);
		assert.ok(workerLine, 'the worker log names it');
		results.noPackage = {
			webhookStatus: r.status,
			status: exec.status,
			error: err ? `${err.name || ''}: ${err.message}` : null,
			workerLog: `${workerLine.level}: ${workerLine.message}`,
		};
		log(`worker without the package: ${JSON.stringify(results.noPackage)}`);
	},
);
