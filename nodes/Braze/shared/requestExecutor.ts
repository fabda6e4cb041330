import { NodeApiError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { assertSecureBrazeUrl } from '../../../credentials/BrazeApi.credentials';
import { brazeErrors } from './brazeResponse';
import { bodyOf } from './requestBody';
import { invalidInput } from './validationError';

export type BodyValidator = (context: IExecuteSingleFunctions, body: IDataObject) => void;

/**
 * Runs after every field has written its part of the body: checks the whole request, then
 * sends it. Routing calls it as the operation's "pagination" hook, the one place a declarative
 * node controls how its request is made.
 */
export function brazeRequestExecutor(validate: BodyValidator) {
	return async function executeBrazeRequest(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		assertSecureUrl(this, requestData);
		validate(this, bodyOf(requestData.options as IHttpRequestOptions));
		try {
			return await this.makeRoutingRequest(requestData);
		} catch (error) {
			throw safeError(this, error as Error, requestData);
		}
	};
}

/**
 * Network failures come wrapped with the request's configuration, Authorization header
 * included. Rebuild them from the bare facts so the key can never reach an output or a log.
 */
function safeError(
	context: IExecuteSingleFunctions,
	error: Error,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Error {
	if (brazeErrors.has(error)) return error;
	const cause = (error as { cause?: { code?: string } }).cause;
	const code = (error as { code?: string }).code ?? cause?.code ?? '';
	const url = `${requestData.options.baseURL ?? ''}${requestData.options.url ?? ''}`;
	// The code goes in the description: n8n would replace a message naming it with a generic text.
	const safe = new NodeApiError(
		context.getNode(),
		{ reason: code || 'request failed' } as JsonObject,
		{
			message: `Could not get an answer from Braze at ${url}`,
			description: `${code ? `The connection failed (${code}). ` : ''}Check the credential's Instance or Custom URL and the network. If the request may have reached Braze, check its message activity log before running again, so that nobody is messaged twice.`,
			itemIndex: context.getItemIndex(),
		},
	);
	brazeErrors.add(safe);
	return safe;
}

/** The credential refuses insecure URLs too; checking here gives the user a node error first. */
function assertSecureUrl(
	context: IExecuteSingleFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): void {
	try {
		assertSecureBrazeUrl(`${requestData.options.baseURL ?? ''}${requestData.options.url ?? ''}`);
	} catch (error) {
		throw invalidInput(
			context,
			(error as Error).message,
			'Fix the Braze credential, then run again.',
		);
	}
}
