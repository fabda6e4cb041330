#!/usr/bin/env node
'use strict';
// Benchmark: Email › Get Many Unsubscribes with Return All over 10,000 unsubscribes, through the
// Braze node in n8n's real WorkflowExecute, against the Braze stand-in. `npm run bench:unsubscribes`.
//
// Braze pages /email/unsubscribes by limit (at most 500) and offset, and its answer carries no
// total and no next link: a full page cannot tell whether more follow, so the node reads until a
// page comes back short. 10,000 records take ceil(10000 / 500) = 20 full pages and one more,
// empty, page: 21 requests, the fewest this paging allows (only a total or a next link in the
// answer would save the last one).
//
// Memory: the stand-in runs in a child process, so this process holds only n8n, the node and its
// output. The heap is sampled every few milliseconds during each run (peak), and measured after a
// full garbage collection with the output still held (retained) and after it is dropped. Runs at
// 2,500, 5,000 and 10,000 records show whether memory grows with the output alone: retained
// growth per record stays the same, and the peak above it stays about one page's answer.
//
// Options: --records 2500,5000,10000 --rounds 3 --json bench/results/unsubscribes.json
// Needs --expose-gc (the npm script passes it).
const { fork } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const SEED_DAY = '2026-03-01';
const PAGE = 500;

// ---- the child: the stand-in, seeded with `count` unsubscribes on SEED_DAY ----------------------
function runChild() {
	const { startBrazeStandIn } = require('../test/sandbox');
	(async () => {
		const standIn = await startBrazeStandIn({ port: 0 });
		process.on('message', (message) => {
			if (message.seed !== undefined) {
				standIn.reset();
				const start = Date.parse(`${SEED_DAY}T00:00:00Z`);
				standIn.seedList(
					'email.unsubscribes',
					Array.from({ length: message.seed }, (_, i) => ({
						email: `contact-${String(i).padStart(5, '0')}@example.com`,
						unsubscribed_at: new Date(start + i * 8000).toISOString().replace('.000Z', 'Z'),
					})),
				);
				process.send({ seeded: message.seed });
			}
			if (message.requests) {
				process.send({
					requests: standIn.requests.map((r) => ({
						status: r.status,
						limit: r.query.limit,
						offset: r.query.offset,
						count: (r.response?.emails || []).length,
					})),
				});
			}
			if (message.stop) standIn.close().then(() => process.exit(0));
		});
		process.send({ url: standIn.url });
	})();
}

if (process.argv.includes('--child')) runChild();
else runParent();

// ---- the parent: the node in n8n's engine ----------------------------------------------------
function runParent() {
	const {
		root,
		runBrazeNode,
		standInCredentials,
		brazeNodeType,
		arg,
		median,
	} = require('./lib/engine');

	if (typeof global.gc !== 'function') {
		console.error('Run with node --expose-gc (npm run bench:unsubscribes does).');
		process.exit(2);
	}
	const SIZES = String(arg('records', '2500,5000,10000')).split(',').map(Number);
	const ROUNDS = Number(arg('rounds', 3));
	const nodeType = brazeNodeType();
	const MB = 1024 * 1024;

	const child = fork(__filename, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const nextMessage = (key) =>
		new Promise((resolve) => {
			const on = (message) => {
				if (key in message) {
					child.off('message', on);
					resolve(message[key]);
				}
			};
			child.on('message', on);
		});
	async function ask(message, key) {
		const answer = nextMessage(key);
		child.send(message);
		return await answer;
	}

	function heap() {
		global.gc();
		global.gc();
		return process.memoryUsage();
	}

	/**
	 * One run. `live`: every 5 ms a full garbage collection, then the heap: the live heap during the
	 * run (slow, so that run is not timed); otherwise the heap as it is (with garbage not yet
	 * collected) every 2 ms.
	 */
	async function once(url, live = false) {
		const before = heap();
		let peakHeap = before.heapUsed;
		let peakRss = before.rss;
		const sampler = setInterval(
			() => {
				if (live) global.gc();
				const now = process.memoryUsage();
				peakHeap = Math.max(peakHeap, now.heapUsed);
				peakRss = Math.max(peakRss, now.rss);
			},
			live ? 5 : 2,
		);
		const started = process.hrtime.bigint();
		const result = await runBrazeNode({
			nodeType,
			typeVersion: 2,
			parameters: {
				resource: 'email',
				operation: 'getUnsubscribes',
				returnAll: true,
				filters: { startDate: SEED_DAY, endDate: '2026-03-02' },
			},
			credentials: standInCredentials({ url }),
		});
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		clearInterval(sampler);
		if (result.error) throw new Error(`the node failed: ${result.error.message}`);
		const records = result.output.length;
		const distinct = new Set(result.output.map((item) => item.json.email)).size;
		const outputBytes = Buffer.byteLength(JSON.stringify(result.output.map((item) => item.json)));
		const held = heap();
		return {
			ms,
			records,
			distinct,
			outputBytes,
			heapBeforeMb: before.heapUsed / MB,
			peakHeapGrowthMb: (peakHeap - before.heapUsed) / MB,
			retainedHeapGrowthMb: (held.heapUsed - before.heapUsed) / MB,
			heapBefore: before.heapUsed,
			peakRssGrowthMb: (peakRss - before.rss) / MB,
		};
	}

	async function main() {
		const url = await nextMessage('url');
		const results = {
			date: new Date().toISOString(),
			node: process.version,
			cpus: os.cpus().length,
			pageSize: PAGE,
			rounds: ROUNDS,
			cases: [],
		};
		console.log(
			`Return All over N unsubscribes, ${PAGE} a page; ${ROUNDS} rounds each; ${os.cpus().length} cores, ${process.version}, load ${os
				.loadavg()
				.map((v) => v.toFixed(2))
				.join(' ')}, ${results.date}`,
		);
		// Warm-up: n8n's modules, the node, the JIT.
		await ask({ seed: 600 }, 'seeded');
		await once(url);
		for (const size of SIZES) {
			await ask({ seed: size }, 'seeded');
			const runs = [];
			let requests;
			for (let round = 0; round < ROUNDS; round++) {
				const requestsBefore = (await ask({ requests: true }, 'requests')).length;
				const run = await once(url);
				// Measured here, once the run's frame is gone: a suspended async frame keeps its values.
				run.heapAfterDropMb = (heap().heapUsed - run.heapBefore) / MB;
				runs.push({ ...run, load: os.loadavg()[0] });
				requests = (await ask({ requests: true }, 'requests')).slice(requestsBefore);
			}
			const live = await once(url, true);
			const pick = (key) => runs.map((run) => run[key]);
			const row = {
				records: size,
				pages: requests.length,
				offsets: `${requests[0].offset}…${requests[requests.length - 1].offset} by ${PAGE}`,
				lastPageCount: requests[requests.length - 1].count,
				everyRecordOnce: runs.every((run) => run.records === size && run.distinct === size),
				outputJsonMb: runs[0].outputBytes / MB,
				medianMs: median(pick('ms')),
				runsMs: pick('ms').map(Math.round),
				retainedHeapGrowthMb: median(pick('retainedHeapGrowthMb')),
				retainedBytesPerRecord: Math.round((median(pick('retainedHeapGrowthMb')) * MB) / size),
				peakHeapGrowthMb: median(pick('peakHeapGrowthMb')),
				peakAboveRetainedMb: median(
					runs.map((run) => run.peakHeapGrowthMb - run.retainedHeapGrowthMb),
				),
				livePeakHeapGrowthMb: live.peakHeapGrowthMb,
				liveRetainedHeapGrowthMb: live.retainedHeapGrowthMb,
				heapAfterDropMb: median(pick('heapAfterDropMb')),
				peakRssGrowthMb: median(pick('peakRssGrowthMb')),
				loadAverages: pick('load').map((v) => Number(v.toFixed(2))),
			};
			results.cases.push(row);
			const f = (v) => v.toFixed(1);
			console.log(
				`${String(size).padStart(6)} records: ${row.pages} pages (${row.offsets}, last page ${row.lastPageCount}), every record once: ${row.everyRecordOnce ? 'yes' : 'NO'}; ` +
					`median ${(row.medianMs / 1000).toFixed(2)} s (runs ${row.runsMs.map((v) => (v / 1000).toFixed(2)).join(', ')} s); ` +
					`output ${f(row.outputJsonMb)} MB JSON; heap retained +${f(row.retainedHeapGrowthMb)} MB (${row.retainedBytesPerRecord} B/record), ` +
					`live heap peak during the run +${f(row.livePeakHeapGrowthMb)} MB (retained at its end +${f(row.liveRetainedHeapGrowthMb)} MB); ` +
					`heap peak with garbage +${f(row.peakHeapGrowthMb)} MB; after the output is dropped ${f(row.heapAfterDropMb)} MB; RSS peak +${f(row.peakRssGrowthMb)} MB`,
			);
		}
		const out = arg('json', path.join(__dirname, 'results', 'unsubscribes.json'));
		fs.mkdirSync(path.dirname(out), { recursive: true });
		fs.writeFileSync(out, JSON.stringify(results, null, 2));
		console.log(`written to ${path.relative(root, out)}`);
	}

	main()
		.catch((error) => {
			console.error(error);
			process.exitCode = 1;
		})
		.finally(() => {
			if (child.connected) child.send({ stop: true });
		});
}
