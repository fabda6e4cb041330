// A plain Node script that .ci/run also runs on its own.
const { packProblems } = jest.requireActual('../../scripts/check-pack.js') as {
	packProblems(pack: { files: Array<{ path: string; size: number }>; size: number }): string[];
};

describe('The package check', () => {
	const lean = [
		{ path: 'package.json', size: 2000 },
		{ path: 'README.md', size: 11000 },
		{ path: 'LICENSE', size: 1000 },
		{ path: 'dist/nodes/Braze/Braze.node.js', size: 3000 },
		{ path: 'dist/nodes/Braze/Braze.node.json', size: 600 },
		{ path: 'dist/nodes/Braze/braze.svg', size: 400 },
		{ path: 'dist/nodes/Braze/braze.dark.svg', size: 400 },
		{ path: 'dist/credentials/BrazeApi.credentials.js', size: 3000 },
		{ path: 'dist/nodes/BrazeTrigger/BrazeTrigger.node.js', size: 3000 },
		{ path: 'dist/nodes/BrazeTrigger/BrazeTrigger.node.json', size: 600 },
		{ path: 'dist/nodes/BrazeTrigger/braze.svg', size: 400 },
		{ path: 'dist/nodes/BrazeTrigger/braze.dark.svg', size: 400 },
		{ path: 'dist/credentials/BrazePostbackApi.credentials.js', size: 1000 },
		{ path: 'dist/credentials/BrazePostbackTokenApi.credentials.js', size: 1000 },
	];

	it('passes a lean tarball', () => {
		expect(packProblems({ files: lean, size: 50 * 1024 })).toEqual([]);
	});

	it.each([
		'dist/tsconfig.tsbuildinfo',
		'dist/nodes/Braze/Braze.node.js.map',
		'dist/nodes/Braze/Braze.node.d.ts',
		'dist/package.json',
		'dist/nodes/Braze/shared/notes.md',
		'docs/fields.md',
		'test/send.fields.test.ts',
	])('fails on a build leftover or a file n8n does not load: %s', (leftover) => {
		expect(
			packProblems({ files: [...lean, { path: leftover, size: 10 }], size: 50 * 1024 }),
		).toEqual([`not a file n8n loads: ${leftover}`]);
	});

	it('fails over the size budget, on a long README and on a missing file', () => {
		expect(packProblems({ files: lean, size: 186 * 1024 })).toEqual([
			'packed size 186.0 KB is over the 185.0 KB budget',
		]);
		const longReadme = lean.map((file) =>
			file.path === 'README.md' ? { ...file, size: 40 * 1024 } : file,
		);
		expect(packProblems({ files: longReadme, size: 50 * 1024 })).toHaveLength(1);
		expect(
			packProblems({ files: lean.filter((file) => file.path !== 'LICENSE'), size: 50 * 1024 }),
		).toEqual(['missing: LICENSE']);
	});
});
