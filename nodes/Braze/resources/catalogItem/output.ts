import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { catalogNameOf } from '../catalog/names';
import { itemIdOf } from './itemFields';

/**
 * What a 202 from a bulk item endpoint means: Braze queued the change and applies it shortly,
 * reporting no per-item result
 * (https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/put_catalog_items_bulk).
 */
export const QUEUED_NOTE =
	'Braze accepted the change (202) and applies it shortly after: queued, not yet applied. A read (Catalog Item › Get) or a message using the item may not show it for a few seconds.';

/**
 * A written item's output: its ID and catalog, that Braze accepted it, queued; then Braze's
 * answer and the node's notes (its request among the run's, a warning).
 */
export function queuedItem(context: IExecuteSingleFunctions, json: IDataObject): IDataObject[] {
	return [
		{
			id: itemIdOf(context),
			catalog: catalogNameOf(context),
			accepted: true,
			status: 'queued',
			note: QUEUED_NOTE,
			...json,
		},
	];
}
