import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { listSearch } from './listSearch';
import { campaignProperties } from './resources/trigger/campaign';
import { canvasProperties } from './resources/trigger/canvas';
import { catalogProperties } from './resources/catalog';
import { catalogFieldProperties } from './resources/catalogField';
import { catalogItemProperties } from './resources/catalogItem';
import { contentBlockProperties } from './resources/contentBlock';
import { customEventProperties } from './resources/customEvent';
import { emailProperties } from './resources/email';
import { emailTemplateProperties } from './resources/emailTemplate';
import { kpiProperties } from './resources/kpi';
import { liveActivityProperties } from './resources/liveActivity';
import { messageProperties } from './resources/message';
import { segmentProperties } from './resources/segment';
import { sendIdProperties } from './resources/sendId';
import { smsProperties } from './resources/sms';
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
	catalog: ['Catalog', catalogProperties],
	catalogField: ['Catalog Field', catalogFieldProperties],
	catalogItem: ['Catalog Item', catalogItemProperties],
	contentBlock: ['Content Block', contentBlockProperties],
	customEvent: ['Custom Event', customEventProperties],
	email: ['Email', emailProperties],
	emailTemplate: ['Email Template', emailTemplateProperties],
	kpi: ['KPI', kpiProperties],
	liveActivity: ['Live Activity', liveActivityProperties],
	message: ['Message', messageProperties],
	segment: ['Segment', segmentProperties],
	sendId: ['Send ID', sendIdProperties],
	sms: ['SMS', smsProperties],
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
						description:
							'Campaigns: trigger API-triggered ones, list them, read their details and their numbers per day',
					},
					// Not plain "Canvas": the lint rule reads it as a plural. Braze calls a Canvas a journey.
					{
						name: 'Canvas Journey',
						value: 'canvas',
						description:
							'Canvases (multi-step journeys set up in Braze): trigger API-triggered ones, list them, read their details, their numbers per day and their totals',
					},
					{
						name: 'Catalog',
						value: 'catalog',
						description:
							'Catalogs of products, stores, courses or menu items that messages personalise from: list them, read their fields, create or delete one',
					},
					{
						name: 'Catalog Field',
						value: 'catalogField',
						description:
							"A catalog's fields: add fields (e.g. when a feed gains a column) or delete one",
					},
					{
						name: 'Catalog Item',
						value: 'catalogItem',
						description:
							'The items of a catalog: keep them in step with a product feed, spreadsheet or store (create, replace, update, delete, many per request), or read them',
					},
					{
						name: 'Content Block',
						value: 'contentBlock',
						description:
							'Reusable HTML or text that messages include by Liquid tag: find one by name, read, create or update it',
					},
					{
						name: 'Custom Event',
						value: 'customEvent',
						description:
							"The workspace's custom events: list their names, or count how often one happened day by day",
					},
					{
						name: 'Email',
						value: 'email',
						description:
							"Braze's email lists: read the unsubscribes and hard bounces (e.g. to sync them to a CRM), set an address's subscription state, remove bounces and spam reports, blocklist",
					},
					{
						name: 'Email Template',
						value: 'emailTemplate',
						description:
							"Email templates of Braze's HTML editor: find one by name, read, create or update it",
					},
					{
						name: 'KPI',
						value: 'kpi',
						description:
							"The workspace's daily and monthly active users, new users and uninstalls, day by day, for reports",
					},
					{
						name: 'Live Activity',
						value: 'liveActivity',
						description:
							"Live Activities of an iOS app (live lock-screen cards such as a delivery or a score): start them on users' devices, update or end them",
					},
					{
						name: 'Message',
						value: 'message',
						description:
							'Messages you write in n8n (email, push, SMS, WhatsApp, content card, webhook) to named users, a segment or an audience: send now, schedule, change or cancel a schedule, list what is scheduled',
					},
					{
						name: 'Segment',
						value: 'segment',
						description:
							"The workspace's segments: find one by name, read its details and its size over time",
					},
					{
						name: 'Send ID',
						value: 'sendId',
						description:
							"Send identifiers that track one send of an API campaign: create one, read that send's numbers per day",
					},
					{
						name: 'SMS',
						value: 'sms',
						description:
							"Braze's list of invalid phone numbers: read it (e.g. to flag numbers in a CRM), or remove numbers that work again",
					},
					{
						name: 'Subscription Group',
						value: 'subscriptionGroup',
						description:
							'Email and SMS subscription groups: subscribe users to one, or unsubscribe them, when they opt in or out',
					},
					{
						name: 'Transactional Email',
						value: 'transactional',
						description:
							'One email of a Transactional Email campaign (order confirmation, password reset) to one user, sent once even when retried',
					},
					{
						name: 'User',
						value: 'user',
						description:
							'User profiles: look one up, create or update them before messaging, track events and purchases, aliases, delete',
					},
				],
				default: 'message',
			},
			// Fields that several operations show are defined once (see mergeForms).
			...mergeForms([
				campaignProperties,
				canvasProperties,
				catalogProperties,
				catalogFieldProperties,
				catalogItemProperties,
				contentBlockProperties,
				customEventProperties,
				emailProperties,
				emailTemplateProperties,
				kpiProperties,
				liveActivityProperties,
				messageProperties,
				segmentProperties,
				sendIdProperties,
				smsProperties,
				subscriptionGroupProperties,
				userProperties,
				transactionalProperties,
			]),
		],
	};

	methods = { listSearch };
}
