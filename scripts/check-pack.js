#!/usr/bin/env node
'use strict';
// Fails unless `npm pack` would ship only what n8n loads, within the size budget:
// the compiled JavaScript, the icons and the codex JSON under dist/, plus README.md, LICENSE
// and package.json. Source maps, declarations, tsbuildinfo, dist/package.json, tests or docs
// in the tarball fail it, and so does a tarball over the budget. Needs `npm run build`.
const { execFileSync } = require('child_process');
const path = require('path');

// Issue 12 asked for 60 KB, for a node that sent messages only. The trust work, the User and
// Subscription Group resources (issue 13) and issue 14 (transactional email, scheduled triggers,
// List Scheduled, Live Activities and the Braze Trigger node) took it past that: 101.1 KB on
// 2026-11-29, with nothing but compiled JavaScript, icons, codex files, README, LICENSE and
// package.json. The form's descriptions and the errors' sentences alone (1,236 strings) gzip to
// 53 KB, so 60 KB is out of reach without deleting the help text. Issue 20 (per-operation retry
// rules and their sentences, the checks of its slip list, key redaction, the Trigger's bounds) took
// it to 111.6 KB on 2026-12-06. Issues 22 and 23 (node version 2's form: Send To, Email Content,
// Simplify, the User options; the HTTP Request node's credential guard; the Braze Trigger's
// version 2, its token credential and panel texts; Batch Items) took it past 120 KB the same day.
// Issues 24 and 25 (the read side: 11 new resources and 45 operations, each with its form, checks
// and sentences; catalogs) took it to 172.6 KB on 2026-12-06: about 1 KB packed per operation,
// as before. The budget catches leftovers and unplanned growth.
const MAX_PACKED_BYTES = 185 * 1024;
// The README is shipped and shown on npm; long reference material belongs in docs/. 16 KB held
// the sending operations; issues 24 to 27 (the read side, catalogs, AI agents, n8n versions) add
// eleven resources, each with a paragraph and its option-group rows, so 24 KB.
const MAX_README_BYTES = 24 * 1024;

const ROOT_FILES = ['README.md', 'LICENSE', 'package.json'];
const DIST_FILE = /^dist\/(?:nodes|credentials)\/.+(?:(?<!\.d)\.js|\.node\.json|\.svg|\.png)$/;
const REQUIRED = [
	...ROOT_FILES,
	'dist/nodes/Braze/Braze.node.js',
	'dist/nodes/Braze/Braze.node.json',
	'dist/nodes/Braze/braze.svg',
	'dist/nodes/Braze/braze.dark.svg',
	'dist/credentials/BrazeApi.credentials.js',
	'dist/nodes/BrazeTrigger/BrazeTrigger.node.js',
	'dist/nodes/BrazeTrigger/BrazeTrigger.node.json',
	'dist/nodes/BrazeTrigger/braze.svg',
	'dist/nodes/BrazeTrigger/braze.dark.svg',
	'dist/credentials/BrazePostbackApi.credentials.js',
	'dist/credentials/BrazePostbackTokenApi.credentials.js',
];

function kb(bytes) {
	return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The problems of a pack summary ({ files: [{ path, size }], size, unpackedSize }). */
function packProblems(pack) {
	const problems = [];
	const paths = pack.files.map((file) => file.path);
	for (const file of paths) {
		if (!ROOT_FILES.includes(file) && !DIST_FILE.test(file))
			problems.push(`not a file n8n loads: ${file}`);
	}
	for (const file of REQUIRED) {
		if (!paths.includes(file)) problems.push(`missing: ${file}`);
	}
	if (pack.size > MAX_PACKED_BYTES) {
		problems.push(`packed size ${kb(pack.size)} is over the ${kb(MAX_PACKED_BYTES)} budget`);
	}
	const readme = pack.files.find((file) => file.path === 'README.md');
	if (readme && readme.size > MAX_README_BYTES) {
		problems.push(
			`README.md is ${kb(readme.size)}, over ${kb(MAX_README_BYTES)}: move reference material to docs/`,
		);
	}
	return problems;
}

module.exports = { packProblems, MAX_PACKED_BYTES };

if (require.main === module) {
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json'], {
			cwd: path.resolve(__dirname, '..'),
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	const problems = packProblems(pack);
	const summary = `${pack.entryCount} files, ${kb(pack.size)} packed, ${kb(pack.unpackedSize)} unpacked`;
	if (problems.length) {
		console.error(`npm pack would ship ${summary}:\n${problems.join('\n')}`);
		process.exit(1);
	}
	console.log(
		`npm pack ships ${summary} (budget ${kb(MAX_PACKED_BYTES)}): dist/ JavaScript, icons and codex, README.md, LICENSE, package.json`,
	);
}
