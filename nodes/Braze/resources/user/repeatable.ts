import type { IDataObject } from 'n8n-workflow';

import type { BrazeBody } from '../../body/types';
import { isPlainObject } from '../../values/object';

/**
 * Operators inside an attribute's value that Braze applies on top of what is stored, so that
 * applying them twice counts twice: `inc` adds to a number, and `$add` appends objects to an
 * array of objects, which Braze does not keep unique; `$update` counts too, since Braze does not
 * say what a second one does. Setting or removing a value, `add`/`remove` on an array of values
 * (Braze keeps its values unique) and `$remove` (every matching object goes) come out the same
 * when applied twice.
 * https://www.braze.com/docs/api/objects_filters/user_attributes_object/
 * https://www.braze.com/docs/user_guide/data_and_analytics/custom_data/custom_attributes/array_of_objects
 */
const COUNTING_OPERATORS = new Set(['inc', '$add', '$update']);

/** Whether a value holds a counting operator at any depth (walked without recursion). */
function counts(value: unknown): boolean {
	const pending: unknown[] = [value];
	while (pending.length) {
		const next = pending.pop();
		if (Array.isArray(next)) for (const entry of next) pending.push(entry);
		else if (isPlainObject(next)) {
			for (const [key, inner] of Object.entries(next)) {
				if (COUNTING_OPERATORS.has(key)) return true;
				pending.push(inner);
			}
		}
	}
	return false;
}

/**
 * Whether a /users/track body of attribute objects comes out the same when applied twice, so
 * that a request whose answer was unclear may be sent again. An attribute's own name is not an
 * operator (an attribute may be called "inc"): only what its value holds is looked at.
 */
export function onlySetsAttributes(body: BrazeBody): boolean {
	const objects = Array.isArray(body.attributes) ? (body.attributes as IDataObject[]) : [];
	return !objects.some((object) => Object.values(object).some(counts));
}
