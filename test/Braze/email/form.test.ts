import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { Braze } from '../../../nodes/Braze/Braze.node';
import { emailProperties } from '../../../nodes/Braze/resources/email';
import { smsProperties } from '../../../nodes/Braze/resources/sms';

const { description } = new Braze();
const [resourceProperty] = description.properties;

/** The fields the editor shows for these values, in order, as n8n decides it. */
function shown(properties: INodeProperties[], values: INodeParameters): string[] {
	const node = {
		name: 'Braze',
		parameters: values,
		typeVersion: values['@version'] ?? 2,
	} as unknown as INode;
	const nodeType = { ...description, properties } as INodeTypeDescription;
	const resolved = NodeHelpers.getNodeParameters(properties, values, true, false, node, nodeType);
	return properties
		.filter((property) =>
			NodeHelpers.displayParameter(resolved ?? {}, property, node, nodeType, resolved ?? {}),
		)
		.map((property) => property.displayName);
}

describe('The Email and SMS forms', () => {
	it.each([
		['email', 'getUnsubscribes', ['Filters', 'Sort', 'Return All', 'Limit', 'Options']],
		['email', 'getHardBounces', ['Filters', 'Return All', 'Limit', 'Options']],
		['email', 'setStatus', ['Emails', 'Subscription State', 'Simplify', 'Options']],
		['email', 'removeHardBounces', ['Emails', 'Simplify', 'Options']],
		['email', 'removeSpam', ['Emails', 'Simplify', 'Options']],
		['email', 'blocklist', ['Emails', 'Simplify', 'Options']],
		['sms', 'getInvalidPhoneNumbers', ['Filters', 'Return All', 'Limit', 'Options']],
		['sms', 'removeInvalidPhoneNumbers', ['Phone Numbers', 'Simplify', 'Options']],
	])(
		'%s › %s shows, in order: %j (version 2), the same in the whole node',
		(resource, operation, fields) => {
			const form = resource === 'email' ? emailProperties : smsProperties;
			const values = { resource, operation };
			expect(shown([resourceProperty, ...form], values)).toEqual([
				'Resource',
				'Operation',
				...fields,
			]);
			expect(shown(description.properties, values)).toEqual(['Resource', 'Operation', ...fields]);
		},
	);

	it('one Options definition serves both resources; Retry Server Errors only where a list changes', () => {
		const options = description.properties.filter(
			(property) =>
				property.name === 'options' &&
				(property.displayOptions?.show?.resource ?? []).includes('sms'),
		);
		expect(options).toHaveLength(1);
		const retry = (options[0].options as INodeProperties[]).find(
			(option) => option.name === 'retryServerErrors',
		);
		expect(retry?.displayOptions?.show?.['/operation']).toEqual([
			'setStatus',
			'removeHardBounces',
			'removeSpam',
			'blocklist',
			'removeInvalidPhoneNumbers',
		]);
	});

	it('lists the Email and SMS resources in alphabetical order, each with a description', () => {
		const names = (resourceProperty.options as Array<{ name: string; description?: string }>).map(
			(option) => option.name,
		);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names).toEqual(expect.arrayContaining(['Email', 'SMS']));
	});
});
