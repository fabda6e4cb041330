import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from './engine';
import { standInCredentials } from './standIn';
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

/**
 * Runs the node with `parameters` against a stand-in whose key lacks `permission`, and checks
 * what a 403 must say: the permission by name, and how to get a key with it, after one request.
 */
export async function expectPermissionNamed(
	permission: string,
	parameters: IDataObject,
): Promise<void> {
	const limited = await startStandInWithout(permission);
	try {
		const result = await runBrazeNode({
			parameters: parameters as never,
			credentials: standInCredentials(limited, LIMITED_KEY),
		});
		expect(result.error?.message).toBe(
			`The Braze API key lacks the ${permission} permission (403)`,
		);
		expect(String(result.error?.description)).toContain(
			`create a key with the ${permission} permission`,
		);
		expect(limited.requests).toHaveLength(1);
	} finally {
		await limited.close();
	}
}
