import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { virtualTime } from './virtualTime';

/** One request as the stand-in saw it. */
export interface RecordedRequest {
	method: string;
	path: string;
	/** The query string's parameters. */
	query: Record<string, string>;
	headers: Record<string, string>;
	body: IDataObject | undefined;
	rawBody: string;
	status: number;
	response: IDataObject;
}

/** The local Braze stand-in (test/sandbox), typed for the TypeScript suites. */
export interface BrazeStandIn {
	url: string;
	requests: RecordedRequest[];
	deliveries: Map<string, number>;
	accepted(): RecordedRequest[];
	reset(): void;
	queueFaults(...faults: IDataObject[]): void;
	setRateLimit(limit: { limit: number; windowMs: number } | null): void;
	/** The limit of an endpoint with its own bucket (route.rateLimit); null: the route's own. */
	setOwnRateLimit(path: string, limit: { limit: number; windowMs: number } | null): void;
	/** Extra records after a list's fixed catalogue ('campaigns', 'canvases', 'segments'…), until reset(). */
	seedList(key: string, records: IDataObject[]): void;
	/** Profiles made by the user endpoints, keyed external:<id>, alias:<label>:<name>, email:<address>… */
	profiles: Map<
		string,
		{ attributes: IDataObject; events: IDataObject[]; purchases: IDataObject[] }
	>;
	/** Subscription states, keyed "<group>|external:<id>" (or email:, phone:). */
	subscriptions: Map<string, string>;
	/** /users/track's object cap: 75 combined (default), 75 per array (legacy) or 50 (MAU plans). */
	setUsersTrackCap(cap: 'combined' | 'perArray' | 'mau'): void;
	close(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sandbox = require('../sandbox') as {
	startBrazeStandIn(options?: IDataObject): Promise<BrazeStandIn>;
};

export const API_KEY = 'local-dev-key';
export const NO_SEND_KEY = 'no-send-key';

/** A stand-in whose rate-limit windows run on the clock the node waits on (virtualTime). */
export async function startStandIn(options: IDataObject = {}): Promise<BrazeStandIn> {
	return await sandbox.startBrazeStandIn({ port: 0, now: virtualTime.now, ...options });
}

/** Credential data pointing the node at the stand-in. */
export function standInCredentials(
	standIn: BrazeStandIn,
	apiKey = API_KEY,
): ICredentialDataDecryptedObject {
	return { apiKey, instance: 'custom', customUrl: standIn.url };
}

/**
 * One stand-in per test file: started before the first test, reset before each, closed at the
 * end. The returned handle always points at the running instance.
 */
export function useStandIn(): BrazeStandIn {
	let current: BrazeStandIn | undefined;
	beforeAll(async () => {
		current = await startStandIn();
	});
	afterAll(async () => await current?.close());
	beforeEach(() => current?.reset());
	return new Proxy({} as BrazeStandIn, {
		get(_target, property) {
			const value = Reflect.get(current as object, property) as unknown;
			return typeof value === 'function' ? (value as () => unknown).bind(current) : value;
		},
	});
}
