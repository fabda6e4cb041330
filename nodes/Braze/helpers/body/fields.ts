import type { INodeProperties, NodePropertyTypes } from 'n8n-workflow';

/** A form field that routing writes straight into the body at `path`. */
export interface BodyField {
	path: string;
	/** The path split at its dots, once for all items. */
	keys: readonly string[];
	type: NodePropertyTypes;
	label: string;
	required: boolean;
	/** Braze's numbers are integers, except where the field allows decimals. */
	integer: boolean;
	/** Braze's documented range, taken from the field's own minValue/maxValue. */
	min?: number;
	max?: number;
	allowedValues?: string[];
}

/**
 * Reads the body map from the fields' own `routing.send.property`, so the form definition is
 * the single source of truth for key names, labels and types.
 */
export function collectBodyFields(properties: INodeProperties[], labelPrefix = ''): BodyField[] {
	const fields: BodyField[] = [];
	for (const property of properties) {
		const label = labelPrefix ? `${labelPrefix} › ${property.displayName}` : property.displayName;
		const path = property.routing?.send?.property;
		if (typeof path === 'string' && !path.startsWith('=')) {
			fields.push({
				path,
				keys: path.split('.'),
				type: property.type,
				label,
				required: property.required === true,
				integer: property.type === 'number' && !property.typeOptions?.numberPrecision,
				min: property.typeOptions?.minValue,
				max: property.typeOptions?.maxValue,
				allowedValues:
					property.type === 'options'
						? (property.options ?? []).map((option) => String((option as { value: unknown }).value))
						: undefined,
			});
		}
		if (property.type === 'collection' && property.options) {
			fields.push(...collectBodyFields(property.options as INodeProperties[], label));
		}
	}
	return fields;
}

/** Whether a top-level field shows for this operation of this resource. */
function showsFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show;
	const resources = show?.resource;
	const operations = show?.operation;
	if (Array.isArray(resources) && !resources.includes(resource)) return false;
	return !Array.isArray(operations) || operations.includes(operation);
}

/**
 * The routed fields one operation shows, read from its resource's own form (the properties
 * the node really has), each path once. Only fields n8n shows are routed, so a field listed
 * here but hidden by another condition never reaches the body.
 */
export function bodyFieldsShownFor(
	properties: INodeProperties[],
	resource: string,
	operation: string,
): BodyField[] {
	const shown = properties.filter((property) => showsFor(property, resource, operation));
	const byPath = new Map<string, BodyField>();
	for (const field of collectBodyFields(shown)) {
		if (!byPath.has(field.path)) byPath.set(field.path, field);
	}
	return [...byPath.values()];
}
