import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { emailSend } from '../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

// n8n's node setting Execute Once runs the node for its first input item alone. The run's ledger
// must count that one item: waiting for the others to start (the same-user check of Send) would
// never end. examples/catalog-product-feed.json sends its email this way after a product feed.

const standIn = useStandIn();

it('Message › Send with Execute Once and three input items: one request, one output, and the run ends', async () => {
	const result = await runBrazeNode({
		parameters: { ...emailSend, externalUserIds: 'u1' } as never,
		items: [{}, {}, {}],
		typeVersion: 2,
		credentials: standInCredentials(standIn),
		settings: { executeOnce: true } as RunOptions['settings'],
	});
	expect(result.error).toBeUndefined();
	expect(standIn.requests).toHaveLength(1);
	expect(result.output).toHaveLength(1);
	expect(result.output[0].json.dispatch_id).toBe(standIn.requests[0].response.dispatch_id);
});
