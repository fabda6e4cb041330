import type { INodeProperties } from 'n8n-workflow';

/**
 * A form with `added` just before its Options collection (the field named `options`, which n8n's
 * own nodes show last), or at the end when it has none.
 */
export function beforeOptions(
	fields: INodeProperties[],
	added: INodeProperties[],
): INodeProperties[] {
	const at = fields.findIndex((field) => field.name === 'options');
	const place = at === -1 ? fields.length : at;
	return [...fields.slice(0, place), ...added, ...fields.slice(place)];
}
