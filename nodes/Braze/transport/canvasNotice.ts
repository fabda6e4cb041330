import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

type Executor = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * Braze answers a trigger of a paused or archived Canvas with success plus a `notice`, and
 * sends nothing (§9.6). This wraps the request executor so that the item's output keeps the
 * notice and says so in a `warning`, also when the item went out in several requests.
 */
export function withCanvasNotice(executor: Executor): Executor {
	return async function executeWithNotice(this, requestData) {
		const notices: string[] = [];
		const makeRoutingRequest = this.makeRoutingRequest.bind(this);
		const context = Object.create(this, {
			makeRoutingRequest: {
				value: async (
					request: DeclarativeRestApiSettings.ResultOptions,
				): Promise<INodeExecutionData[]> => {
					const items = await makeRoutingRequest(request);
					for (const item of items) {
						const notice = (item.json as IDataObject | undefined)?.notice;
						if (typeof notice === 'string' && notice && !notices.includes(notice)) {
							notices.push(notice);
						}
					}
					return items;
				},
			},
		}) as IExecutePaginationFunctions;
		const output = await executor.call(context, requestData);
		if (!notices.length) return output;
		const notice = notices.join(' ');
		return output.map((item) =>
			item.json.error !== undefined
				? item
				: {
						...item,
						json: {
							...item.json,
							notice: item.json.notice ?? notice,
							warning: `Braze triggered nothing: ${notice}`,
						},
					},
		);
	};
}
