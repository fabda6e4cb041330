import type { IExecuteSingleFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { BrazeBody } from '../helpers/body/types';
import { FROM_VERSION_2 } from '../helpers/form/displayOptions';
import { invalidInput } from '../helpers/validation/invalidInput';
import { describeValue } from '../helpers/values/describe';
import {
	AUDIENCE_INPUT_OPTIONS,
	addAudience,
	assertValidAudience,
	audienceModeFields,
	audienceModeProperty,
} from './audience/index';
import { addUserAliases, splitExternalUserIds } from './recipients';

// "Send To" (node version 2): one way of reaching users at a time, instead of version 1's five
// recipient controls side by side. Braze's rules for /messages/send
// (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_messages): at
// least one of segment_id, external_user_ids (or user_aliases) and audience; without named
// users broadcast must be true, with them it must not be; named users plus a segment reach
// only those users who are in the segment. Live Activity › Start takes exactly one of named
// users, a segment and an audience
// (https://www.braze.com/docs/api/endpoints/messaging/live_activity/start).

/** One way of reaching users: which parts it takes. */
export interface SendToWay {
	value: string;
	name: string;
	description: string;
	/** External User IDs and User Aliases. */
	users: boolean;
	segment: boolean;
	audience: boolean;
}

const USERS: SendToWay = {
	value: 'users',
	name: 'Users',
	description:
		'The users named in External User IDs and/or User Aliases (more than 50 go out in several requests)',
	users: true,
	segment: false,
	audience: false,
};
const SEGMENT: SendToWay = {
	value: 'segment',
	name: 'Segment',
	description: 'Every member of a Braze segment (sent as a broadcast)',
	users: false,
	segment: true,
	audience: false,
};
const AUDIENCE: SendToWay = {
	value: 'audience',
	name: 'Audience Filter',
	description:
		'Every user who matches filters on custom attributes, subscriptions or last app use (sent as a broadcast)',
	users: false,
	segment: false,
	audience: true,
};

/** Message › Send and Schedule: the five ways Braze's rules allow. */
export const MESSAGE_SEND_TO: SendToWay[] = [
	USERS,
	{
		value: 'usersInSegment',
		name: 'Users in a Segment',
		description:
			'The named users who are also members of a segment: Braze messages only those in both',
		users: true,
		segment: true,
		audience: false,
	},
	SEGMENT,
	AUDIENCE,
	{
		value: 'segmentAndAudience',
		name: 'Segment and Audience Filter',
		description:
			'Members of a segment, with audience filters too (sent as a broadcast; Braze does not document how it combines the two)',
		users: false,
		segment: true,
		audience: true,
	},
];

/** Live Activity › Start: exactly one of named users, a segment and an audience. */
export const LIVE_ACTIVITY_SEND_TO: SendToWay[] = [
	{ ...USERS, description: 'The users named in External User IDs and/or User Aliases' },
	{ ...SEGMENT, description: 'Every member of a Braze segment' },
	{
		...AUDIENCE,
		description:
			'Every user who matches filters on custom attributes, subscriptions or last app use (sent as custom_audience)',
	},
];

const options = (ways: SendToWay[]): INodePropertyOptions[] =>
	ways.map(({ name, value, description }) => ({ name, value, description }));

/** Message › Send and Schedule, version 2. */
export const messageSendToProperty: INodeProperties = {
	displayName: 'Send To',
	name: 'sendTo',
	type: 'options',
	options: options(MESSAGE_SEND_TO),
	default: 'users',
	description:
		'Who receives the message; only the fields of the chosen way are shown. An expression must give one of: users, usersInSegment, segment, audience, segmentAndAudience.',
	displayOptions: {
		show: { resource: ['message'], operation: ['send', 'schedule'], ...FROM_VERSION_2 },
	},
};

/** Live Activity › Start, version 2. */
export const liveActivitySendToProperty: INodeProperties = {
	displayName: 'Send To',
	name: 'sendTo',
	type: 'options',
	options: options(LIVE_ACTIVITY_SEND_TO),
	default: 'users',
	description:
		'Whose devices the Live Activity starts on; Braze takes exactly one way. An expression must give users, segment or audience.',
	displayOptions: { show: { resource: ['liveActivity'], operation: ['start'], ...FROM_VERSION_2 } },
};

/**
 * Version 2's Audience selector, shown with a Send To way that takes an audience: Form or JSON,
 * no None (version 1's definition, with None, stays for version 1 and the triggers).
 */
export const audienceFilterModeProperty: INodeProperties = {
	displayName: 'Audience Filter',
	name: 'audienceMode',
	type: 'options',
	noDataExpression: true,
	options: AUDIENCE_INPUT_OPTIONS,
	default: 'form',
	description:
		'The Connected Audience filters: who matches them is messaged. Braze accepts 250 audience sends per minute, and 10 per minute for the same audience.',
	displayOptions: {
		show: {
			resource: ['message', 'liveActivity'],
			operation: ['send', 'schedule', 'start'],
			...FROM_VERSION_2,
			sendTo: ['audience', 'segmentAndAudience'],
		},
	},
};

/** The audience fields of Message and Live Activity: version 1's selector, version 2's, their fields. */
export const sendToAudienceProperties: INodeProperties[] = [
	audienceModeProperty,
	audienceFilterModeProperty,
	...audienceModeFields,
];

export const isVersion2 = (context: IExecuteSingleFunctions) =>
	(context.getNode().typeVersion ?? 1) >= 2;

/** The Send To way, checked: an expression may give any value. */
export function readSendTo(context: IExecuteSingleFunctions, ways: SendToWay[]): SendToWay {
	const value = context.getNodeParameter('sendTo', 'users');
	const way = ways.find((entry) => entry.value === value);
	if (way) return way;
	const known = ways.map((entry) => `${entry.value} (${entry.name})`).join(', ');
	throw invalidInput(
		context,
		`Send To is ${describeValue(value)}, which is not a way to send`,
		`Pick one from the list, or make the expression give one of: ${known}.`,
	);
}

/**
 * Writes what the way takes and drops the rest (with Send To set by an expression, n8n shows,
 * and routing sends, every way's fields), then checks that the way's parts are filled in.
 */
function applyWay(context: IExecuteSingleFunctions, body: BrazeBody, way: SendToWay): void {
	if (way.users) {
		splitExternalUserIds(context, body);
		addUserAliases(context, body);
		if (!body.external_user_ids?.length && !body.user_aliases?.length) {
			throw invalidInput(
				context,
				`Send To is ${way.name}, but no user is named`,
				'Fill in External User IDs (e.g. {{ $json.userId }}) or add User Aliases, or pick another way in Send To.',
			);
		}
	} else {
		delete body.external_user_ids;
		delete body.user_aliases;
	}
	if (!way.segment) delete body.segment_id;
	else if (typeof body.segment_id !== 'string' || body.segment_id === '') {
		throw invalidInput(
			context,
			`Send To is ${way.name}, but Segment ID is empty`,
			'Pick the segment from the list, or enter its API identifier (Audience › Segments in Braze) By ID.',
		);
	}
	if (!way.audience) {
		delete body.audience;
		return;
	}
	addAudience(context, body);
	assertValidAudience(context, body);
	if (body.audience === undefined) {
		throw invalidInput(
			context,
			`Send To is ${way.name}, but no audience filter is set`,
			'Add at least one filter under Audience Filters, or paste a Connected Audience object in Audience JSON.',
		);
	}
}

/** Version 1: every recipient control read as it always was; the operation's check follows. */
function addVersion1Recipients(context: IExecuteSingleFunctions, body: BrazeBody): void {
	splitExternalUserIds(context, body);
	addUserAliases(context, body);
	addAudience(context, body);
	assertValidAudience(context, body);
}

/**
 * Message › Send and Schedule: the recipients. Version 1 reads its five controls as it always
 * did (Broadcast is routed); version 2 reads the Send To way and sets broadcast from it.
 */
export function addMessageRecipients(context: IExecuteSingleFunctions, body: BrazeBody): void {
	if (!isVersion2(context)) {
		addVersion1Recipients(context, body);
		return;
	}
	const way = readSendTo(context, MESSAGE_SEND_TO);
	applyWay(context, body, way);
	body.broadcast = !way.users;
}

/** Live Activity › Start: the same, without broadcast (the endpoint has none). */
export function addLiveActivityRecipients(context: IExecuteSingleFunctions, body: BrazeBody): void {
	if (!isVersion2(context)) {
		addVersion1Recipients(context, body);
		return;
	}
	applyWay(context, body, readSendTo(context, LIVE_ACTIVITY_SEND_TO));
}
