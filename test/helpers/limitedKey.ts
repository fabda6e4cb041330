import type { IDataObject } from 'n8n-workflow';

import type { BrazeStandIn } from './standIn';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sandbox = require('../sandbox') as {
	startBrazeStandIn(options?: IDataObject): Promise<BrazeStandIn>;
	ALL_PERMISSIONS?: string[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ALL_PERMISSIONS } = require('../sandbox/auth') as { ALL_PERMISSIONS: string[] };

export const LIMITED_KEY = 'limited-key';

/** A stand-in whose only key, LIMITED_KEY, has every permission but `permission` (for 403s). */
export async function startStandInWithout(permission: string): Promise<BrazeStandIn> {
	return await sandbox.startBrazeStandIn({
		port: 0,
		apiKeys: { [LIMITED_KEY]: ALL_PERMISSIONS.filter((granted) => granted !== permission) },
	});
}
