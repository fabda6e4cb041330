#!/usr/bin/env node
// Runs the analysis of n8n's verification scanner (@n8n/scan-community-package, a pinned
// devDependency) on this checkout, offline:
//   1. the source: package.json + {nodes,credentials}/**/*.{js,ts,json}, as the scanner lints
//      the source at the commit named in the package's npm provenance;
//   2. the tarball: what `npm pack` ships, unpacked (**/*.js + package.json).
// Both with the scanner's own ESLint config and allowInlineConfig: false. Needs `npm run build`.
//
// What it cannot do before publishing: the scanner first checks the npm provenance attestation
// and downloads the attested source from GitHub. Those two steps only exist for a published
// version; the publish workflow runs them with `node scripts/scan.mjs --published <name>@<version>`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The scanner makes a temporary folder when it is loaded; keep it inside one we remove.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-scan-'));
process.env.TMPDIR = work;
const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');

function report(label, result) {
	if (result.passed) {
		console.log(`✓ ${label}: no lint errors`);
		return true;
	}
	console.error(`✗ ${label}: ${result.message}`);
	if (result.details) console.error(result.details);
	return false;
}

async function scanPublished(spec) {
	const { packageName, version } = scanner.resolvePackage(spec);
	const result = await scanner.analyzePackageByName(packageName, version);
	return report(`published ${packageName}@${result.version}`, result);
}

async function scanLocal() {
	if (!fs.existsSync(path.join(root, 'dist/nodes/Braze/Braze.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [{ filename, entryCount }] = JSON.parse(packed);
	const unpacked = path.join(work, 'package');
	execFileSync('tar', ['-xzf', path.join(work, path.basename(filename)), '-C', work]);

	const source = await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS);
	const tarball = await scanner.analyzePackage(unpacked, ['**/*.js', 'package.json']);
	const sourceOk = report(`source (${scanner.SOURCE_FILE_PATTERNS.join(', ')})`, source);
	const tarballOk = report(`tarball (${entryCount} files: **/*.js, package.json)`, tarball);
	return sourceOk && tarballOk;
}

let passed = false;
try {
	const i = process.argv.indexOf('--published');
	passed = i === -1 ? await scanLocal() : await scanPublished(process.argv[i + 1] ?? '');
} catch (error) {
	console.error(`scan failed: ${error.message}`);
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
if (!passed) process.exit(1);
console.log('n8n scanner analysis passed');
