// The layers of nodes/Braze (docs/architecture.md): imports only run downward.
// Plain JS reads the source files: test files may not use Node's fs.
interface Layers {
	LAYERS: string[];
	crossNodeImports: () => string[];
	unknownFolders: () => string[];
	upwardImports: () => string[];
	crowdedFolders: () => string[];
	importCycles: (dir?: string) => string[];
	MAX_FILES_PER_FOLDER: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const layers = require('../support/layers') as Layers;
const {
	LAYERS,
	MAX_FILES_PER_FOLDER,
	crossNodeImports,
	crowdedFolders,
	importCycles,
	unknownFolders,
	upwardImports,
} = layers;

describe('layers', () => {
	it('has no import that runs back up a layer', () => {
		expect(upwardImports()).toEqual([]);
	});

	it('places every folder of nodes/Braze in a layer', () => {
		expect(unknownFolders()).toEqual([]);
		expect(LAYERS[0]).toBe('(root)');
	});

	it(`keeps at most ${MAX_FILES_PER_FOLDER} .ts files directly in any folder of nodes/`, () => {
		expect(crowdedFolders()).toEqual([]);
	});

	it('has no files that import each other in a loop, type-only imports included', () => {
		expect(importCycles()).toEqual([]);
	});

	it('keeps the two nodes apart: the trigger uses only helpers/values/ and helpers/validation/ of nodes/Braze', () => {
		expect(crossNodeImports()).toEqual([]);
	});
});
