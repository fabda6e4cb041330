import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BodyStep, BrazeBody } from '../../helpers/body/types';
import { showFor } from '../../helpers/form/displayOptions';
import { optionsPropertyFor } from '../../shared/options';
import { dateParameter, jsonParameter, readJsonObject } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { isoDateTime } from '../../helpers/values/date';

// The fields Live Activity › Start and Update share, defined once for both: the app, the
// activity, its state and when it goes stale
// (https://www.braze.com/docs/api/endpoints/messaging/live_activity/start,
// https://www.braze.com/docs/api/endpoints/messaging/live_activity/update).

export const RESOURCE = 'liveActivity';
export const showForStartAndUpdate = showFor(RESOURCE, ['start', 'update']);

export const appIdProperty: INodeProperties = {
	displayName: 'App ID',
	name: 'liveActivityAppId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
	description:
		"The iOS app's API identifier (app_id), from Settings › APIs and Identifiers › App Identifiers. Braze's REST API has no list of apps, so it is entered as an ID.",
	displayOptions: showForStartAndUpdate,
	routing: { send: { type: 'body', property: 'app_id' } },
};

export const activityIdProperty: INodeProperties = {
	displayName: 'Activity ID',
	name: 'activityId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. match-2026-07-14',
	description:
		'Your own name for the Live Activity (activity_id). Start gives it; Update changes or ends the activity with that name (or with the pushTokenTag the app passed to launchActivity). Every device that started it with this ID is updated.',
	displayOptions: showForStartAndUpdate,
	routing: { send: { type: 'body', property: 'activity_id' } },
};

export const contentStateProperty: INodeProperties = {
	displayName: 'Content State',
	name: 'contentState',
	type: 'json',
	default: '',
	required: true,
	placeholder: '{"score": "1-0", "minute": 63}',
	description:
		"The activity's changing values (content_state): a JSON object of exactly the shape of the ContentState the app defines. A value the app cannot decode leaves the activity unchanged on the device.",
	displayOptions: showForStartAndUpdate,
};

export const staleDateProperty: INodeProperties = {
	displayName: 'Stale Date',
	name: 'staleDate',
	type: 'dateTime',
	default: '',
	description:
		'When iOS marks the content as outdated (stale_date, ISO 8601), so the app can show that it is no longer current. Leave empty for none.',
	displayOptions: showForStartAndUpdate,
	// Read by its step (dateStep), which refuses a day that does not exist, such as 2026-02-30.
};

export const liveActivityOptionsProperty: INodeProperties = {
	...optionsPropertyFor(
		RESOURCE,
		'start',
		['dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'timeout'],
		'Dry run, timeout, and how to handle rate limits and server errors for this request',
	),
	displayOptions: showForStartAndUpdate,
};

/**
 * A required JSON object field (Activity Attributes, Content State) read into its body key:
 * blank is refused, not taken as {}; an object from an expression is taken as is.
 */
export function readObjectField(
	context: IExecuteSingleFunctions,
	body: BrazeBody,
	field: { name: string; label: string; bodyKey: string; example: string },
): void {
	const raw = jsonParameter(context, field.name, field.label, '');
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		throw invalidInput(
			context,
			`${field.label} is required`,
			`Fill in "${field.label}" with a JSON object, e.g. ${field.example}. If it comes from an expression, check that the expression gives an object for this item.`,
		);
	}
	body[field.bodyKey] = readJsonObject(context, raw, field.label, field.example);
}

/** content_state, on Start and Update. */
export function addContentState(context: IExecuteSingleFunctions, body: BrazeBody): void {
	readObjectField(context, body, {
		name: 'contentState',
		label: 'Content State',
		bodyKey: 'content_state',
		example: '{"score": "1-0"}',
	});
}

/**
 * A date field (Stale Date, Dismissal Date) as ISO 8601 in UTC under its body key; left out when
 * empty. Text without an offset is UTC, as Braze reads it.
 */
export function dateStep(name: string, label: string, bodyKey: string): BodyStep {
	const words = {
		label,
		kind: 'a date',
		fix: `Pick a date in "${label}", or give an ISO 8601 date-time such as 2026-07-14T21:00:00Z; leave it empty for none.`,
	};
	return function addDate(context, body) {
		const iso = dateParameter(context, name, words, isoDateTime);
		if (iso !== undefined) body[bodyKey] = iso;
	};
}

export const addStaleDate = dateStep('staleDate', 'Stale Date', 'stale_date');
