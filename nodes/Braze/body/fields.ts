import type { INodeProperties, NodePropertyTypes } from 'n8n-workflow';

/** A form field that routing writes straight into the body at `path`. */
export interface BodyField {
	path: string;
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
 * Routed values that their own step reads, since they accept more than one JSON type:
 * External User IDs is text or a list (sections/recipients.ts, splitExternalUserIds).
 */
const PARSED_BY_OWN_STEP = new Set(['external_user_ids']);

/**
 * Reads the body map from the fields' own `routing.send.property`, so the form definition is
 * the single source of truth for key names, labels and types.
 */
export function collectBodyFields(properties: INodeProperties[], labelPrefix = ''): BodyField[] {
	const fields: BodyField[] = [];
	for (const property of properties) {
		const label = labelPrefix ? `${labelPrefix} › ${property.displayName}` : property.displayName;
		const path = property.routing?.send?.property;
		if (typeof path === 'string' && !path.startsWith('=') && !PARSED_BY_OWN_STEP.has(path)) {
			fields.push({
				path,
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
