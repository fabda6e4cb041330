import { Workflow } from 'n8n-workflow';
import type { INode, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { Braze } from '../../nodes/Braze/Braze.node';
import { nodeTypesOf } from '../helpers/engineSetup';

const braze = new Braze();
const { description } = braze;
const nodeTypes = nodeTypesOf({ 'n8n-nodes-braze-messaging.braze': braze });

/**
 * The canvas subtitle as the editor computes it: the `subtitle` expression evaluated on the
 * node's parameters (n8n's editor calls getSimpleParameterValue with the same arguments).
 */
function subtitleOf(parameters: INodeParameters, typeVersion = 2): unknown {
	const node: INode = {
		id: 'braze',
		name: 'Braze',
		type: 'n8n-nodes-braze-messaging.braze',
		typeVersion,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		description.subtitle as string,
		'internal',
		{},
	);
}

const resourceOptions = description.properties[0].options as INodePropertyOptions[];
const pairs = description.properties
	.filter((property) => property.name === 'operation')
	.flatMap((selector) =>
		(selector.options as INodePropertyOptions[]).map((operation) => {
			const resource = String(selector.displayOptions?.show?.resource?.[0]);
			return [resource, String(operation.value), operation.name] as const;
		}),
	);

describe('The canvas subtitle', () => {
	it('reads "Create or Update: User" for User › Create or Update, not the raw values', () => {
		expect(subtitleOf({ resource: 'user', operation: 'upsert' })).toBe('Create or Update: User');
		expect(subtitleOf({ resource: 'user', operation: 'upsert' }, 1)).toBe('Create or Update: User');
	});

	it.each(pairs)(
		'%s › %s: the operation and resource as the form names them',
		(resource, operation, operationName) => {
			const resourceName = resourceOptions.find((option) => option.value === resource)?.name;
			expect(resourceName).toBeDefined();
			expect(subtitleOf({ resource, operation })).toBe(`${operationName}: ${String(resourceName)}`);
		},
	);

	it("names n8n's Custom API Call entry, and shows a pair it does not know as it is", () => {
		expect(subtitleOf({ resource: 'user', operation: '__CUSTOM_API_CALL__' })).toBe(
			'Custom API Call: User',
		);
		expect(subtitleOf({ resource: 'user', operation: 'somethingNew' })).toBe('somethingNew: user');
	});
});
