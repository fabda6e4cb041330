'use strict';
// Run a real n8n (installed by scripts/e2e-install.js) with a fresh user folder, install this
// package's tarball into it the way a user would, import credentials/workflows, execute them.
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { spawn, execFileSync } = require('child_process');
const { paths } = require('./cache');

const REPO = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = 'n8n-nodes-braze-messaging';
const NODE_TYPE = `${PACKAGE_NAME}.braze`;

function makeUserFolder(prefix = 'n8n-braze-') {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function n8nEnv(userFolder, extra = {}) {
	const env = {
		...process.env,
		PATH: `${path.dirname(paths.node24)}:${path.join(paths.modules, '.bin')}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'warn',
		N8N_NO_COLOR: '1',
		NO_COLOR: '1',
		DB_TYPE: 'sqlite',
		...extra,
	};
	// Never let a parent npm run leak its config (ignore-scripts etc.) into n8n.
	for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
	return env;
}

/**
 * Every `n8n execute` and `n8n start` starts a task broker, on port 5679 unless told otherwise; a
 * second n8n on the machine (another test run, a demo) then makes it exit with "Task Broker's port
 * 5679 is already in use". Each gets a free port instead, unless the caller names one.
 */
async function withBrokerPort(env) {
	return env.N8N_RUNNERS_BROKER_PORT || process.env.N8N_RUNNERS_BROKER_PORT ? env : { N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env };
}

/** Run an n8n CLI command to completion. Resolves { code, stdout, stderr, ms }. */
async function runN8n(args, { userFolder, env = {}, timeoutMs = 180000 } = {}) {
	const fullEnv = n8nEnv(userFolder, await withBrokerPort(env));
	return new Promise((resolve, reject) => {
		const t0 = Date.now();
		const child = spawn(paths.node24, [paths.n8nBin, ...args], {
			env: fullEnv,
			cwd: userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr, ms: Date.now() - t0 });
		});
	});
}

async function runN8nOk(args, opts) {
	const r = await runN8n(args, opts);
	if (r.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
	}
	return r;
}

/**
 * The CLI command that publishes (activates) a workflow, so that `n8n start` serves its production
 * webhooks: n8n 2.x has `publish:workflow`; n8n 1.x has `update:workflow --active=true` (2.x keeps
 * it, deprecated). Read from the commands the installed n8n has, not from its version.
 */
function publishArgs(id) {
	const has2xPublish = fs.existsSync(path.join(paths.modules, 'n8n', 'dist', 'commands', 'publish', 'workflow.js'));
	return has2xPublish ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'];
}

/** Publishes a workflow (see publishArgs); `opts` as runN8n's. Resolves runN8n's result, or throws. */
async function publishWorkflow(id, opts) {
	return runN8nOk(publishArgs(id), opts);
}

/**
 * `n8n execute --id=X --rawOutput` prints the run as JSON, possibly after log lines.
 * Returns { run, result } where run is the parsed IRun (or null) and result the raw process result.
 */
async function executeWorkflow(id, opts = {}) {
	// n8n prints the run through its logger at level "info" (on failure too, before the error).
	const result = await runN8n(['execute', `--id=${id}`, '--rawOutput'], {
		...opts,
		env: { N8N_LOG_LEVEL: 'info', ...(opts.env || {}) },
	});
	return { run: parseRun(result.stdout), result };
}

/** The run is pretty-printed JSON: from a line "{" to the next line "}". */
function parseRun(stdout) {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i].trimEnd() !== '{') continue;
		for (let j = i + 1; j < lines.length; j++) {
			if (lines[j].trimEnd() !== '}') continue;
			try {
				const parsed = JSON.parse(lines.slice(i, j + 1).join('\n'));
				if (parsed && parsed.data && parsed.data.resultData) return parsed;
			} catch {}
			break;
		}
	}
	return null;
}

/** Items (json) a node output in the run, output index `output`. */
function nodeItems(run, nodeName, output = 0) {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	if (!runs || !runs.length) return undefined;
	const main = runs[0].data?.main?.[output] || [];
	return main.map((i) => i.json);
}

function nodeRun(run, nodeName) {
	return run?.data?.resultData?.runData?.[nodeName]?.[0];
}

/** Build (if a build script exists) and pack the repo; returns the tarball path. */
function packPackage({ build = process.env.BRAZE_E2E_SKIP_BUILD !== '1', log = () => {} } = {}) {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	const env = { ...process.env };
	for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
	if (build && pkg.scripts && pkg.scripts.build) {
		log('Building the package (npm run build)…');
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'], env });
	}
	if (!fs.existsSync(path.join(REPO, 'dist', 'nodes', 'Braze', 'Braze.node.js'))) {
		throw new Error('dist/nodes/Braze/Braze.node.js is missing: the package must be built (npm run build) before it can be packed.');
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-pack-'));
	process.once('exit', () => fs.rmSync(dest, { recursive: true, force: true }));
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dest], {
		cwd: REPO,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	}).toString();
	const info = JSON.parse(out.slice(out.indexOf('[')));
	const tarball = path.join(dest, info[0].filename);
	log(`Packed ${path.basename(tarball)} (${info[0].entryCount} files)`);
	return tarball;
}

/**
 * Install the tarball as a community package: cd $N8N_USER_FOLDER/.n8n/nodes && npm i <tarball>.
 * Like n8n's own installer (community-packages.service.js, downloadPackage), which drops
 * peerDependencies/devDependencies before `npm install`: n8n itself provides n8n-workflow.
 */
function installPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const pj = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(pj)) {
		fs.writeFileSync(pj, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	const env = { ...process.env };
	for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
	execFileSync(
		'npm',
		['install', tarball, '--omit=dev', '--omit=peer', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
		{ cwd: nodesDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const installed = path.join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json');
	if (!fs.existsSync(installed)) throw new Error(`npm i ${tarball} did not install ${PACKAGE_NAME}`);
	return installed;
}

function writeJson(file, data) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, JSON.stringify(data, null, 2));
	return file;
}

/** Import credentials (plaintext data objects are encrypted by n8n) and workflows. */
/** `opts.env`: extra environment (queue mode points the CLI at PostgreSQL). */
async function importCredentials(userFolder, credentials, opts = {}) {
	const file = writeJson(path.join(userFolder, 'import', 'credentials.json'), credentials);
	return runN8nOk(['import:credentials', `--input=${file}`], { userFolder, ...opts });
}

async function importWorkflows(userFolder, workflows, opts = {}) {
	const dir = path.join(userFolder, 'import', 'workflows');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	workflows.forEach((wf, i) => writeJson(path.join(dir, `${String(i).padStart(2, '0')}-${wf.id}.json`), wf));
	return runN8nOk(['import:workflow', '--separate', `--input=${dir}`], { userFolder, ...opts });
}

/** Example workflows use credential id BrazeStandIn0001; the tests and demo create it. */
const STANDIN_CREDENTIAL_ID = 'BrazeStandIn0001';
function brazeCredential(url, apiKey = 'local-dev-key', id = STANDIN_CREDENTIAL_ID, name = 'Braze (local stand-in)') {
	return { id, name, type: 'brazeApi', data: { apiKey, instance: 'custom', customUrl: url } };
}

function loadExample(file) {
	return JSON.parse(fs.readFileSync(path.join(REPO, 'examples', file), 'utf8'));
}

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = http.createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

function httpJson(method, url, { body, headers = {} } = {}) {
	return new Promise((resolve, reject) => {
		const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
		const req = http.request(
			url,
			{
				method,
				headers: { ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}), ...headers },
			},
			(res) => {
				let text = '';
				res.on('data', (d) => (text += d));
				res.on('end', () => {
					let json;
					try {
						json = JSON.parse(text);
					} catch {}
					resolve({ status: res.statusCode, headers: res.headers, text, json });
				});
			},
		);
		req.on('error', reject);
		if (data) req.write(data);
		req.end();
	});
}

/**
 * Start `n8n start` on 127.0.0.1:<port>; wait until /healthz answers; create the owner.
 * Returns { url, child, owner, stop(), log() }.
 */
async function startN8nServer({ userFolder, port = 5678, owner, env = {}, onLog, timeoutMs = 180000 }) {
	const serverEnv = await withBrokerPort({ N8N_PORT: String(port), N8N_LOG_LEVEL: 'info', N8N_EDITOR_BASE_URL: `http://localhost:${port}`, ...env });
	const child = spawn(paths.node24, [paths.n8nBin, 'start'], {
		env: n8nEnv(userFolder, serverEnv),
		cwd: userFolder,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: false,
	});
	let logText = '';
	const onData = (d) => {
		logText += d;
		if (logText.length > 200000) logText = logText.slice(-100000);
		if (onLog) onLog(d.toString());
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	let exited = null;
	child.on('exit', (code) => (exited = code));
	const url = `http://127.0.0.1:${port}`;
	const t0 = Date.now();
	for (;;) {
		if (exited !== null) throw new Error(`n8n start exited with ${exited}\n${logText}`);
		if (Date.now() - t0 > timeoutMs) {
			child.kill('SIGKILL');
			throw new Error(`n8n start did not become ready in ${timeoutMs} ms\n${logText}`);
		}
		try {
			// n8n 1.x answers 200 "n8n is starting up. Please wait" (not JSON) until it is ready.
			const r = await httpJson('GET', `${url}/rest/settings`);
			if (r.status === 200 && r.json !== undefined) break;
		} catch {}
		await new Promise((r) => setTimeout(r, 1000));
	}
	const stop = () =>
		new Promise((resolve) => {
			if (exited !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
			setTimeout(() => {
				if (exited === null) child.kill('SIGKILL');
			}, 15000).unref();
		});
	let ownerInfo = null;
	if (owner) {
		const browserId = 'braze-e2e-browser';
		const r = await httpJson('POST', `${url}/rest/owner/setup`, {
			body: owner,
			headers: { 'browser-id': browserId },
		});
		if (r.status !== 200) {
			await stop();
			throw new Error(`Owner setup failed: ${r.status} ${r.text}`);
		}
		ownerInfo = { ...owner, cookie: (r.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; '), browserId };
	}
	return { url, child, owner: ownerInfo, stop, log: () => logText, readyMs: Date.now() - t0 };
}

module.exports = {
	REPO,
	PACKAGE_NAME,
	NODE_TYPE,
	STANDIN_CREDENTIAL_ID,
	makeUserFolder,
	n8nEnv,
	runN8n,
	runN8nOk,
	publishArgs,
	publishWorkflow,
	executeWorkflow,
	parseRun,
	nodeItems,
	nodeRun,
	packPackage,
	installPackage,
	importCredentials,
	importWorkflows,
	brazeCredential,
	loadExample,
	freePort,
	httpJson,
	startN8nServer,
	writeJson,
};
