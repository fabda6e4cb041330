import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody, RecipientObject } from '../helpers/body/types';
import { collectionParameter } from '../helpers/form/parameters';
import { booleanField } from '../helpers/validation/fieldValues';
import { jsonByteLength } from '../helpers/values/bytes';
import { canonicalJson, isPlainObject } from '../helpers/values/object';
import { MAX_NAMED_RECIPIENTS_PER_REQUEST, recipientCount } from '../transport/chunking';
import { sendShareOutput } from '../transport/itemOutput';
import type { BatchSpec, SharedBody } from '../transport/sharedRequests';
import { MAX_PROPERTIES_BYTES } from './propertiesSize';

/**
 * Options › Batch Items, on Message › Send and Campaign and Canvas › Trigger: items whose message
 * is the same share requests of up to 50 recipients, Braze's maximum per request
 * (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_messages,
 * https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_triggered_campaigns).
 */
export const batchItemsOption: INodeProperties = {
	displayName: 'Batch Items',
	name: 'batchItems',
	type: 'boolean',
	default: true,
	description:
		"Whether items with the same message (after expressions) share requests of up to 50 recipients, as Braze allows: 1,000 one-contact items make 20 requests instead of 1,000. Items sent together share their request's dispatch_id. On by default on new nodes (version 2); off on nodes saved before it existed. Segment and broadcast sends, and items naming more than 50 users, always go alone.",
};

/**
 * Whether the item's run batches items: Options › Batch Items, or when it is not set, on for
 * nodes of version 2 and off for version 1, whose saved workflows keep one dispatch per item.
 */
function batchesItems(context: IExecuteSingleFunctions): boolean {
	const options = collectionParameter(context, 'options');
	const byVersion = context.getNode().typeVersion >= 2;
	if (!('batchItems' in options)) return byVersion;
	return booleanField(context, options.batchItems ?? null, 'Options › Batch Items', byVersion);
}

/** Whether the run has more than one item: a run of one sends exactly as without batching. */
function runHasSeveralItems(context: IExecuteSingleFunctions): boolean {
	return (context.getExecuteData().data.main?.[0]?.length ?? 1) > 1;
}

/** A body that names users and may share: not a segment or broadcast send, at most 50 users. */
function namesFewUsers(body: BrazeBody): boolean {
	if (body.segment_id !== undefined || body.broadcast === true) return false;
	const named = recipientCount(body);
	return named > 0 && named <= MAX_NAMED_RECIPIENTS_PER_REQUEST;
}

/** The body without its recipient lists, as the key items share a request by. */
function keyOf(body: BrazeBody): string {
	const rest: IDataObject = { ...body };
	delete rest.external_user_ids;
	delete rest.user_aliases;
	delete rest.recipients;
	return canonicalJson(rest);
}

/** Message › Send: items whose body is the same apart from its IDs and aliases share requests. */
export const messageBatch: BatchSpec = {
	arrays: ['external_user_ids', 'user_aliases'],
	limits: () => ({ total: MAX_NAMED_RECIPIENTS_PER_REQUEST }),
	describe: () => ({}),
	share(context, body): SharedBody | undefined {
		if (!batchesItems(context) || !runHasSeveralItems(context) || !namesFewUsers(body)) {
			return undefined;
		}
		return { key: keyOf(body), body };
	},
	output: sendShareOutput,
};

/**
 * Campaign and Canvas › Trigger: each recipient object may carry its own properties
 * (trigger_properties, context), which win over the body's for that recipient
 * (https://www.braze.com/docs/api/objects_filters/recipient_object). So an item's properties
 * move into its recipients, and items that differ only in their properties share requests.
 */
export function triggerBatch(propertiesKey: 'trigger_properties' | 'context'): BatchSpec {
	return {
		arrays: ['recipients'],
		limits: () => ({ total: MAX_NAMED_RECIPIENTS_PER_REQUEST }),
		describe: () => ({}),
		share(context, body): SharedBody | undefined {
			if (!batchesItems(context) || !runHasSeveralItems(context) || !namesFewUsers(body)) {
				return undefined;
			}
			const shared = withPropertiesPerRecipient(body, propertiesKey);
			return shared && { key: keyOf(shared), body: shared };
		},
		output: sendShareOutput,
	};
}

/**
 * The body with its properties given to each recipient (the recipient's own win on the same
 * key), or undefined when a recipient's properties would then pass Braze's 50 KB.
 */
function withPropertiesPerRecipient(
	body: BrazeBody,
	key: 'trigger_properties' | 'context',
): BrazeBody | undefined {
	const common = body[key];
	if (!isPlainObject(common)) return body;
	const recipients: RecipientObject[] = [];
	for (const recipient of body.recipients ?? []) {
		const own = recipient[key];
		const merged = { ...common, ...(isPlainObject(own) ? own : {}) };
		if (jsonByteLength(merged) > MAX_PROPERTIES_BYTES) return undefined;
		recipients.push({ ...recipient, [key]: merged });
	}
	const shared: BrazeBody = { ...body, recipients };
	delete shared[key];
	return shared;
}
