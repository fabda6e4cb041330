import { runBrazeNode } from '../../helpers/engine';
import { LIMITED_KEY, startStandInWithout } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function create(parameters: Record<string, unknown>) {
	return await runBrazeNode({
		parameters: { resource: 'sendId', operation: 'create', ...parameters } as never,
		credentials: standInCredentials(standIn),
	});
}

describe('Send ID › Create', () => {
	it('sends campaign_id and send_id, and outputs send_id and message', async () => {
		const result = await create({ campaignId: 'camp-1', sendId: 'spring-sale' });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].path).toBe('/sends/id/create');
		expect(standIn.requests[0].body).toEqual({ campaign_id: 'camp-1', send_id: 'spring-sale' });
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toEqual({ send_id: 'spring-sale', message: 'success' });
	});

	it('leaves send_id out when empty, so Braze generates one', async () => {
		const result = await create({ campaignId: 'camp-1' });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({ campaign_id: 'camp-1' });
		expect(typeof result.output[0].json.send_id).toBe('string');
		expect(result.output[0].json.send_id).not.toBe('');
	});

	it('takes its fields from expressions, one request per item', async () => {
		const result = await runBrazeNode({
			parameters: {
				resource: 'sendId',
				operation: 'create',
				campaignId: '={{ $json.campaign }}',
				sendId: '={{ $json.send }}',
			} as never,
			items: [
				{ campaign: 'c1', send: 's1' },
				{ campaign: 'c2', send: 's2' },
			],
			credentials: standInCredentials(standIn),
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.body)).toEqual([
			{ campaign_id: 'c1', send_id: 's1' },
			{ campaign_id: 'c2', send_id: 's2' },
		]);
		expect(result.output.map((item) => item.json.send_id)).toEqual(['s1', 's2']);
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	describe('checks before sending: a clear error and zero requests', () => {
		it.each([
			[{ campaignId: '={{ $json.missing }}' }, 'Campaign ID is required'],
			[{ campaignId: 'c', sendId: 'x'.repeat(65) }, /^Send ID is 65 characters long/],
			[{ campaignId: 'c', sendId: 'caf\u00e9' }, 'Send ID must contain only ASCII characters'],
		])('%j', async (parameters, message) => {
			const result = await create(parameters);
			expect(result.error?.message).toEqual(
				typeof message === 'string' ? message : expect.stringMatching(message),
			);
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it('403: names the sends.id.create permission', async () => {
		const limited = await startStandInWithout('sends.id.create');
		try {
			const result = await runBrazeNode({
				parameters: { resource: 'sendId', operation: 'create', campaignId: 'c' } as never,
				credentials: standInCredentials(limited, LIMITED_KEY),
			});
			expect(result.error?.message).toBe(
				'The Braze API key lacks the sends.id.create permission (403)',
			);
			expect(limited.requests).toHaveLength(1);
		} finally {
			await limited.close();
		}
	});
});
