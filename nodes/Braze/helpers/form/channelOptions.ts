import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { getPath, isPlainObject, setPath } from '../values/object';
import { bodyOf } from '../body/requestBody';
import { jsonParameter, readJsonObject } from '../validation/fieldValues';

/**
 * Every messaging object takes a message_variation_id for campaign tracking
 * (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_messages).
 */
export function messageVariationIdOption(bodyPath: string): INodeProperties {
	return {
		displayName: 'Message Variation ID',
		name: 'messageVariationId',
		type: 'string',
		default: '',
		description:
			"The campaign's message variation for this channel. Required when Options › Campaign ID is set.",
		routing: { send: { type: 'body', property: bodyPath } },
	};
}

/**
 * Fields Braze adds later can be sent as raw JSON. It is merged under the form's fields:
 * anything the form sets wins.
 */
export function additionalJsonOption(
	/** The messaging object's body path, such as 'messages.email'. */
	bodyPath: string,
	channelName: string,
	optionsName: string,
): INodeProperties {
	return {
		displayName: 'Additional JSON',
		name: 'additionalJson',
		type: 'json',
		default: '{}',
		description: `Extra fields for the ${channelName} object, as JSON. The form's own fields win on conflicts.`,
		routing: {
			send: {
				preSend: [
					async function mergeAdditionalJson(
						this: IExecuteSingleFunctions,
						requestOptions: IHttpRequestOptions,
					): Promise<IHttpRequestOptions> {
						// The shared JSON reader: an object, at most 50 levels deep, no key n8n drops.
						const label = `${channelName} › Additional JSON`;
						const raw = jsonParameter(this, `${optionsName}.additionalJson`, label);
						const extra = readJsonObject(this, raw, label, '{"field": "value"}');
						const body = bodyOf(requestOptions);
						setPath(body, bodyPath, mergeUnder(extra, objectAt(body, bodyPath)));
						return requestOptions;
					},
				],
			},
		},
	};
}

/** The object at `path`, or a new one. */
function objectAt(body: IDataObject, path: string): IDataObject {
	const value = getPath(body, path);
	return isPlainObject(value) ? value : {};
}

/**
 * Deep-merges the form's values over a base object. A form field left empty means "not
 * given", so it does not erase what the base provides.
 */
function mergeUnder(base: IDataObject, form: IDataObject): IDataObject {
	const merged: IDataObject = { ...base };
	for (const [key, value] of Object.entries(form)) {
		if (value === '' || value === undefined) {
			if (!(key in merged)) merged[key] = value;
			continue;
		}
		const baseValue = merged[key];
		merged[key] =
			isPlainObject(value) && isPlainObject(baseValue) ? mergeUnder(baseValue, value) : value;
	}
	return merged;
}
