import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { Braze } from '../../../nodes/Braze/Braze.node';
import { catalogProperties } from '../../../nodes/Braze/resources/catalog';
import { catalogFieldProperties } from '../../../nodes/Braze/resources/catalogField';
import { catalogItemProperties } from '../../../nodes/Braze/resources/catalogItem';

// The catalog resources' forms, as n8n shows them: each operation's fields in its resource's own
// order (the shared Catalog, Fields and Options definitions placed once, test/Braze/form.test.ts
// checks the same for the other resources), and the options each operation offers.

const { description } = new Braze();
const [resourceProperty] = description.properties;
const forms: Record<string, INodeProperties[]> = {
	catalog: catalogProperties,
	catalogField: catalogFieldProperties,
	catalogItem: catalogItemProperties,
};

function shown(properties: INodeProperties[], values: INodeParameters): INodeProperties[] {
	const node = { name: 'Braze', typeVersion: 2, parameters: values } as unknown as INode;
	const nodeType = { ...description, properties } as INodeTypeDescription;
	const resolved = NodeHelpers.getNodeParameters(properties, values, true, false, node, nodeType);
	return properties.filter((property) =>
		NodeHelpers.displayParameter(resolved ?? {}, property, node, nodeType, resolved ?? {}),
	);
}
const names = (properties: INodeProperties[]) => properties.map((property) => property.name);
const operationsOf = (resource: string) =>
	(forms[resource].find((p) => p.name === 'operation')?.options ?? []).map((o) =>
		String((o as { value: string }).value),
	);

const cases = Object.keys(forms).flatMap((resource) =>
	operationsOf(resource).map((operation) => [resource, operation] as const),
);

describe('The catalog forms', () => {
	it.each(cases)(
		'%s › %s shows the fields its own form lists, in the same order',
		(resource, operation) => {
			const values = { resource, operation };
			const own = names(shown([resourceProperty, ...forms[resource]], values));
			expect(names(shown(description.properties, values))).toEqual(own);
		},
	);

	it.each([
		[
			'catalog',
			'create',
			['resource', 'operation', 'newCatalogName', 'catalogDescription', 'catalogFields', 'options'],
		],
		[
			'catalog',
			'delete',
			[
				'resource',
				'operation',
				'catalogName',
				'catalogDeleteNotice',
				'confirmCatalogDelete',
				'options',
			],
		],
		[
			'catalogField',
			'create',
			['resource', 'operation', 'catalogName', 'catalogFields', 'options'],
		],
		[
			'catalogItem',
			'replace',
			[
				'resource',
				'operation',
				'catalogName',
				'itemId',
				'itemFieldsMode',
				'itemFields',
				'simplify',
				'options',
			],
		],
		[
			'catalogItem',
			'getMany',
			['resource', 'operation', 'catalogName', 'returnAll', 'limit', 'options'],
		],
	])('%s › %s', (resource, operation, expected) => {
		expect(names(shown(description.properties, { resource, operation }))).toEqual(expected);
	});

	it('Options offers Batch Items on the item writes and Check Fields on those that write fields', () => {
		const options = description.properties.filter(
			(p) => p.name === 'options' && JSON.stringify(p.displayOptions).includes('catalogItem'),
		);
		expect(options).toHaveLength(1);
		const offered = (resource: string, operation: string) => {
			const node = {
				name: 'Braze',
				typeVersion: 2,
				parameters: { resource, operation },
			} as unknown as INode;
			return (options[0].options as INodeProperties[])
				.filter((option) =>
					NodeHelpers.displayParameter({ resource, operation }, option, node, description, {
						resource,
						operation,
					}),
				)
				.map((option) => option.name);
		};
		expect(offered('catalogItem', 'replace')).toEqual([
			'batchItems',
			'checkFields',
			'dryRun',
			'maxWaitOnRateLimit',
			'retryServerErrors',
			'timeout',
		]);
		expect(offered('catalogItem', 'delete')).toEqual([
			'batchItems',
			'dryRun',
			'maxWaitOnRateLimit',
			'retryServerErrors',
			'timeout',
		]);
		expect(offered('catalog', 'create')).toEqual([
			'dryRun',
			'maxWaitOnRateLimit',
			'retryServerErrors',
			'timeout',
		]);
	});
});
