'use strict';
// Lets plain Node scripts require the TypeScript sources (node, credential, test harness)
// without a build step, by transpiling each .ts file as it is loaded.
const fs = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2019,
			esModuleInterop: true,
		},
		fileName: filename,
	});
	module._compile(outputText, filename);
};
// "Braze.node" must resolve to Braze.node.ts, not to the Braze.node.json codex next to it.
const loadJson = require.extensions['.json'];
delete require.extensions['.json'];
require.extensions['.json'] = loadJson;
