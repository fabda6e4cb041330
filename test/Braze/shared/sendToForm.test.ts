import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { Braze } from '../../../nodes/Braze/Braze.node';
import {
	HIDE_WITHOUT_AUDIENCE,
	HIDE_WITHOUT_SEGMENT,
	HIDE_WITHOUT_USERS,
} from '../../../nodes/Braze/helpers/form/displayOptions';
import { LIVE_ACTIVITY_SEND_TO, MESSAGE_SEND_TO } from '../../../nodes/Braze/shared/sendTo';

const { description } = new Braze();
const nodeType = description as INodeTypeDescription;

/**
 * The labels n8n shows for these values at this node version, as the editor decides it: the
 * parameters resolved the way n8n resolves a node it loads, then each field's display check.
 */
function shown(typeVersion: number, values: INodeParameters): string[] {
	const node = { name: 'Braze', typeVersion, parameters: values } as unknown as INode;
	const resolved =
		NodeHelpers.getNodeParameters(description.properties, values, true, false, node, nodeType) ??
		{};
	return description.properties
		.filter((property) =>
			NodeHelpers.displayParameter(resolved, property, node, nodeType, resolved),
		)
		.map((property) => property.displayName);
}

const RECIPIENT_LABELS = [
	'Send To',
	'External User IDs',
	'User Aliases',
	'Segment ID',
	'Broadcast',
	'Audience',
	'Audience Filter',
	'Audience Match',
	'Audience Filters',
	'Nested Groups',
	'Audience JSON',
];
const recipients = (labels: string[]) => labels.filter((label) => RECIPIENT_LABELS.includes(label));

const send = { resource: 'message', operation: 'send' };

describe('Send To (node version 2) in the form', () => {
	it('version 1 keeps the five recipient controls of Message › Send, and no Send To', () => {
		expect(recipients(shown(1, send))).toEqual([
			'External User IDs',
			'User Aliases',
			'Segment ID',
			'Broadcast',
			'Audience',
		]);
		expect(recipients(shown(1, { ...send, audienceMode: 'form' }))).toEqual([
			'External User IDs',
			'User Aliases',
			'Segment ID',
			'Broadcast',
			'Audience',
			'Audience Match',
			'Audience Filters',
			'Nested Groups',
		]);
	});

	it.each([
		['users', ['Send To', 'External User IDs', 'User Aliases']],
		['usersInSegment', ['Send To', 'External User IDs', 'User Aliases', 'Segment ID']],
		['segment', ['Send To', 'Segment ID']],
		[
			'audience',
			['Send To', 'Audience Filter', 'Audience Match', 'Audience Filters', 'Nested Groups'],
		],
		[
			'segmentAndAudience',
			[
				'Send To',
				'Segment ID',
				'Audience Filter',
				'Audience Match',
				'Audience Filters',
				'Nested Groups',
			],
		],
	])('version 2, Send To %s, shows only that way’s fields', (sendTo, labels) => {
		for (const operation of ['send', 'schedule']) {
			expect(recipients(shown(2, { resource: 'message', operation, sendTo }))).toEqual(labels);
		}
	});

	it('version 2 starts with Users (a new node) and shows Audience JSON for the JSON mode', () => {
		expect(recipients(shown(2, send))).toEqual(['Send To', 'External User IDs', 'User Aliases']);
		expect(recipients(shown(2, { ...send, sendTo: 'audience', audienceMode: 'json' }))).toEqual([
			'Send To',
			'Audience Filter',
			'Audience JSON',
		]);
	});

	it('a form value left behind by an audience way shows nothing once Send To names a way without one', () => {
		// The editor keeps Audience Filter's value when Send To moves on (seen in n8n 2.41.1), and
		// decides what shows from the node's parameters as they are: checked here on those values.
		const node = { name: 'Braze', typeVersion: 2, parameters: {} } as unknown as INode;
		const shownWith = (values: INodeParameters) =>
			description.properties
				.filter((property) =>
					NodeHelpers.displayParameter(values, property, node, nodeType, values),
				)
				.map((property) => property.displayName);
		for (const sendTo of ['users', 'usersInSegment', 'segment']) {
			for (const audienceMode of ['form', 'json']) {
				const labels = recipients(shownWith({ ...send, sendTo, audienceMode }));
				expect(labels.filter((label) => label.startsWith('Audience'))).toEqual([]);
			}
		}
		expect(recipients(shownWith({ ...send, sendTo: 'audience', audienceMode: 'json' }))).toContain(
			'Audience JSON',
		);
	});

	it('an expression in Send To shows every way’s fields (the value is known only when it runs)', () => {
		expect(recipients(shown(2, { ...send, sendTo: '={{ $json.way }}' }))).toEqual([
			'Send To',
			'External User IDs',
			'User Aliases',
			'Segment ID',
			'Audience Filter',
			'Audience Match',
			'Audience Filters',
			'Nested Groups',
		]);
	});

	it.each([1, 2])(
		'Campaign and Canvas › Trigger keep External User IDs, Recipients, Broadcast and Audience at version %i',
		(version) => {
			for (const resource of ['campaign', 'canvas']) {
				const labels = shown(version, { resource, operation: 'trigger' });
				expect(labels).not.toContain('Send To');
				expect(labels).toEqual(
					expect.arrayContaining(['External User IDs', 'Recipients', 'Broadcast', 'Audience']),
				);
				expect(labels).not.toContain('Audience Filter');
			}
		},
	);

	it('Live Activity › Start: version 1 keeps its four controls; version 2 shows one way of three', () => {
		const start = { resource: 'liveActivity', operation: 'start' };
		expect(recipients(shown(1, start))).toEqual([
			'External User IDs',
			'User Aliases',
			'Segment ID',
			'Audience',
		]);
		expect(recipients(shown(2, start))).toEqual(['Send To', 'External User IDs', 'User Aliases']);
		expect(recipients(shown(2, { ...start, sendTo: 'segment' }))).toEqual([
			'Send To',
			'Segment ID',
		]);
		expect(recipients(shown(2, { ...start, sendTo: 'audience' }))).toEqual([
			'Send To',
			'Audience Filter',
			'Audience Match',
			'Audience Filters',
			'Nested Groups',
		]);
	});

	it('offers Live Activity only the ways its endpoint takes, and no broadcast', () => {
		const sendTo = description.properties.filter((property) => property.name === 'sendTo');
		expect(sendTo).toHaveLength(2);
		expect(LIVE_ACTIVITY_SEND_TO.map((way) => way.value)).toEqual(['users', 'segment', 'audience']);
		expect(MESSAGE_SEND_TO.map((way) => way.value)).toEqual([
			'users',
			'usersInSegment',
			'segment',
			'audience',
			'segmentAndAudience',
		]);
	});

	it('hides the shared fields for exactly the ways that do not take them', () => {
		const without = (part: 'users' | 'segment' | 'audience') =>
			MESSAGE_SEND_TO.filter((way) => !way[part]).map((way) => way.value);
		expect(HIDE_WITHOUT_USERS.sendTo).toEqual(without('users'));
		expect(HIDE_WITHOUT_SEGMENT.sendTo).toEqual(without('segment'));
		expect(HIDE_WITHOUT_AUDIENCE.sendTo).toEqual(without('audience'));
	});
});
