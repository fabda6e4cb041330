// Build steps after tsc: copies the node and credential icons next to the compiled files (tsc only
// emits .js/.json), and re-indents the emitted JavaScript with tabs like the source.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');
const { task, src, dest, parallel } = require('gulp');

function copyIcons(folder) {
	const copy = () =>
		src(path.resolve(folder, '**', '*.{png,svg}'), { encoding: false }).pipe(
			dest(path.resolve('dist', folder)),
		);
	copy.displayName = `copy ${folder} icons`;
	return copy;
}

task('build:icons', parallel(copyIcons('nodes'), copyIcons('credentials')));

function jsFiles(folder) {
	return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(folder, entry.name);
		if (entry.isDirectory()) return jsFiles(file);
		return entry.name.endsWith('.js') ? [file] : [];
	});
}

/** A string or template literal over several lines: there, leading spaces are text, not indent. */
function multiLineLiteral(file, code) {
	const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
	const literalKinds = new Set([
		ts.SyntaxKind.StringLiteral,
		ts.SyntaxKind.NoSubstitutionTemplateLiteral,
		ts.SyntaxKind.TemplateHead,
		ts.SyntaxKind.TemplateMiddle,
		ts.SyntaxKind.TemplateTail,
	]);
	let found;
	const visit = (node) => {
		if (found) return;
		if (literalKinds.has(node.kind) && node.getText(source).includes('\n')) found = node;
		else ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

// tsc always indents with four spaces; tabs read the same and make the packed tarball ~2 KB
// smaller (scripts/check-pack.js). Only indentation changes: a file with a literal spanning
// lines, whose leading spaces would be its content, fails the build instead.
task('build:indent', (done) => {
	for (const file of jsFiles('dist')) {
		const code = fs.readFileSync(file, 'utf8');
		if (multiLineLiteral(file, code)) {
			throw new Error(`${file}: a string spans several lines; build:indent would change it`);
		}
		const tabbed = code.replace(/^(?: {4})+/gm, (spaces) => '\t'.repeat(spaces.length / 4));
		fs.writeFileSync(file, tabbed);
	}
	done();
});
