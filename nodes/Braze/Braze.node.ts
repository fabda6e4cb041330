import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { listSearch } from './listSearch';
import { campaignProperties } from './resources/trigger/campaign';
import { canvasProperties } from './resources/trigger/canvas';
import { liveActivityProperties } from './resources/liveActivity';
import { messageProperties } from './resources/message';
import { segmentProperties } from './resources/segment';
import { sendIdProperties } from './resources/sendId';
import { mergeForms } from './helpers/form/mergeForms';
import { readableSubtitle } from './helpers/form/subtitle';
import { subscriptionGroupProperties } from './resources/subscriptionGroup';
import { transactionalProperties } from './resources/transactional';
import { userProperties } from './resources/user';

// The canvas subtitle, "Create or Update: User": each resource's name as the Resource list shows
// it, and its form, whose Operation list names the operations.
const SUBTITLE = readableSubtitle({
	campaign: ['Campaign', campaignProperties],
	canvas: ['Canvas Journey', canvasProperties],
	liveActivity: ['Live Activity', liveActivityProperties],
	message: ['Message', messageProperties],
	segment: ['Segment', segmentProperties],
	sendId: ['Send ID', sendIdProperties],
	subscriptionGroup: ['Subscription Group', subscriptionGroupProperties],
	transactional: ['Transactional Email', transactionalProperties],
	user: ['User', userProperties],
});

export class Braze implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Braze',
		name: 'braze',
		icon: { light: 'file:braze.svg', dark: 'file:braze.dark.svg' },
		group: ['output'],
		// Version 2 (the default for new nodes) reshapes the form (docs/versions.md); workflows saved
		// with version 1 keep its form and behaviour. No defaultVersion: n8n then offers the highest,
		// and its loader adds the Custom API Call entry only to a node without one.
		version: [1, 2],
		subtitle: SUBTITLE,
		description:
			'Send email, push, SMS, WhatsApp, content card and webhook messages, transactional emails, trigger campaigns and Canvases, and keep user profiles up to date, with Braze',
		defaults: { name: 'Braze' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'brazeApi', required: true }],
		// The base URL comes from the credential's authenticate(), so no expression runs per item.
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Campaign',
						value: 'campaign',
						description: 'API-triggered campaigns, whose content is set up in Braze',
					},
					// Not plain "Canvas": the lint rule reads it as a plural. Braze calls a Canvas a journey.
					{
						name: 'Canvas Journey',
						value: 'canvas',
						description: 'API-triggered Canvases (multi-step journeys set up in Braze)',
					},
					{
						name: 'Live Activity',
						value: 'liveActivity',
						description:
							"Live Activities of an iOS app: start them on users' devices, update or end them",
					},
					{ name: 'Message', value: 'message', description: 'Messages sent through Braze' },
					{
						name: 'Segment',
						value: 'segment',
						description:
							"The workspace's segments: find one by name, read its details and its size over time",
					},
					{
						name: 'Send ID',
						value: 'sendId',
						description: "Send identifiers that track one send of a campaign's analytics",
					},
					{
						name: 'Subscription Group',
						value: 'subscriptionGroup',
						description: 'Email and SMS subscription group membership of users',
					},
					{
						name: 'Transactional Email',
						value: 'transactional',
						description:
							'One email of a Transactional Email campaign to one user, sent once even when retried',
					},
					{
						name: 'User',
						value: 'user',
						description:
							'User profiles: create or update them, track events and purchases, aliases',
					},
				],
				default: 'message',
			},
			// Fields that several operations show are defined once (see mergeForms).
			...mergeForms([
				campaignProperties,
				canvasProperties,
				liveActivityProperties,
				messageProperties,
				segmentProperties,
				sendIdProperties,
				subscriptionGroupProperties,
				userProperties,
				transactionalProperties,
			]),
		],
	};

	methods = { listSearch };
}
