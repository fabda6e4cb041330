import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/** The legacy request options of n8n's helpers (the shape the HTTP Request node builds). */
type LegacyRequestOptions = Parameters<
	IExecuteFunctions['helpers']['requestWithAuthentication']
>[1];

/**
 * Makes the request n8n's HTTP Request node (n8n-nodes-base 2.41, HttpRequestV3.node.js) makes
 * with Authentication › Predefined Credential Type: `requestWithAuthentication` with the legacy
 * request shape, the URL as `uri`, redirects followed as the node's default (version 4 and later),
 * and `sendCredentialsOnCrossOriginRedirect` as the node sets it (true before version 4.4).
 * It goes through n8n-core's real request helpers; only the node's form is left out.
 */
export class HttpRequestProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HTTP Request Probe',
		name: 'httpRequestProbe',
		group: ['transform'],
		version: 1,
		description: 'Makes the request the HTTP Request node makes',
		defaults: { name: 'HTTP Request Probe' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'brazeApi', required: true }],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{
				displayName: 'Send Credentials on Cross-Origin Redirect',
				name: 'sendCredentialsOnCrossOriginRedirect',
				type: 'boolean',
				default: true,
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const method = this.getNodeParameter('method', 0) as LegacyRequestOptions['method'];
		const body = this.getNodeParameter('body', 0) as string;
		const options: LegacyRequestOptions = {
			headers: {},
			method,
			uri: this.getNodeParameter('url', 0) as string,
			gzip: true,
			rejectUnauthorized: true,
			resolveWithFullResponse: true,
			sendCredentialsOnCrossOriginRedirect: this.getNodeParameter(
				'sendCredentialsOnCrossOriginRedirect',
				0,
			) as boolean,
			// The node's redirect default (version 4 and later): follow every redirect, up to 21.
			followRedirect: true,
			followAllRedirects: true,
			maxRedirects: undefined,
			timeout: 300_000,
			...(body ? { body: JSON.parse(body) as IDataObject, json: true } : { json: true }),
		};
		// The legacy helper on purpose: it is the one n8n's HTTP Request node calls (a node of this
		// package uses httpRequestWithAuthentication).
		const { helpers } = this;
		const response = (await helpers.requestWithAuthentication.call(this, 'brazeApi', options)) as {
			statusCode: number;
			body: IDataObject;
		};
		return [[{ json: { statusCode: response.statusCode, body: response.body } }]];
	}
}
