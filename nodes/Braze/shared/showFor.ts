import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Shows a field for the given operations of one resource. */
export function showFor(resource: string, operations: string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: operations } };
}

/**
 * The same fields (same names, routing and checks) shown for other operations: each copy keeps
 * its other display conditions (such as audienceMode) with its resource and operation replaced.
 * n8n accepts several fields of one name when at most one of them shows at a time.
 */
export function shownFor(
	properties: INodeProperties[],
	resource: string,
	operations: string[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [resource], operation: operations },
		},
	}));
}

/** A field as a value inside a fixedCollection entry: no routing (the entry is read whole). */
export function withoutRouting(property: INodeProperties): INodeProperties {
	const copy = { ...property };
	delete copy.routing;
	return copy;
}
