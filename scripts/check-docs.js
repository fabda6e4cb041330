#!/usr/bin/env node
'use strict';
// Checks what a reviewer reads: the README's first screen, links that point into this
// repository (README, docs/, every node's codex, every credential's documentationUrl) reach files and
// headings that exist, every option group of the node links to Braze's documentation, the codex
// uses n8n's categories, and package.json points at the repository. `npm test` runs it
// (test/scripts/checkDocs.test.ts); `node scripts/check-docs.js` runs it alone.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const REPO = 'https://github.com/n8n-nodes-braze-messaging/n8n-nodes-braze-messaging';
const RAW =
	'https://raw.githubusercontent.com/n8n-nodes-braze-messaging/n8n-nodes-braze-messaging/main/';
// n8n's codex categories (docs: "Node codex files").
const CODEX_CATEGORIES = [
	'Analytics',
	'Communication',
	'Data & Storage',
	'Development',
	'Finance & Accounting',
	'Marketing & Content',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];

function read(file) {
	return fs.readFileSync(path.join(root, file), 'utf8');
}

/** GitHub's anchor for a Markdown heading. */
function slug(heading) {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

function anchorsOf(file) {
	const anchors = new Set(['readme']);
	let fence = false;
	for (const line of read(file).split('\n')) {
		if (line.startsWith('```')) fence = !fence;
		const heading = !fence && /^#{1,6} (.+)$/.exec(line);
		if (heading) anchors.add(slug(heading[1]));
	}
	return anchors;
}

/** Problems of one link target inside the repository ("docs/x.md#anchor"), else null. */
function targetProblem(target, from) {
	const [file, anchor] = target.split('#');
	const resolved = path.normalize(file || from);
	if (!fs.existsSync(path.join(root, resolved)))
		return `${from}: links to ${target}, which does not exist`;
	if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) {
		return `${from}: links to ${target}, which has no heading #${anchor}`;
	}
	return null;
}

/** The in-repository target of a URL ("docs/x.md#a"), or undefined for an outside URL. */
function repoTarget(url) {
	if (url === REPO || url.startsWith(`${REPO}#`)) return `README.md${url.slice(REPO.length)}`;
	const blob = new RegExp(`^${REPO}/(?:blob|tree)/main/(.*)$`).exec(url);
	if (blob) return blob[1] || 'README.md';
	if (url.startsWith(RAW)) return url.slice(RAW.length);
	return undefined;
}

function linkProblems() {
	const problems = [];
	const files = [
		'README.md',
		'CHANGELOG.md',
		...fs
			.readdirSync(path.join(root, 'docs'))
			.filter((f) => f.endsWith('.md'))
			.map((f) => `docs/${f}`),
	];
	for (const file of files) {
		const text = read(file).replace(/```[\s\S]*?```/g, '');
		for (const [, url] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
			if (/^https?:/.test(url)) {
				if (url.startsWith('https://github.com/') && !url.startsWith(REPO)) {
					problems.push(`${file}: links to another GitHub repository: ${url}`);
				}
				const target = repoTarget(url);
				if (target !== undefined) problems.push(targetProblem(target, file));
				continue;
			}
			if (file === 'README.md' && !url.startsWith('#')) {
				problems.push(`README.md: relative link ${url} breaks on npm; use ${REPO}/blob/main/…`);
				continue;
			}
			const target = url.startsWith('#') ? `${file}${url}` : path.join(path.dirname(file), url);
			problems.push(targetProblem(target, file));
		}
	}
	return problems.filter(Boolean);
}

function readmeProblems() {
	const problems = [];
	const readme = read('README.md');
	const firstScreen = readme.split('\n').slice(0, 30).join('\n');
	if (!/npm (install|ci)\b.*&& npm run (demo|example)/.test(firstScreen)) {
		problems.push('README.md: the first lines must give the install-and-run command');
	}
	if (!/^npm test\b/m.test(firstScreen))
		problems.push('README.md: the first lines must give `npm test`');
	if (!/!\[[^\]]*\]\(https:\/\/raw\.githubusercontent\.com\/[^)]+\.png\)/.test(firstScreen)) {
		problems.push(
			'README.md: the first screen must show a screenshot (absolute URL, so it shows on npm)',
		);
	}
	if (!/^## Install it in n8n$/m.test(readme))
		problems.push('README.md: no "Install it in n8n" section');
	if (!/breaking change/i.test(readme))
		problems.push('README.md: no version policy (what a breaking change is)');
	return problems;
}

/** Every option group (collection) of the node has a README table row linking Braze's docs. */
function optionGroupProblems(description) {
	const readme = read('README.md');
	const rows = readme.split('\n').filter((line) => line.startsWith('| '));
	const groups = new Set(['Recipients', 'Audience']);
	for (const property of description.properties) {
		if (property.type === 'collection') groups.add(property.displayName);
	}
	const problems = [];
	for (const group of groups) {
		const row = rows.find(
			(line) => line.startsWith(`| ${group} |`) || line.startsWith(`| ${group} (`),
		);
		if (!row) problems.push(`README.md: no row for the option group "${group}"`);
		else if (!row.includes('](https://www.braze.com/docs/')) {
			problems.push(`README.md: the row of "${group}" does not link to Braze's documentation`);
		}
	}
	return problems;
}

/** The codex file of every node package.json registers (dist/nodes/X/X.node.js → nodes/X/X.node.json). */
function codexFiles() {
	return pkg.n8n.nodes.map((file) => file.replace(/^dist\//, '').replace(/\.js$/, '.json'));
}

function codexProblems(codexFile, credentials) {
	const problems = [];
	const codex = JSON.parse(read(codexFile));
	for (const category of codex.categories || []) {
		if (!CODEX_CATEGORIES.includes(category))
			problems.push(`${codexFile}: "${category}" is not an n8n category`);
	}
	if (!(codex.categories || []).length) problems.push(`${codexFile}: no categories`);
	const urls = {
		[`${codexFile} primaryDocumentation`]: (codex.resources.primaryDocumentation || [])[0],
		[`${codexFile} credentialDocumentation`]: (codex.resources.credentialDocumentation || [])[0],
	};
	for (const [label, entry] of Object.entries(urls)) {
		const target = entry && repoTarget(entry.url);
		if (!target) problems.push(`${label}: must point at a page of ${REPO}`);
		else problems.push(targetProblem(target, label));
	}
	const credentialDoc = urls[`${codexFile} credentialDocumentation`];
	if (credentialDoc && !credentials.some((c) => c.documentationUrl === credentialDoc.url)) {
		problems.push(
			`${codexFile}: credentialDocumentation is not the documentationUrl of any credential`,
		);
	}
	return problems;
}

function metadataProblems(credentials) {
	const problems = codexFiles().flatMap((file) => codexProblems(file, credentials));
	for (const credential of credentials) {
		const label = `credential ${credential.name} documentationUrl`;
		const credentialTarget = repoTarget(credential.documentationUrl);
		if (!credentialTarget) problems.push(`${label}: must point at a page of ${REPO}`);
		else problems.push(targetProblem(credentialTarget, label));
	}

	const expected = {
		'repository.url': [pkg.repository && pkg.repository.url, `git+${REPO}.git`],
		homepage: [pkg.homepage, `${REPO}#readme`],
		'bugs.url': [pkg.bugs && pkg.bugs.url, `${REPO}/issues`],
		'author.url': [pkg.author && pkg.author.url, REPO.slice(0, REPO.lastIndexOf('/'))],
	};
	for (const [field, [actual, wanted]] of Object.entries(expected)) {
		if (actual !== wanted) problems.push(`package.json ${field} is ${actual}, expected ${wanted}`);
	}
	if (!pkg.author || !pkg.author.name || !pkg.author.email)
		problems.push('package.json author needs a name and an email');
	return problems.filter(Boolean);
}

/** Every file under `dir`, recursively. */
function filesUnder(dir) {
	return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		return entry.isDirectory() ? filesUnder(file) : [file];
	});
}

/**
 * Every API key permission an operation declares (`permission: '…'` in nodes/Braze/resources/)
 * is in the credential page's permission table, so a user can give a key exactly what it needs.
 */
function permissionProblems() {
	const table = read('docs/credentials.md');
	const problems = [];
	for (const file of filesUnder('nodes/Braze/resources').filter((f) => f.endsWith('.ts'))) {
		for (const match of read(file).matchAll(/permission: '([a-z_.]+)'/g)) {
			// A prefix (campaigns.trigger.schedule) names its rows' .create/.update/.delete.
			if (!table.includes(`\`${match[1]}`))
				problems.push(`docs/credentials.md: no row names the permission ${match[1]} (${file})`);
		}
	}
	return problems;
}

/** `description`: the Braze node's; `credentials`: one instance of every credential type. */
function docProblems({ description, credentials }) {
	return [
		...readmeProblems(),
		...linkProblems(),
		...optionGroupProblems(description),
		...permissionProblems(),
		...metadataProblems(credentials),
	];
}

module.exports = { docProblems, slug };

if (require.main === module) {
	require('./ts-require');
	const { Braze } = require('../nodes/Braze/Braze.node.ts');
	const { BrazeApi } = require('../credentials/BrazeApi.credentials.ts');
	const { BrazePostbackApi } = require('../credentials/BrazePostbackApi.credentials.ts');
	const { BrazePostbackTokenApi } = require('../credentials/BrazePostbackTokenApi.credentials.ts');
	const problems = docProblems({
		description: new Braze().description,
		credentials: [new BrazeApi(), new BrazePostbackApi(), new BrazePostbackTokenApi()],
	});
	if (problems.length) {
		console.error(`Documentation problems:\n${problems.join('\n')}`);
		process.exit(1);
	}
	console.log('README, docs/, codex and package.json links check out');
}
