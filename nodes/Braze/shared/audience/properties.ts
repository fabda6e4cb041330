import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	HIDE_WITHOUT_AUDIENCE,
	ONLY_VERSION_1,
	RECIPIENT_OPERATIONS,
} from '../../helpers/form/displayOptions';

const showForAudienceMode = (mode: string) => ({
	show: { ...RECIPIENT_OPERATIONS, audienceMode: [mode] },
	hide: HIDE_WITHOUT_AUDIENCE,
});

const combinatorOptions: INodePropertyOptions[] = [
	{
		name: 'All Must Match (AND)',
		value: 'AND',
		description: 'A user must match every filter of the list',
	},
	{
		name: 'Any May Match (OR)',
		value: 'OR',
		description: 'A user must match at least one filter of the list',
	},
];

const filterTypeOptions: INodePropertyOptions[] = [
	{
		name: 'Custom Attribute',
		value: 'customAttribute',
		description: 'Compare a custom attribute of the user (custom_attribute)',
	},
	{
		name: 'Email Subscription Status',
		value: 'emailSubscription',
		description: "The user's email subscription: Is / Is Not opted_in, subscribed or unsubscribed",
	},
	{
		name: 'Last Used App',
		value: 'lastUsedApp',
		description: 'When the user last used the app: After / Before a date',
	},
	{
		name: 'Nested Group',
		value: 'group',
		description:
			'Puts the next group of Nested Groups here (the first such row places group 1, the next group 2…)',
	},
	{
		name: 'Push Subscription Status',
		value: 'pushSubscription',
		description: "The user's push subscription: Is / Is Not opted_in, subscribed or unsubscribed",
	},
];

const dataTypeOptions: INodePropertyOptions[] = [
	{ name: 'Array', value: 'array', description: 'A list of values, such as favorite_foods' },
	{ name: 'Boolean', value: 'boolean', description: 'True or false, such as vip' },
	{ name: 'Number', value: 'number', description: 'A number, such as lifetime_orders' },
	{ name: 'String', value: 'string', description: 'Text, such as plan or eye_color' },
	{ name: 'Time', value: 'time', description: 'A date and time, such as last_purchase_time' },
];

const comparisonOptions: INodePropertyOptions[] = [
	{ name: 'After', value: 'after', description: 'Time attribute or Last Used App: after a date' },
	{
		name: 'Before',
		value: 'before',
		description: 'Time attribute or Last Used App: before a date',
	},
	{ name: 'Does Not Equal', value: 'does_not_equal', description: 'Boolean attribute only' },
	{
		name: 'Does Not Exist',
		value: 'does_not_exist',
		description: 'The attribute is not set (any data type; leave Value empty)',
	},
	{
		name: 'Does Not Include Value',
		value: 'does_not_include_value',
		description: 'Array attribute only',
	},
	{
		name: 'Does Not Match Regex',
		value: 'does_not_match_regex',
		description: 'String attribute only',
	},
	{ name: 'Equals', value: 'equals', description: 'String, Number or Boolean attribute' },
	{
		name: 'Exists',
		value: 'exists',
		description: 'The attribute is set (any data type; leave Value empty)',
	},
	{ name: 'Greater Than', value: 'greater_than', description: 'Number attribute only' },
	{
		name: 'Greater Than Or Equal To',
		value: 'greater_than_or_equal_to',
		description: 'Number attribute only',
	},
	{
		name: 'Greater Than X Days Ago',
		value: 'greater_than_x_days_ago',
		description: 'Time attribute only; Value is a number of days',
	},
	{
		name: 'Greater Than X Days In The Future',
		value: 'greater_than_x_days_in_the_future',
		description: 'Time attribute only; Value is a number of days',
	},
	{ name: 'Includes Value', value: 'includes_value', description: 'Array attribute only' },
	{ name: 'Is', value: 'is', description: 'Push or email subscription status only' },
	{ name: 'Is Not', value: 'is_not', description: 'Push or email subscription status only' },
	{ name: 'Less Than', value: 'less_than', description: 'Number attribute only' },
	{
		name: 'Less Than Or Equal To',
		value: 'less_than_or_equal_to',
		description: 'Number attribute only',
	},
	{
		name: 'Less Than X Days Ago',
		value: 'less_than_x_days_ago',
		description: 'Time attribute only; Value is a number of days',
	},
	{
		name: 'Less Than X Days In The Future',
		value: 'less_than_x_days_in_the_future',
		description: 'Time attribute only; Value is a number of days',
	},
	{ name: 'Matches Regex', value: 'matches_regex', description: 'String attribute only' },
	{ name: 'Not Equal', value: 'not_equal', description: 'String or Number attribute' },
];

/** One filter row. All fields are always shown; the validator says which ones a type needs. */
function filterRowFields(allowGroup: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Filter Type',
			name: 'filterType',
			type: 'options',
			options: allowGroup
				? filterTypeOptions
				: filterTypeOptions.filter((option) => option.value !== 'group'),
			default: 'customAttribute',
			description: 'What the filter looks at',
		},
		{
			displayName: 'Custom Attribute Name',
			name: 'customAttributeName',
			type: 'string',
			default: '',
			placeholder: 'plan',
			description: 'Custom Attribute filters only: the attribute, as named in Braze',
		},
		{
			displayName: 'Data Type',
			name: 'dataType',
			type: 'options',
			options: dataTypeOptions,
			default: 'string',
			description:
				"Custom Attribute filters only: the attribute's data type in Braze. It decides which comparisons are allowed and what the value must be.",
		},
		{
			displayName: 'Comparison',
			name: 'comparison',
			type: 'options',
			options: comparisonOptions,
			default: 'equals',
			description:
				'How the user is compared. String: Equals, Not Equal, (Does Not) Match Regex. Number: Equals, Not Equal, Greater/Less Than (Or Equal To). Boolean: Equals, Does Not Equal. Time: X Days Ago/In The Future, After, Before. Array: (Does Not) Include Value. Any data type: Exists, Does Not Exist. Subscription statuses: Is, Is Not. Last Used App: After, Before.',
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: '',
			placeholder: 'pro',
			description:
				'What to compare with: text; a number; true or false; a whole number of days for the X Days comparisons; an ISO 8601 date for After and Before (2026-06-01 means midnight UTC); opted_in, subscribed or unsubscribed for subscription statuses. Leave empty for Exists and Does Not Exist.',
		},
	];
}

/** How an audience is given: built in the form, or pasted as JSON. */
export const AUDIENCE_INPUT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Build With Form',
		value: 'form',
		description: 'Combine filters on custom attributes, subscriptions and last app use',
	},
	{ name: 'JSON', value: 'json', description: 'Paste a Braze Connected Audience object' },
];

/**
 * The Audience selector with None, for Campaign and Canvas › Trigger and Schedule (every version)
 * and for version 1 of Message › Send and Schedule and Live Activity › Start; version 2 of those
 * shows Send To's Audience Filter instead (shared/sendTo.ts). Two definitions rather than one
 * with a rule on Send To: n8n fills in a hidden field's default when it decides what shows, so
 * only the node's version and resource tell the cases apart reliably. Not routed and never an
 * expression, so a definition more costs routing nothing.
 */
const audienceSelector = (
	description: string,
	show: NonNullable<INodeProperties['displayOptions']>['show'],
): INodeProperties => ({
	displayName: 'Audience',
	name: 'audienceMode',
	type: 'options',
	noDataExpression: true,
	options: [
		...AUDIENCE_INPUT_OPTIONS,
		{ name: 'None', value: 'none', description: 'Target only the users or segment above' },
	],
	default: 'none',
	description,
	displayOptions: { show },
});

const AUDIENCE_WORDS =
	'Target every user who matches Connected Audience filters (custom attributes, push and email subscription status, last app use).';
const BROADCAST_LIMITS =
	'Braze limits broadcasts to 250 requests per minute, and 10 per minute for the same audience.';

/** Campaign and Canvas › Trigger and Schedule. */
export const triggerAudienceModeProperty = audienceSelector(
	`${AUDIENCE_WORDS} Without recipients it narrows the broadcast: turn Broadcast on. ${BROADCAST_LIMITS}`,
	{ resource: ['campaign', 'canvas'], operation: ['trigger', 'schedule'] },
);

/** Version 1 of Message › Send and Schedule and Live Activity › Start. */
export const audienceModeProperty = audienceSelector(
	`${AUDIENCE_WORDS} On Send and Schedule, an audience send without named users is a broadcast: turn Broadcast on. ${BROADCAST_LIMITS} On Live Activity › Start it is sent as custom_audience, without named users or a segment.`,
	{
		resource: ['message', 'liveActivity'],
		operation: ['send', 'schedule', 'start'],
		...ONLY_VERSION_1,
	},
);

/** The fields of the Build With Form and JSON modes, shown by the Audience selector's value. */
export const audienceModeFields: INodeProperties[] = [
	{
		displayName: 'Audience Match',
		name: 'audienceCombinator',
		type: 'options',
		options: combinatorOptions,
		default: 'AND',
		description: 'How the Audience Filters (and Nested Groups) combine',
		displayOptions: showForAudienceMode('form'),
	},
	{
		displayName: 'Audience Filters',
		name: 'audienceFilters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Filter',
		default: {},
		description:
			'The conditions, in order. Set Filter Type to Nested Group to place a group of Nested Groups among them.',
		displayOptions: showForAudienceMode('form'),
		options: [{ displayName: 'Filter', name: 'filter', values: filterRowFields(true) }],
	},
	{
		displayName: 'Nested Groups',
		name: 'audienceGroups',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Group',
		default: {},
		description:
			'Groups of filters with their own AND/OR, such as "push opted in OR email subscribed". A group goes where a Nested Group filter places it, or else after the Audience Filters.',
		displayOptions: showForAudienceMode('form'),
		options: [
			{
				displayName: 'Group',
				name: 'group',
				values: [
					{
						displayName: 'Group Match',
						name: 'combinator',
						type: 'options',
						options: combinatorOptions,
						default: 'OR',
						description: "How the group's filters combine",
					},
					{
						displayName: 'Filters',
						name: 'filters',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true, sortable: true },
						placeholder: 'Add Filter',
						default: {},
						description: "The group's conditions",
						options: [{ displayName: 'Filter', name: 'filter', values: filterRowFields(false) }],
					},
				],
			},
		],
	},
	{
		displayName: 'Audience JSON',
		name: 'audienceJson',
		type: 'json',
		default: '',
		placeholder:
			'{"AND": [{"custom_attribute": {"custom_attribute_name": "plan", "comparison": "equals", "value": "pro"}}]}',
		description:
			'A Braze Connected Audience object: one filter, or {"AND": [...]} / {"OR": [...]} holding filters and groups. It is checked like the form before sending.',
		displayOptions: showForAudienceMode('json'),
	},
];

/** Campaign and Canvas: the Audience selector and its fields, in order. */
export const audienceProperties: INodeProperties[] = [
	triggerAudienceModeProperty,
	...audienceModeFields,
];
