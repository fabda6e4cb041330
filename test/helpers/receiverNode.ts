import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * A stand-in for "the next node" of a workflow: it evaluates its `received` parameter, an
 * expression such as {{ $json.dispatch_id }}, for each incoming item, as any n8n node would.
 */
export class Receiver implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Receiver',
		name: 'receiver',
		icon: 'fa:inbox',
		group: ['transform'],
		version: 1,
		description: 'Test node that records what reaches it',
		defaults: { name: 'Receiver' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Received', name: 'received', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		return [
			items.map((_item, itemIndex) => ({
				json: { received: this.getNodeParameter('received', itemIndex) as string },
				pairedItem: { item: itemIndex },
			})),
		];
	}
}
