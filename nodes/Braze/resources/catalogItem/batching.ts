import { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { collectionParameter } from '../../helpers/form/parameters';
import { booleanField } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { isPlainObject } from '../../helpers/values/object';
import { brazeErrors } from '../../transport/request/answer';
import type { BatchSpec, SharedBody } from '../../transport/sharedRequests';
import { catalogNameOf } from '../catalog/names';

/** Braze's bulk item endpoints take up to 50 items a request. */
export const MAX_ITEMS_PER_REQUEST = 50;

/** Options › Batch Items, on Create, Update, Create or Replace and Delete. */
export const catalogBatchItemsOption: INodeProperties = {
	displayName: 'Batch Items',
	name: 'batchItems',
	type: 'boolean',
	default: true,
	description:
		"Whether the run's items for the same catalog share requests of up to 50 items, as Braze allows: 1,000 product rows make 20 requests instead of 1,000. Each item still gets its own output. Off: one request per item.",
	displayOptions: {
		show: { '/resource': ['catalogItem'], '/operation': ['create', 'update', 'replace', 'delete'] },
	},
};

function batchesItems(context: IExecuteSingleFunctions): boolean {
	const options = collectionParameter(context, 'options');
	return booleanField(context, options.batchItems, 'Options › Batch Items', true);
}

/** Whether the run has more than one item: a run of one sends as without batching. */
function runHasSeveralItems(context: IExecuteSingleFunctions): boolean {
	return (context.getExecuteData().data.main?.[0]?.length ?? 1) > 1;
}

/** The first item of the run that named each item ID, by catalog: one registry per node run. */
const firstWithId = new WeakMap<object, Map<string, number>>();

/**
 * Braze refuses an item ID twice in one request (ids-not-unique), and the order in which it would
 * apply two changes of one item is not documented: a later item naming an ID an earlier item of
 * the run named for the same catalog is refused, before anything is sent.
 */
function assertIdOnce(context: IExecuteSingleFunctions, catalog: string, id: string): void {
	const scope = context.getExecuteData();
	const seen = firstWithId.get(scope) ?? new Map<string, number>();
	firstWithId.set(scope, seen);
	const key = `${catalog}\u0000${id}`;
	const first = seen.get(key);
	const itemIndex = context.getItemIndex();
	if (first === undefined || first === itemIndex) {
		seen.set(key, first ?? itemIndex);
		return;
	}
	throw invalidInput(
		context,
		`Item ID "${id}" is also on item ${first} of this run`,
		'Braze refuses an item ID twice in one request, and would not say which change wins. Keep one item per ID (e.g. a Remove Duplicates node on the ID before this node), or switch off Options › Batch Items.',
	);
}

/** Items for the same catalog share requests (the catalog is in the path, not the body). */
function shareByCatalog(context: IExecuteSingleFunctions, body: BrazeBody): SharedBody | undefined {
	if (!batchesItems(context) || !runHasSeveralItems(context)) return undefined;
	const catalog = catalogNameOf(context);
	const [item] = Array.isArray(body.items) ? (body.items as IDataObject[]) : [];
	assertIdOnce(context, catalog, String(item?.id));
	return { key: catalog, body };
}

/** How to fix what each of Braze's item errors says. */
const FIXES: Record<string, string> = {
	'invalid-fields':
		"Every field must exist in the catalog: correct the field's name, or add the field first (Catalog Field › Create). Options › Check Fields Against the Catalog catches this before sending.",
	'unable-to-coerce-value':
		"A value does not fit its field's type: make it fit (e.g. {{ Number($json.price) }}), or switch on Options › Check Fields Against the Catalog to find which.",
	'items-too-large': 'Shorten the item: Braze takes at most 5,000 characters for an item.',
	'invalid-keys-in-value-object': 'Rename the object keys that contain . or $.',
	'too-deep-nesting-in-value-object': 'Flatten the object to at most 50 levels.',
	'ids-not-unique': 'Keep one item per ID in the run (e.g. with a Remove Duplicates node).',
	'invalid-ids':
		'Item IDs are letters, digits, - and _ only, at most 250 characters: correct Item ID.',
	'ids-too-large': 'Item IDs are at most 250 characters: shorten Item ID.',
	'catalog-not-found': 'Pick the catalog From List, or create it first (Catalog › Create).',
};

/** Whether Braze's error names items, by their IDs (parameters ["id"], parameter_values: the IDs). */
function namesItems(error: IDataObject): boolean {
	return (
		Array.isArray(error.parameters) &&
		(error.parameters as unknown[]).includes('id') &&
		Array.isArray(error.parameter_values)
	);
}

/**
 * This item's share of Braze's refusal of a request it shared: the errors that name its ID, and
 * those that name no item (which concern every item of the request), as its own error; undefined
 * when the refusal names other items only (it then goes again without them).
 * https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/put_catalog_items_bulk
 */
export function itemRefusal(
	context: IExecuteSingleFunctions,
	refusal: Error,
	objects: Record<string, IDataObject[]>,
): Error | undefined {
	const answer = (refusal as { errorResponse?: unknown }).errorResponse;
	const errors =
		isPlainObject(answer) && Array.isArray(answer.errors)
			? answer.errors.filter(isPlainObject)
			: [];
	if (!errors.length) return undefined;
	const id = String(objects.items?.[0]?.id);
	const concerning = errors.filter(
		(error) => !namesItems(error) || (error.parameter_values as unknown[]).map(String).includes(id),
	);
	const [first] = concerning;
	if (!first) return undefined;
	const fixes = [...new Set(concerning.map((error) => FIXES[String(error.id)]).filter(Boolean))];
	const says = concerning
		.map((error) => `${String(error.id)}: ${String(error.message)}`)
		.join('; ');
	const error = new NodeApiError(context.getNode(), answer as JsonObject, {
		message: `Braze refused catalog item "${id}": ${String(first.message)} (${String(first.id)})`,
		description: `${fixes.join(' ') || "Check the item's fields against the catalog in Braze."} Braze says: ${says}. ${
			concerning.some((error) => !namesItems(error))
				? "The error names no single item, so it is every item's of the request: Braze applied none of them."
				: 'Braze applied none of the request; its items that Braze did not name were sent again without this one.'
		}`,
		httpCode: (refusal as { httpCode?: string }).httpCode ?? '400',
		itemIndex: context.getItemIndex(),
	});
	brazeErrors.add(error);
	return error;
}

/**
 * Create, Update, Create or Replace and Delete: the run's items for one catalog share the bulk
 * endpoint's requests, up to 50 items each; each item gets its own output, and Braze's errors
 * naming an item go to that item alone.
 */
export const catalogItemBatch: BatchSpec = {
	arrays: ['items'],
	limits: () => ({ total: MAX_ITEMS_PER_REQUEST }),
	describe: (objects) => ({ id: objects.items?.[0]?.id }),
	share: shareByCatalog,
	// The request's number among the run's, and how many items it carried (no recipients here).
	output: ({ answer, request: { number, of, items } }) => ({
		message: answer.message ?? 'success',
		request: { number, of, items },
	}),
	sharingNote: (limits) =>
		`Items for the same catalog share requests of up to ${String(limits.total)} items.`,
	refusal: itemRefusal,
};
