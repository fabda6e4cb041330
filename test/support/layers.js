'use strict';
// The node's layers, from the top down, and a reader that finds imports running back up.
// A file may import from its own layer or any layer below it, never from one above.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');

/** Top first. The root is Braze.node.ts itself, which assembles everything below it. */
const LAYERS = [
	'(root)',
	'resources',
	'channels',
	'listSearch',
	'shared',
	'transport',
	'helpers/form',
	'helpers/body',
	'helpers/validation',
	'helpers/values',
];

/** The node's folder, in this checkout. */
const NODE_DIR = resolve(__dirname, '..', '..', 'nodes', 'Braze');

/** A file's layer: its first folder, or its first two under helpers/ (each helper folder is a layer). */
function layerOf(nodeDir, file) {
	const parts = relative(nodeDir, file).split(sep);
	const name = parts[0] === 'helpers' ? `helpers/${parts[1]}` : parts[0];
	return LAYERS.includes(name) ? name : '(root)';
}

function sourceFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

/** Every import that runs back up a layer, as "from → to" lines (empty when the rule holds). */
function upwardImports(nodeDir = NODE_DIR) {
	const problems = [];
	for (const file of sourceFiles(nodeDir)) {
		const from = layerOf(nodeDir, file);
		const text = readFileSync(file, 'utf8');
		for (const match of text.matchAll(/from '(\.[^']+)'/g)) {
			const target = resolve(dirname(file), match[1]);
			const to = layerOf(nodeDir, target);
			if (!target.startsWith(nodeDir + sep)) continue;
			if (LAYERS.indexOf(to) < LAYERS.indexOf(from)) {
				problems.push(`${relative(nodeDir, file)} (${from}) imports ${match[1]} (${to})`);
			}
		}
	}
	return problems;
}

/** Layer folders that exist but are not in the table: a new folder must be given its place. */
function unknownFolders(nodeDir = NODE_DIR) {
	const folders = (dir, prefix) =>
		readdirSync(dir)
			.filter((name) => statSync(join(dir, name)).isDirectory())
			.map((name) => prefix + name);
	const top = folders(nodeDir, '').filter((name) => name !== 'helpers');
	return [...top, ...folders(join(nodeDir, 'helpers'), 'helpers/')].filter(
		(name) => !LAYERS.includes(name),
	);
}

/** The layers of nodes/Braze that the Braze Trigger may use: small pure helpers only. */
const SHARED_WITH_TRIGGER = ['helpers/values', 'helpers/validation'];
const TRIGGER_DIR = resolve(NODE_DIR, '..', 'BrazeTrigger');

/**
 * Imports between the two nodes that break the rule: nodes/Braze never imports the trigger, and
 * the trigger takes from nodes/Braze only its lowest layers.
 */
function crossNodeImports() {
  const problems = [];
  const check = (fromDir, allowed) => {
    for (const file of sourceFiles(fromDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = resolve(dirname(file), match[1]);
        const otherDir = fromDir === NODE_DIR ? TRIGGER_DIR : NODE_DIR;
        if (!target.startsWith(otherDir + sep)) continue;
        const layer = layerOf(otherDir, target);
        if (!allowed.includes(layer)) problems.push(`${relative(resolve(NODE_DIR, '..'), file)} imports ${match[1]}`);
      }
    }
  };
  check(NODE_DIR, []);
  check(TRIGGER_DIR, SHARED_WITH_TRIGGER);
  return problems;
}

/** At most this many .ts files directly in one folder, so that a listing stays readable. */
const MAX_FILES_PER_FOLDER = 15;

/** Folders under nodes/ holding more than MAX_FILES_PER_FOLDER .ts files directly, with the count. */
function crowdedFolders(dir = resolve(NODE_DIR, '..')) {
	const names = readdirSync(dir);
	const here = names.filter((name) => name.endsWith('.ts')).length;
	const own = here > MAX_FILES_PER_FOLDER ? [`${relative(resolve(NODE_DIR, '..'), dir) || '.'}: ${here}`] : [];
	const below = names
		.map((name) => join(dir, name))
		.filter((path) => statSync(path).isDirectory())
		.flatMap((path) => crowdedFolders(path));
	return [...own, ...below];
}

/** The file an import names, as a path with .ts, or undefined when it is not one of ours. */
function importedFile(file, spec) {
	const target = resolve(dirname(file), spec);
	for (const candidate of [`${target}.ts`, join(target, 'index.ts')]) {
		try {
			if (statSync(candidate).isFile()) return candidate;
		} catch {
			// not this one
		}
	}
	return undefined;
}

/**
 * Files of nodes/ that import each other in a loop (type-only imports too: a loop of types still
 * ties the files together), each loop as "a → b → … → a"; empty when there is none.
 */
function importCycles(dir = resolve(NODE_DIR, '..')) {
	const edges = new Map();
	for (const file of sourceFiles(dir)) {
		const specs = [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => m[1]);
		edges.set(file, specs.map((spec) => importedFile(file, spec)).filter(Boolean));
	}
	const cycles = [];
	const state = new Map(); // file -> 'open' while on the path, 'done' once explored
	const path = [];
	const visit = (file) => {
		state.set(file, 'open');
		path.push(file);
		for (const next of edges.get(file) || []) {
			if (state.get(next) === 'open') {
				const loop = path.slice(path.indexOf(next)).concat(next);
				cycles.push(loop.map((f) => relative(dir, f)).join(' → '));
			} else if (!state.has(next)) visit(next);
		}
		path.pop();
		state.set(file, 'done');
	};
	for (const file of edges.keys()) if (!state.has(file)) visit(file);
	return cycles;
}

module.exports = { LAYERS, MAX_FILES_PER_FOLDER, importCycles, upwardImports, unknownFolders, crossNodeImports, crowdedFolders };
