import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { setPath } from '../values/object';
import { bodyOf } from '../body/requestBody';
import { textField } from '../validation/fieldValues';
import { invalidInput } from '../validation/invalidInput';
import { readText } from '../values/text';
import { entriesParameter } from './parameters';

interface KeyValueFieldOptions {
	displayName: string;
	/** The parameter's name inside its collection, e.g. "extra". */
	name: string;
	/** Where the parameter lives, e.g. "applePushOptions.extra". */
	parameterPath: string;
	/** Where the object goes in the body, e.g. "messages.apple_push.extra". */
	bodyPath: string;
	description: string;
	keyLabel?: string;
}

/**
 * A list of key/value pairs sent as a JSON object (push `extra`, email `headers`, webhook
 * `request_headers`…). Keys may contain dots, so the object is built here rather than by
 * routing's dotted paths.
 */
export function keyValueField(options: KeyValueFieldOptions): INodeProperties {
	const keyLabel = options.keyLabel ?? 'Key';
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${options.displayName}`,
		default: {},
		description: options.description,
		options: [
			{
				displayName: 'Pair',
				name: 'pair',
				values: [
					{
						displayName: keyLabel,
						name: 'key',
						type: 'string',
						default: '',
						description: `The ${keyLabel.toLowerCase()} of this entry (the JSON key)`,
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value of this entry, sent as text',
					},
				],
			},
		],
		routing: {
			send: {
				preSend: [
					async function sendKeyValues(
						this: IExecuteSingleFunctions,
						requestOptions: IHttpRequestOptions,
					): Promise<IHttpRequestOptions> {
						const pairs = entriesParameter(this, `${options.parameterPath}.pair`);
						const object = keyValuePairsToObject(this, pairs, options.displayName, keyLabel);
						if (pairs.length) setPath(bodyOf(requestOptions), options.bodyPath, object);
						return requestOptions;
					},
				],
			},
		},
	};
}

/**
 * The pairs of a key/value list as one object, values as text. An entry without a key is
 * refused, naming the list (e.g. "Trigger Properties entry 2 has no key").
 */
export function keyValuePairsToObject(
	context: IExecuteSingleFunctions,
	pairs: IDataObject[],
	displayName: string,
	keyLabel = 'Key',
): IDataObject {
	const object: IDataObject = {};
	for (const [index, pair] of pairs.entries()) {
		const entry = `${displayName} entry ${index + 1}`;
		const key = textField(context, pair.key, `${entry} › ${keyLabel}`);
		if (!key) {
			throw invalidInput(
				context,
				`${entry} has no ${keyLabel.toLowerCase()}`,
				`Fill in the ${keyLabel.toLowerCase()} of every "${displayName}" entry, or remove the empty entry.`,
			);
		}
		// Values are sent as text; an object or list would go out as "[object Object]" or "a,b".
		const value = readText(pair.value ?? '');
		if ('problem' in value) {
			throw invalidInput(
				context,
				`${entry} › Value must be text, but it ${value.problem}`,
				`Give text in the Value of "${displayName}", or turn the data into text in the expression, e.g. {{ JSON.stringify($json.data) }}.`,
			);
		}
		object[key] = value.text;
	}
	return object;
}
