import { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';

/** Errors this package built itself; they carry no request data, so they are safe to pass on. */
export const brazeErrors = new WeakSet<Error>();

function header(response: IN8nHttpFullResponse, name: string): string | undefined {
	const value = response.headers?.[name] ?? response.headers?.[name.toLowerCase()];
	return value === undefined ? undefined : String(value);
}

/** When Braze says its rate-limit window ends, from X-RateLimit-Reset (epoch seconds, §6.4). */
export function rateLimitResetTime(response: IN8nHttpFullResponse): Date | undefined {
	const reset = Number(header(response, 'x-ratelimit-reset'));
	return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : undefined;
}

function braze400Description(body: IDataObject): string {
	const details = Array.isArray(body.errors) ? body.errors.map(String).join('; ') : '';
	return details
		? `Braze says: ${details}`
		: 'Check the fields named in the message and try again.';
}

/**
 * Turns Braze's error answers into errors in the user's terms (§6). Runs first among the
 * postReceive actions, with `ignoreHttpStatusErrors` on, so Braze's own message is kept.
 */
export function brazeErrorHandler(permission: string): PostReceiveAction {
	return async function throwOnBrazeError(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const status = response.statusCode;
		if (status < 400) return items;
		const body: IDataObject =
			response.body !== null && typeof response.body === 'object'
				? (response.body as IDataObject)
				: {};
		const brazeMessage = typeof body.message === 'string' ? body.message : '';
		let message: string;
		let description: string;
		if (status === 401) {
			message = 'Braze rejected the API key (401 Unauthorized)';
			description =
				"Check the REST API key in the Braze credential (without quotes), and that the credential's Instance matches your dashboard: a key only works on its own instance (an EU workspace needs an EU instance).";
		} else if (status === 403) {
			message = `The Braze API key lacks the ${permission} permission (403)`;
			description = `Braze keys cannot be edited: create a key with the ${permission} permission under Settings › APIs and Identifiers, and put it in the credential.${brazeMessage ? ` Braze says: ${brazeMessage}` : ''}`;
		} else if (status === 429) {
			const reset = rateLimitResetTime(response);
			message = 'Braze rate limit reached (429): nothing was sent for this item';
			description = `${reset ? `The limit resets at ${reset.toISOString()}. ` : ''}Run again after the reset, or space requests out with the node's Request Options › Batching.`;
		} else if (status === 404) {
			message = 'Braze has no such endpoint (404)';
			description = "Check the credential's Instance or Custom URL.";
		} else if (status === 413) {
			message = 'The request is larger than Braze accepts (413)';
			description = 'Braze accepts request bodies up to 4 MB. Shorten the message content.';
		} else if (status >= 500) {
			message = `Braze answered with a server error (${status}): the message may or may not have been sent`;
			description =
				'Braze failed while handling the request. Check the message activity log in Braze before running again, so that nobody is messaged twice.';
		} else {
			message = `Braze rejected the request (${status})${brazeMessage ? `: ${brazeMessage}` : ''}`;
			description = braze400Description(body);
		}
		const error = new NodeApiError(this.getNode(), { ...body } as JsonObject, {
			message,
			description,
			httpCode: String(status),
			itemIndex: this.getItemIndex(),
		});
		brazeErrors.add(error);
		throw error;
	};
}

/** One output item per input item: Braze's answer (dispatch_id, message, errors), linked back. */
export async function toBrazeResult(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body =
		response.body !== null && typeof response.body === 'object'
			? ({ ...(response.body as IDataObject) } as IDataObject)
			: { message: String(response.body ?? '') };
	return [{ json: body, pairedItem: { item: this.getItemIndex() } }];
}
