import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { collectionParameter } from '../../helpers/form/parameters';
import { booleanField } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { isPlainObject } from '../../helpers/values/object';
import type { ItemRun } from '../../transport/itemRequest';
import { sendUnlessHalted } from '../../transport/itemRequest';
import { rateLimitGate } from '../../transport/request/rateLimit';
import type { RetryRun } from '../../transport/request/retry';
import { askAgain } from '../../transport/request/unclearAnswers';
import { CATALOG_CHANGES } from '../catalog/changes';
import type { CatalogField, CatalogFieldType } from '../catalog/fieldTypes';
import { TYPE_WORDS } from '../catalog/fieldTypes';
import { catalogNameOf } from '../catalog/names';
import { valueForType } from './itemValues';

/** Options › Check Fields Against the Catalog, on Create, Update and Create or Replace. */
export const checkFieldsOption: INodeProperties = {
	displayName: 'Check Fields Against the Catalog',
	name: 'checkFields',
	type: 'boolean',
	default: false,
	description:
		'Whether to read the catalog\'s fields once per run (GET /catalogs, needs catalogs.get) and refuse, before anything is sent, an item whose field is not in the catalog or whose value does not fit the field\'s type, naming the item, the field and the type. Text is converted where the type allows it ("12.5" for a number field). Fields created moments ago may not show yet. A Dry Run reads the fields too (a read changes nothing).',
	displayOptions: {
		show: { '/resource': ['catalogItem'], '/operation': ['create', 'update', 'replace'] },
	},
};

/** Whether this item's run checks its fields against the catalog. */
function checksFields(context: IExecuteSingleFunctions): boolean {
	const options = collectionParameter(context, 'options');
	return booleanField(
		context,
		options.checkFields,
		'Options › Check Fields Against the Catalog',
		false,
	);
}

/** Braze's catalogs, by name, as GET /catalogs lists them: read once per run and try. */
const schemas = new WeakMap<object, Map<number, Promise<Map<string, CatalogField[]>>>>();

/** How many pages of GET /catalogs are followed at most (Braze documents no paging for it). */
const MAX_PAGES = 100;

/**
 * GET /catalogs through the item's own retries and halts, paced with the catalog management
 * endpoints (their own 50 a minute: https://www.braze.com/docs/api/api_limits).
 */
async function readSchemas(item: ItemRun): Promise<Map<string, CatalogField[]>> {
	const { context, requestData } = item.retry;
	const run: RetryRun = {
		...item.retry,
		requestData: {
			...requestData,
			options: { ...requestData.options, method: 'GET', url: '/catalogs', qs: {}, body: undefined },
		},
		permission: 'catalogs.get',
		unclear: askAgain(CATALOG_CHANGES.read),
		sendOnceKey: undefined,
		repeatsUnclear: undefined,
		gate: rateLimitGate(
			context.getExecutionCancelSignal(),
			context.getExecuteData(),
			`${context.getNode().credentials?.brazeApi?.id ?? ''}|catalogs`,
		),
	};
	const found = new Map<string, CatalogField[]>();
	let cursor: string | undefined;
	for (let page = 0; page < MAX_PAGES; page += 1) {
		const outcome = await sendUnlessHalted(run, cursor === undefined ? {} : { cursor });
		if ('failure' in outcome) throw outcome.failure.error;
		const catalogs = Array.isArray(outcome.json.catalogs) ? outcome.json.catalogs : [];
		for (const catalog of catalogs.filter(isPlainObject)) {
			const fields = Array.isArray(catalog.fields) ? catalog.fields.filter(isPlainObject) : [];
			found.set(
				String(catalog.name),
				fields.map((field) => ({ name: String(field.name), type: field.type as CatalogFieldType })),
			);
		}
		if (outcome.nextCursor === undefined || outcome.nextCursor === cursor) break;
		cursor = outcome.nextCursor;
	}
	return found;
}

function schemasOf(item: ItemRun): Promise<Map<string, CatalogField[]>> {
	const scope = item.retry.context.getExecuteData();
	const byAttempt = schemas.get(scope) ?? new Map<number, Promise<Map<string, CatalogField[]>>>();
	schemas.set(scope, byAttempt);
	let read = byAttempt.get(item.attempt);
	if (!read) {
		read = readSchemas(item);
		// Every item of the run awaits it; a failure is each item's own error, never unhandled.
		read.catch(() => undefined);
		byAttempt.set(item.attempt, read);
	}
	return read;
}

/**
 * Check Fields Against the Catalog (ExecutorSpec.verify): each field of the item must be one of
 * the catalog's, its value of the field's type (text converted where the type allows it).
 * Refuses the item before anything is sent, naming the item, the field and the type.
 */
export async function checkAgainstCatalog(item: ItemRun, update: boolean): Promise<void> {
	const { context } = item.retry;
	if (!checksFields(context)) return;
	const catalog = catalogNameOf(context);
	const schema = (await schemasOf(item)).get(catalog);
	const row = `item ${context.getItemIndex()}`;
	if (!schema) {
		throw new NodeOperationError(
			context.getNode(),
			`Braze has no catalog named "${catalog}" (${row})`,
			{
				description:
					'Check Fields Against the Catalog found no such catalog in GET /catalogs. Pick the catalog From List, or create it first (Catalog › Create).',
				itemIndex: context.getItemIndex(),
			},
		);
	}
	const types = new Map(schema.map((field) => [field.name, field.type]));
	const entries = Array.isArray(item.body.items) ? (item.body.items as IDataObject[]) : [];
	for (const entry of entries) {
		for (const [name, value] of Object.entries(entry)) {
			if (name === 'id') continue;
			const type = types.get(name);
			if (type === undefined) {
				throw invalidInput(
					context,
					`Field "${name}" is not in catalog "${catalog}" (${row})`,
					`The catalog's fields: ${schema.map((field) => field.name).join(', ')}. Correct the field's name, or add the field first (Catalog Field › Create).`,
				);
			}
			const converted = valueForType(value, type, update);
			if ('problem' in converted) {
				throw invalidInput(
					context,
					`Field "${name}" must be ${TYPE_WORDS[type] ?? type} (catalog "${catalog}" types it ${type}), but it ${converted.problem} (${row})`,
					`Make the value fit the field's type, e.g. {{ Number($json.${name}) }} for a number, or correct the field's name.`,
				);
			}
			entry[name] = converted.value as IDataObject[string];
		}
	}
}
