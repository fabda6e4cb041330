import { LoadOptionsContext } from 'n8n-core';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { BrazeApi } from '../../credentials/BrazeApi.credentials';
import { Braze } from '../../nodes/Braze/Braze.node';
import { TestCredentialsHelper } from './credentialsHelper';

const braze = new Braze();
const nodeTypes: INodeTypes = {
	getByName: () => braze,
	getByNameAndVersion: (_type, version) => NodeHelpers.getVersionedNodeType(braze, version),
	getKnownTypes: () => ({}),
};

export type ListSearchMethod = keyof Braze['methods']['listSearch'];

/**
 * Calls one of the node's listSearch methods the way the editor does: through n8n-core's real
 * LoadOptionsContext, with the credential's authenticate() setting the base URL and key.
 */
export async function searchList(
	method: ListSearchMethod,
	credentials: ICredentialDataDecryptedObject,
	options: { filter?: string; paginationToken?: string; parameters?: INodeParameters } = {},
): Promise<INodeListSearchResult> {
	const node: INode = {
		id: 'braze-node',
		name: 'Braze',
		type: 'n8n-nodes-braze-messaging.braze',
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: { brazeApi: { id: '1', name: 'Braze account' } },
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Braze list search test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(
			{ brazeApi: new BrazeApi() },
			{ brazeApi: credentials },
		),
		variables: {},
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		currentNodeParameters: options.parameters ?? {},
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context: ILoadOptionsFunctions = new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		'parameters',
	);
	return await braze.methods.listSearch[method].call(
		context,
		options.filter,
		options.paginationToken,
	);
}
