#!/usr/bin/env node
'use strict';
// Fails unless `npm pack` would ship only dist/, README.md, LICENSE and package.json.
const { execSync } = require('child_process');

const [pack] = JSON.parse(execSync('npm pack --dry-run --json', { encoding: 'utf8' }));
const files = pack.files.map((file) => file.path);
const allowed = (file) =>
	file.startsWith('dist/') || ['README.md', 'LICENSE', 'package.json'].includes(file);
const unexpected = files.filter((file) => !allowed(file));
for (const required of ['package.json', 'README.md', 'LICENSE', 'dist/nodes/Braze/Braze.node.js', 'dist/credentials/BrazeApi.credentials.js', 'dist/nodes/Braze/braze.svg', 'dist/nodes/Braze/braze.dark.svg', 'dist/nodes/Braze/Braze.node.json']) {
	if (!files.includes(required)) unexpected.push(`missing: ${required}`);
}
if (unexpected.length) {
	console.error(`npm pack would ship unexpected files:\n${unexpected.join('\n')}`);
	process.exit(1);
}
console.log(`npm pack ships ${files.length} files: dist/, README.md, LICENSE, package.json`);
