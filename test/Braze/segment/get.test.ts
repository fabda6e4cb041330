import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

async function get(parameters: Record<string, unknown>, typeVersion = 1) {
	return await runBrazeNode({
		parameters: { resource: 'segment', operation: 'get', ...parameters } as never,
		credentials: standInCredentials(standIn),
		typeVersion,
	});
}

describe('Segment › Get', () => {
	it('GET /segments/details?segment_id=…: one item, segment_id first, without the success envelope', async () => {
		const result = await get({ segmentId: rl('seg-vip-0002') });
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', '/segments/details', { segment_id: 'seg-vip-0002' }]]);
		const details = { ...standIn.requests[0].response };
		delete details.message;
		expect(result.output.map((item) => item.json)).toEqual([
			{ segment_id: 'seg-vip-0002', ...details },
		]);
		expect(Object.keys(result.output[0].json)[0]).toBe('segment_id');
		expect(result.output[0].json).not.toHaveProperty('message');
		expect(result.output[0].json.name).toBe('VIP Customers');
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('By ID at version 2, and one item per input item, each paired to its own', async () => {
		const result = await runBrazeNode({
			parameters: {
				resource: 'segment',
				operation: 'get',
				segmentId: rl('={{ $json.id }}', 'id'),
			} as never,
			credentials: standInCredentials(standIn),
			typeVersion: 2,
			items: [{ id: 'seg-all-0001' }, { id: 'seg-lapsed-0003' }],
		});
		expect(result.error).toBeUndefined();
		expect(
			result.output.map((item) => [item.json.segment_id, item.json.name, item.pairedItem]),
		).toEqual([
			['seg-all-0001', 'All Users', { item: 0 }],
			['seg-lapsed-0003', 'Lapsed 30 Days', { item: 1 }],
		]);
	});

	it('an ID that is no Braze identifier is refused before any request', async () => {
		const result = await get({ segmentId: rl('VIP customers', 'id') });
		expect(result.error?.message).toBe('Segment ID "VIP customers" is not a Braze API identifier');
		expect(standIn.requests).toHaveLength(0);
	});

	it("a segment Braze does not know: Braze's 400, asked once", async () => {
		const result = await get({ segmentId: rl('seg-gone-9999', 'id') });
		expect(String(result.error?.message)).toMatch(/Invalid Segment ID/);
		expect(standIn.requests).toHaveLength(1);
	});

	it('a timeout-like server error (504) is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 504 });
		const result = await get({ segmentId: rl('seg-all-0001') });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([504, 200]);
		expect(result.output).toHaveLength(1);
	});

	it('403: names the segments.details permission', async () => {
		await expectPermissionNamed('segments.details', {
			resource: 'segment',
			operation: 'get',
			segmentId: rl('seg-all-0001'),
		});
	});
});
