#!/usr/bin/env node
'use strict';
// Checks the GitHub Actions workflow files:
//   1. syntax and schema: each .github/workflows/*.yml against the GitHub workflow JSON schema
//      (@action-validator/core, a devDependency);
//   2. the rules this package's release depends on: CI runs the README's test command on push
//      and pull request; publishing runs on a version tag, may mint an OIDC token
//      (id-token: write), builds, tests and publishes with provenance.
const fs = require('fs');
const path = require('path');
const { validateWorkflow } = require('@action-validator/core');
const YAML = require('yaml');

const dir = path.resolve(__dirname, '../.github/workflows');
const problems = [];

function runs(workflow) {
	return Object.values(workflow.jobs || {}).flatMap((job) =>
		(job.steps || []).map((step) => String(step.run || '')),
	);
}
function indexOfRun(list, pattern) {
	return list.findIndex((command) => pattern.test(command));
}
function permissionsOf(workflow) {
	const jobs = Object.values(workflow.jobs || {});
	return [workflow.permissions || {}, ...jobs.map((job) => job.permissions || {})];
}

const files = fs.readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));
const parsed = {};
for (const file of files) {
	const source = fs.readFileSync(path.join(dir, file), 'utf8');
	const { errors } = validateWorkflow(source);
	for (const error of errors) {
		const where = error.path || (error.location ? `line ${error.location.line}` : '');
		problems.push(
			`${file}: ${error.title}${where ? ` at ${where}` : ''}${error.detail ? `: ${error.detail}` : ''}`,
		);
	}
	if (!errors.length) parsed[file] = YAML.parse(source);
}

const ci = parsed['ci.yml'];
if (!files.includes('ci.yml')) problems.push('ci.yml is missing');
else if (ci) {
	if (!ci.on || !('push' in ci.on) || !('pull_request' in ci.on)) {
		problems.push('ci.yml: must run on push and pull_request');
	}
	const steps = runs(ci);
	for (const [label, pattern] of [
		['npm ci', /^npm ci\b/],
		['npm run lint', /^npm run lint$/],
		['npm test', /^npm test$/],
	]) {
		if (indexOfRun(steps, pattern) === -1) problems.push(`ci.yml: no step runs ${label}`);
	}
}

const publish = parsed['publish.yml'];
if (!files.includes('publish.yml')) problems.push('publish.yml is missing');
else if (publish) {
	const tags = publish.on && publish.on.push && publish.on.push.tags;
	if (
		!Array.isArray(tags) ||
		!tags.length ||
		Object.keys(publish.on).some((event) => event !== 'push')
	) {
		problems.push('publish.yml: must run only on a pushed version tag');
	}
	if (!permissionsOf(publish).some((permissions) => permissions['id-token'] === 'write')) {
		problems.push('publish.yml: needs permissions id-token: write (provenance)');
	}
	const steps = runs(publish);
	const publishAt = indexOfRun(steps, /^npm publish --provenance --access public$/);
	if (publishAt === -1)
		problems.push('publish.yml: no step runs npm publish --provenance --access public');
	for (const [label, pattern] of [
		['npm ci', /^npm ci\b/],
		['npm run build', /^npm run build$/],
		['npm run lint', /^npm run lint$/],
		['npm test', /^npm test$/],
	]) {
		const at = indexOfRun(steps, pattern);
		if (at === -1 || (publishAt !== -1 && at > publishAt)) {
			problems.push(`publish.yml: ${label} must run before npm publish`);
		}
	}
}

if (problems.length) {
	console.error(`Workflow files have problems:\n${problems.join('\n')}`);
	process.exit(1);
}
console.log(`Workflow files valid: ${files.join(', ')}`);
