import type { INodeProperties } from 'n8n-workflow';

import { sendOptionsProperty } from './options';
import { showFor } from '../form/displayOptions';

/**
 * An Options collection for an operation other than Send, made of Send's own options picked by
 * name (same routing and defaults): the executor reads Max Wait on Rate Limit, Retry Server
 * Errors and Dry Run from `options` whatever the operation. A name Send's collection lacks is
 * skipped.
 */
export function optionsPropertyFor(
	resource: string,
	operation: string,
	names: string[],
	description: string,
): INodeProperties {
	const options = (sendOptionsProperty.options as INodeProperties[])
		.filter((option) => names.includes(option.name))
		.map((option) => {
			// Shown whenever the collection is: Send's own conditions name Message operations.
			const copy = { ...option };
			delete copy.displayOptions;
			return copy;
		});
	return {
		...sendOptionsProperty,
		description,
		displayOptions: showFor(resource, [operation]),
		options,
	};
}
