import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function getMany(parameters: Record<string, unknown>) {
	return await runBrazeNode({
		parameters: { resource: 'segment', operation: 'getMany', ...parameters } as never,
		credentials: standInCredentials(standIn),
	});
}

describe('Segment › Get Many', () => {
	it('Return All: GET /segments/list?page=0; a short page ends the list; one output item per segment', async () => {
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', '/segments/list', { page: '0' }],
		]);
		expect(result.output.map((item) => item.json.id)).toEqual([
			'seg-all-0001',
			'seg-vip-0002',
			'seg-lapsed-0003',
		]);
		expect(result.output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
		]);
	});

	it('Limit 2 returns the first two; Sort › Newest First sends sort_direction=desc', async () => {
		const result = await getMany({ limit: 2, sort: { sortDirection: 'desc' } });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].query).toEqual({ page: '0', sort_direction: 'desc' });
		expect(result.output).toHaveLength(2);
	});

	it('a Limit that is not a whole number of 1 or more is refused before any request', async () => {
		const result = await getMany({ limit: 0 });
		expect(String(result.error?.message)).toMatch(/Limit must be a whole number of 1 or more/);
		expect(standIn.requests).toHaveLength(0);
	});
});
