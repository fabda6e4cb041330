import { NodeConnectionTypes } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, INodeType } from 'n8n-workflow';

import { BrazeApi } from '../../credentials/BrazeApi.credentials';
import { runBrazeNode } from './engine';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * Runs the credential's `test` the way n8n's server does (CredentialsTester.runRequestTest in
 * n8n 2.41): a throwaway node whose only property routes `test.request`, run by the routing
 * engine, then the `responseCode` rules applied to a failed request's status.
 */
export async function runCredentialTest(
	credentials: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const { test } = new BrazeApi();
	const probe: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: 'Runs a credential test request',
			defaults: { name: 'Credential Test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'brazeApi', required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: test.request },
				},
			],
		},
	};
	const { error } = await runBrazeNode({ nodeType: probe, parameters: {}, credentials });
	if (!error) return { status: 'OK', message: 'Connection successful!' };
	// The server reads the status from error.cause.response; the engine's stored error keeps it
	// as httpCode.
	const response = (error.cause as IDataObject | undefined)?.response as IDataObject | undefined;
	const statusCode = Number(response?.status ?? error.httpCode);
	if (statusCode) {
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === statusCode) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		return { status: 'Error', message: `Received HTTP status code: ${statusCode}` };
	}
	return { status: 'Error', message: String(error.message) };
}
