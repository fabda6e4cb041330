import { runBrazeNode } from '../helpers/engine';
import { API_KEY, useStandIn } from '../helpers/standIn';

const standIn = useStandIn();

// n8n's loader appends a "Custom API Call" entry (value __CUSTOM_API_CALL__) to the node's
// Resource and Operation lists; the entry has no endpoint, so n8n's routing would call the
// instance's bare URL. The credential refuses a request that names no endpoint.
describe.each([
	['Operation', { resource: 'message', operation: '__CUSTOM_API_CALL__' }],
	['Resource', { resource: '__CUSTOM_API_CALL__', operation: 'send' }],
])('Custom API Call picked as the %s', (_field, parameters) => {
	it.each([1, 2])(
		'version %i: nothing is sent, and the error points to the HTTP Request node',
		async (typeVersion) => {
			const result = await runBrazeNode({
				parameters,
				typeVersion,
				// A path after the host, so that a request to the bare URL is recorded (the stand-in
				// answers GET / as a health check without recording it).
				credentials: { apiKey: API_KEY, instance: 'custom', customUrl: `${standIn.url}/rest` },
			});
			expect(result.error?.message).toBe(
				'The request names no Braze endpoint, so nothing was sent. In the Braze node this happens when Resource or Operation is "Custom API Call": make that call with an HTTP Request node instead (Authentication › Predefined Credential Type › Braze API), which adds this credential\'s key for you.',
			);
			expect(standIn.requests).toEqual([]);
			expect(JSON.stringify(result.run)).not.toContain(API_KEY);
		},
	);
});
