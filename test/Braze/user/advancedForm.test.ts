import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties } from 'n8n-workflow';

import { Braze } from '../../../nodes/Braze/Braze.node';

const { description } = new Braze();
const MOVED = ['updateExistingOnly', 'nestedAttributes', 'mergeObjects'];

/** What the editor shows for these values on a node of this version: top-level fields, and the options Options offers. */
function form(typeVersion: number, values: INodeParameters) {
	const node = { name: 'Braze', typeVersion, parameters: values } as unknown as INode;
	const resolved =
		NodeHelpers.getNodeParameters(description.properties, values, true, false, node, description) ??
		{};
	const shown = description.properties.filter((property) =>
		NodeHelpers.displayParameter(resolved, property, node, description),
	);
	const options = shown.find((property) => property.name === 'options');
	const offered = ((options?.options ?? []) as INodeProperties[]).filter((option) =>
		NodeHelpers.displayParameter({}, option, node, description, resolved),
	);
	return {
		top: shown.map((property) => property.name),
		options: offered.map((option) => option.name),
		optionLabels: offered.map((option) => option.displayName),
		resolved,
	};
}

describe('The advanced User fields, by node version', () => {
	it('version 2, User › Create or Update: in Options, not at the top', () => {
		const { top, options, optionLabels } = form(2, { resource: 'user', operation: 'upsert' });
		for (const name of MOVED) {
			expect(top).not.toContain(name);
			expect(options).toContain(name);
		}
		// n8n's lint wants a collection's options in alphabetical order.
		expect(optionLabels).toEqual([...optionLabels].sort((a, b) => a.localeCompare(b)));
	});

	it.each(['trackEvent', 'trackPurchase'])(
		'version 2, User › %s: Update Existing Only in Options, no nested attributes',
		(operation) => {
			const { top, options } = form(2, { resource: 'user', operation });
			expect(top).not.toContain('updateExistingOnly');
			expect(options).toContain('updateExistingOnly');
			expect(options).not.toContain('nestedAttributes');
			expect(options).not.toContain('mergeObjects');
		},
	);

	it('version 1 (saved workflows), User › Create or Update: at the top, as before, and not in Options', () => {
		const { top, options } = form(1, { resource: 'user', operation: 'upsert' });
		for (const name of MOVED) {
			expect(top).toContain(name);
			expect(options).not.toContain(name);
		}
	});

	it('a version 1 workflow keeps its top-level values when n8n loads it; version 2 drops them', () => {
		const saved = { resource: 'user', operation: 'upsert', updateExistingOnly: true };
		expect(form(1, saved).resolved.updateExistingOnly).toBe(true);
		expect(form(2, saved).resolved.updateExistingOnly).toBeUndefined();
	});

	it('Transactional Email › Send: Nested Custom Attributes at the top on version 1, in Options on version 2; Merge Nested Objects (never sent there) only on version 1', () => {
		const values = { resource: 'transactional', operation: 'send' };
		const one = form(1, values);
		expect(one.top).toEqual(expect.arrayContaining(['nestedAttributes', 'mergeObjects']));
		expect(one.options).not.toContain('nestedAttributes');
		const two = form(2, values);
		expect(two.top).not.toContain('nestedAttributes');
		expect(two.top).not.toContain('mergeObjects');
		expect(two.options).toContain('nestedAttributes');
		expect(two.options).not.toContain('mergeObjects');
	});

	it('Subscription Group has none of them', () => {
		for (const version of [1, 2]) {
			const { top, options } = form(version, { resource: 'subscriptionGroup' });
			for (const name of MOVED) expect([...top, ...options]).not.toContain(name);
		}
	});
});
