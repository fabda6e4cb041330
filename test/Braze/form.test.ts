import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { Braze } from '../../nodes/Braze/Braze.node';
import { channels } from '../../nodes/Braze/channels';
import { campaignProperties } from '../../nodes/Braze/resources/trigger/campaign';
import { canvasProperties } from '../../nodes/Braze/resources/trigger/canvas';
import { liveActivityProperties } from '../../nodes/Braze/resources/liveActivity';
import { messageProperties } from '../../nodes/Braze/resources/message';
import { sendIdProperties } from '../../nodes/Braze/resources/sendId';
import { mergeForms } from '../../nodes/Braze/helpers/form/mergeForms';

const { description } = new Braze();
const [resourceProperty] = description.properties;
const resourceForms: Record<string, INodeProperties[]> = {
	campaign: campaignProperties,
	canvas: canvasProperties,
	liveActivity: liveActivityProperties,
	message: messageProperties,
	sendId: sendIdProperties,
};

/** The fields the editor shows for these values, in order, as n8n decides it. */
function shownFields(properties: INodeProperties[], values: INodeParameters): string[] {
	const node = { name: 'Braze', parameters: values } as unknown as INode;
	const nodeType = { ...description, properties } as INodeTypeDescription;
	const resolved = NodeHelpers.getNodeParameters(properties, values, true, false, node, nodeType);
	return properties
		.filter((property) =>
			NodeHelpers.displayParameter(resolved ?? {}, property, node, nodeType, resolved ?? {}),
		)
		.map((property) => `${property.name}: ${property.displayName}`);
}

function operationsOf(resource: string): string[] {
	const operation = resourceForms[resource].find((property) => property.name === 'operation');
	return (operation?.options ?? []).map((option) => String((option as { value: string }).value));
}

const everyChannel = channels.map((channel) => channel.key);
/** Form states: the defaults, and every toggle on with every channel and audience field shown. */
const states: INodeParameters[] = [
	{},
	{ channels: everyChannel, updateTime: true, updateMessages: true, audienceMode: 'form' },
	{ channels: everyChannel, updateMessages: true, audienceMode: 'json', contentCardType: 'BANNER' },
];

describe('The form', () => {
	const cases = Object.keys(resourceForms).flatMap((resource) =>
		operationsOf(resource).flatMap((operation) =>
			states.map((state, index) => [resource, operation, index, state] as const),
		),
	);

	it.each(cases)(
		'%s › %s (state %i) shows the fields its own resource form lists, in the same order',
		(resource, operation, _index, state) => {
			const values = { resource, operation, ...state };
			const own = shownFields([resourceProperty, ...resourceForms[resource]], values);
			expect(own.length).toBeGreaterThan(2);
			expect(shownFields(description.properties, values)).toEqual(own);
		},
	);

	it('defines External User IDs and each Audience field once for every operation that shows it', () => {
		const names = description.properties.map((property) => property.name);
		for (const name of [
			'externalUserIds',
			'audienceCombinator',
			'audienceFilters',
			'audienceGroups',
			'audienceJson',
		]) {
			expect(names.filter((other) => other === name)).toHaveLength(1);
		}
		// The Audience selector (never routed, never an expression) has one definition per case:
		// Campaign and Canvas, version 1 of Message and Live Activity, and version 2's Send To
		// Audience Filter (test/Braze/shared/sendToForm.test.ts: never two at once).
		expect(names.filter((other) => other === 'audienceMode')).toHaveLength(3);
	});

	it('refuses forms that order a shared field differently', () => {
		const first = { displayName: 'A', name: 'a', type: 'string', default: '' } as INodeProperties;
		const second = { ...first, displayName: 'B', name: 'b' } as INodeProperties;
		expect(
			mergeForms([
				[first, second],
				[first, second],
			]),
		).toEqual([first, second]);
		expect(() =>
			mergeForms([
				[first, second],
				[second, first],
			]),
		).toThrow('The forms order the shared field "a" differently');
	});
});
