import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

/** One request as the stand-in saw it. */
export interface RecordedRequest {
	method: string;
	path: string;
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
	close(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sandbox = require('../sandbox') as {
	startBrazeStandIn(options?: IDataObject): Promise<BrazeStandIn>;
};

export const API_KEY = 'local-dev-key';
export const NO_SEND_KEY = 'no-send-key';

export async function startStandIn(): Promise<BrazeStandIn> {
	return await sandbox.startBrazeStandIn({ port: 0 });
}

/** Credential data pointing the node at the stand-in. */
export function standInCredentials(
	standIn: BrazeStandIn,
	apiKey = API_KEY,
): ICredentialDataDecryptedObject {
	return { apiKey, instance: 'custom', customUrl: standIn.url };
}
