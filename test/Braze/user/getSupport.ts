import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { standInCredentials } from '../../helpers/standIn';
import type { BrazeStandIn } from '../../helpers/standIn';

/** Braze's endpoint behind User › Get. */
export const EXPORT = '/users/export/ids';

/** User › Get against a stand-in: profiles for it to find, a run of the node, what it asked Braze. */
export function userGetHarness(standIn: BrazeStandIn) {
	/** A profile in the stand-in, as /users/track would have made it. */
	const profile = (key: string, attributes: IDataObject, extra: IDataObject = {}) =>
		standIn.profiles.set(key, { attributes, events: [], purchases: [], ...extra } as never);

	/** CRM contact `index`: external ID crm-<index>, first name Name<index>, plan pro or free. */
	const contact = (index: number) =>
		profile(`external:crm-${index}`, {
			external_id: `crm-${index}`,
			first_name: `Name${index}`,
			email: `user${index}@example.com`,
			email_subscribe: 'opted_in',
			plan: index % 2 ? 'pro' : 'free',
		});

	const get = async (
		parameters: IDataObject,
		items: IDataObject[] = [{}],
		options: Partial<RunOptions> = {},
	) =>
		await runBrazeNode({
			parameters: { resource: 'user', operation: 'get', ...parameters } as never,
			items,
			credentials: standInCredentials(standIn),
			...options,
		});

	const exportRequests = () => standIn.requests.filter((request) => request.path === EXPORT);

	return { profile, contact, get, exportRequests };
}
