import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { isPlainObject } from '../values/object';

// The form's collections and lists, read as the objects they are. n8n types a parameter's
// value broadly; these readers check the shape instead of asserting it.

/** A collection (e.g. 'emailOptions'): its object, or {} when it is not set. */
export function collectionParameter(context: IExecuteSingleFunctions, name: string): IDataObject {
	const value: unknown = context.getNodeParameter(name, {});
	return isPlainObject(value) ? value : {};
}

/**
 * The entries of a fixedCollection list (e.g. 'userAliases.alias'); [] when there are none.
 * An entry that is not an object reads as an empty one, so it keeps its number in errors.
 */
export function entriesParameter(context: IExecuteSingleFunctions, name: string): IDataObject[] {
	return entriesIn(context.getNodeParameter(name, []));
}

/**
 * The entries of a fixedCollection list inside a value already read, such as the rows of one
 * list section (`entriesOf(section.rows, 'row')`); read as entriesParameter reads them.
 */
export function entriesOf(collection: unknown, name: string): IDataObject[] {
	return isPlainObject(collection) ? entriesIn(collection[name]) : [];
}

function entriesIn(value: unknown): IDataObject[] {
	if (!Array.isArray(value)) return [];
	return value.map((entry: unknown) => (isPlainObject(entry) ? entry : {}));
}
