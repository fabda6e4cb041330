import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { Braze } from '../../nodes/Braze/Braze.node';
import { BrazeTrigger } from '../../nodes/BrazeTrigger/BrazeTrigger.node';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sendFieldRows, readFieldDoc } = require('../../scripts/field-table.js') as {
	sendFieldRows(): Array<[string, string, string | undefined]>;
	readFieldDoc(): string;
};
const fieldDoc = readFieldDoc();

/** Every field of the node, inside collections and fixed collections too. */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		property,
		...(property.type === 'collection' ? allProperties(property.options as INodeProperties[]) : []),
		...(property.type === 'fixedCollection'
			? (property.options as INodePropertyCollection[]).flatMap((option) =>
					allProperties(option.values),
				)
			: []),
	]);
}

describe('Node description', () => {
	const { description } = new Braze();

	it('is declarative, usable as a tool, with themed icons and a subtitle', () => {
		expect(description.requestDefaults).toBeDefined();
		expect((new Braze() as { execute?: unknown }).execute).toBeUndefined();
		expect(description.usableAsTool).toBe(true);
		expect(description.icon).toEqual({ light: 'file:braze.svg', dark: 'file:braze.dark.svg' });
		expect(description.subtitle).toBeTruthy();
	});

	it('gives every operation an action and a description an AI agent can follow', () => {
		const operations = description.properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) => property.options as INodePropertyOptions[]);
		expect(operations.length).toBeGreaterThanOrEqual(7);
		for (const operation of operations) {
			expect(operation.action).toBeTruthy();
			expect(String(operation.description).length).toBeGreaterThan(30);
		}
	});

	it('lists every field with its Braze key in the table of docs/fields.md', () => {
		for (const [label, parameter, key] of sendFieldRows()) {
			expect(key).toBeTruthy();
			expect(fieldDoc).toContain(`| ${label} | \`${parameter}\` | \`${key}\` |`);
		}
	});
});

describe.each([
	['Braze', new Braze().description.properties],
	['Braze Trigger', new BrazeTrigger().description.properties],
])('%s node fields', (_node, properties) => {
	it('gives every option of every list a description', () => {
		const undocumented = allProperties(properties)
			.filter((property) => ['options', 'multiOptions'].includes(property.type))
			.filter((property) => property.name !== 'operation')
			.flatMap((property) =>
				(property.options as INodePropertyOptions[])
					.filter((option) => !option.description)
					.map((option) => `${property.name}=${String(option.value)}`),
			);
		expect(undocumented).toEqual([]);
	});

	it('gives every field a description a newcomer or an agent can follow', () => {
		const undocumented = allProperties(properties)
			.filter((property) => !['resource', 'operation'].includes(property.name))
			.filter((property) => !property.description || property.description.length < 15)
			.map((property) => property.name);
		expect(undocumented).toEqual([]);
	});

	it('uses camelCase parameter names', () => {
		for (const property of allProperties(properties)) {
			expect(property.name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
		}
	});
});
