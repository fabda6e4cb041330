import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { getPath, isPlainObject, setPath } from '../values/object';
import { bodyOf } from '../body/requestBody';
import { invalidInput } from '../validation/invalidInput';

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
						const raw = this.getNodeParameter(`${optionsName}.additionalJson`, '{}');
						let extra: unknown = raw;
						if (typeof raw === 'string') {
							try {
								extra = raw.trim() === '' ? {} : JSON.parse(raw);
							} catch (error) {
								throw invalidInput(
									this,
									`${channelName} › Additional JSON is not valid JSON`,
									`Fix the JSON (${(error as Error).message}), or remove the option.`,
								);
							}
						}
						if (!isPlainObject(extra)) {
							throw invalidInput(
								this,
								`${channelName} › Additional JSON must be a JSON object`,
								'Write an object such as {"field": "value"}.',
							);
						}
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
