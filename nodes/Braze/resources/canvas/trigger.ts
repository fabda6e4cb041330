import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { assertValidAudience, audienceProperties } from '../../sections/audience';
import { collectBodyFields } from '../../body/fields';
import { keyValueField } from '../../form/keyValueField';
import { normalizeBodyTypes } from '../../body/normalizeTypes';
import { brazeOperation } from '../../transport/operation';
import { showFor, shownFor } from '../../form/displayOptions';
import { optionsPropertyFor } from '../../sections/triggerOptions';
import {
	addTriggerRecipients,
	assertValidTriggerTargeting,
	triggerRecipientProperties,
} from '../../sections/triggerRecipients';
import type { TriggerKind } from '../../sections/triggerRecipients';
import { invalidInput } from '../../validation/invalidInput';
import { brazeIdLocator } from '../../form/locator';

/** Braze accepts Canvas entry properties (`context`) of at most 50 KB
 * (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_triggered_canvases). */
export const MAX_CONTEXT_BYTES = 50 * 1024;

const kind: TriggerKind = {
	resource: 'canvas',
	operation: 'trigger',
	noun: 'Canvas',
	propertiesKey: 'context',
	propertiesLabel: 'Context',
	propertiesDescription: 'Canvas entry properties the Canvas can use as {{context.${key}}}',
	allowBrazeId: false,
};
const show = showFor(kind.resource, [kind.operation]);

/** Everything the Canvas › Trigger form shows, in order. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Canvas ID',
		name: 'canvasId',
		...brazeIdLocator('searchCanvases', 'cnv-0a1b2c3d'),
		required: true,
		description:
			"The API-triggered Canvas to enter users into: its API identifier, from the Canvas's page in Braze",
		displayOptions: show,
		routing: { send: { type: 'body', property: 'canvas_id' } },
	},
	...triggerRecipientProperties(kind),
	{
		...keyValueField({
			displayName: 'Context',
			name: 'context',
			parameterPath: 'context',
			bodyPath: 'context',
			description:
				"Canvas entry properties for every recipient, which the Canvas uses as {{context.${key}}} (sent as context, at most 50 KB). A recipient's own Context wins over these.",
		}),
		displayOptions: show,
	},
	...shownFor(audienceProperties, kind.resource, [kind.operation]),
	optionsPropertyFor(
		kind.resource,
		kind.operation,
		['dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'timeout'],
		'Dry run, timeout, and how to handle rate limits and server errors for this trigger',
	),
];

const triggerBodyFields = collectBodyFields(triggerProperties);

function assertContextSize(context: IExecuteSingleFunctions, body: IDataObject): void {
	if (body.context === undefined) return;
	const bytes = Buffer.byteLength(JSON.stringify(body.context), 'utf8');
	if (bytes > MAX_CONTEXT_BYTES) {
		throw invalidInput(
			context,
			`Context is ${(bytes / 1024).toFixed(1)} KB; Braze accepts at most 50 KB`,
			'Shorten the Context values, or pass large data by reference (for example an ID the Canvas looks up).',
		);
	}
}

function prepareTriggerBody(context: IExecuteSingleFunctions, body: IDataObject): void {
	addTriggerRecipients(context, kind, body);
	normalizeBodyTypes(context, body, triggerBodyFields);
	assertContextSize(context, body);
	assertValidAudience(context, body);
	assertValidTriggerTargeting(context, kind, body);
}

/**
 * Braze answers a trigger of a paused or archived Canvas with success plus a `notice`, and
 * sends nothing. The item's output keeps the notice and says so in a `warning`, also when the
 * item went out in several requests.
 */
function addCanvasNotice(json: IDataObject, answers: IDataObject[]): void {
	const notices: string[] = [];
	for (const answer of answers) {
		const { notice } = answer;
		if (typeof notice === 'string' && notice && !notices.includes(notice)) notices.push(notice);
	}
	if (!notices.length) return;
	const notice = notices.join(' ');
	json.notice = json.notice ?? notice;
	json.warning = `Braze triggered nothing: ${notice}`;
}

export const triggerOperation: INodePropertyOptions = brazeOperation({
	name: 'Trigger',
	value: 'trigger',
	action: 'Trigger a canvas',
	description:
		"Enter named recipients, or the whole audience, into an API-triggered Canvas (POST /canvas/trigger/send). Outputs the dispatch_id; more than 50 recipients go out in requests of 50, listed in dispatch_ids. For a paused or archived Canvas Braze sends nothing: the output then has a warning and Braze's notice.",
	url: '/canvas/trigger/send',
	permission: 'canvas.trigger.send',
	prepare: [prepareTriggerBody],
	finish: addCanvasNotice,
});
