// eslint-disable-next-line @typescript-eslint/no-require-imports
const { userFieldRows, readFieldDoc } = require('../../../scripts/field-table.js') as {
	userFieldRows(): Array<[string, string, string | undefined]>;
	readFieldDoc(): string;
};

describe('docs/fields.md: User and Subscription Group', () => {
	it('lists every User and Subscription Group field with its Braze key (npm run fields)', () => {
		const doc = readFieldDoc();
		const rows = userFieldRows();
		expect(rows.length).toBeGreaterThan(40);
		for (const [label, parameter, key] of rows) {
			expect(key).toBeTruthy();
			expect(doc).toContain(`| ${label} | \`${parameter}\` | \`${String(key)}\` |`);
		}
	});
});
