import type { IDataObject } from 'n8n-workflow';

import type { BatchSpec } from '../../../transport/sharedRequests';
import type { Share } from '../../../transport/itemOutput';

/**
 * Braze's email list endpoints take up to 50 addresses in `email`, and
 * /sms/invalid_phone_numbers/remove up to 50 numbers in `phone_numbers`
 * (https://www.braze.com/docs/api/endpoints/email/post_blocklist,
 * https://www.braze.com/docs/api/endpoints/sms/post_remove_invalid_numbers).
 */
export const MAX_LIST_ENTRIES = 50;

/** An item's output: Braze's answer to the request it shared, the item's own entries, the request. */
function listShareOutput({ answer, about, request }: Share): IDataObject {
	return { ...answer, message: answer.message ?? 'success', ...about, request };
}

/**
 * The items of a run share requests of up to 50 entries of `array`, an item's entries in one
 * request. With `sameKey`, only items whose body has the same value there share (Set
 * Subscription Status: one subscription_state per request).
 */
export function listBatch(array: string, sameKey?: string): BatchSpec {
	return {
		arrays: [array],
		limits: () => ({ total: MAX_LIST_ENTRIES }),
		describe: (objects) => ({ [array]: objects[array] ?? [] }),
		output: listShareOutput,
		...(sameKey
			? { share: (_context, body) => ({ key: JSON.stringify(body[sameKey]), body }) }
			: {}),
	};
}
