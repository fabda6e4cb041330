import { runBrazeNode } from '../../helpers/engine';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';
import { virtualTime } from '../../helpers/virtualTime';

const standIn = useStandIn();

async function getMany(parameters: Record<string, unknown>, typeVersion = 1) {
	return await runBrazeNode({
		parameters: { resource: 'segment', operation: 'getMany', ...parameters } as never,
		credentials: standInCredentials(standIn),
		typeVersion,
	});
}

/** `count` segments after the fixed three, seg-extra-001… */
function seedSegments(count: number) {
	standIn.seedList(
		'segments',
		Array.from({ length: count }, (_, i) => ({
			id: `seg-extra-${String(i + 1).padStart(3, '0')}`,
			name: `Extra ${i + 1}`,
			analytics_tracking_enabled: true,
			tags: [],
		})),
	);
}

const asked = () =>
	standIn.requests.map((request) => [request.method, request.path, request.query]);

describe('Segment › Get Many', () => {
	it('Return All: GET /segments/list?page=0; a short page ends the list; one output item per segment', async () => {
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(asked()).toEqual([['GET', '/segments/list', { page: '0' }]]);
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

	it('Return All over 3 pages of 100: each page asked once, in order, every segment once', async () => {
		seedSegments(247); // 250 in all: pages of 100, 100, 50
		const result = await getMany({ returnAll: true }, 2);
		expect(result.error).toBeUndefined();
		expect(asked().map(([, , query]) => query)).toEqual([
			{ page: '0' },
			{ page: '1' },
			{ page: '2' },
		]);
		const ids = result.output.map((item) => item.json.id);
		expect(ids).toHaveLength(250);
		expect(new Set(ids).size).toBe(250);
		expect(ids.slice(-1)).toEqual(['seg-extra-247']);
	});

	it('a full last page: one more page is asked, and its emptiness ends the list', async () => {
		seedSegments(197); // exactly 200
		const result = await getMany({ returnAll: true });
		expect(standIn.requests.map((request) => request.query.page)).toEqual(['0', '1', '2']);
		expect(result.output).toHaveLength(200);
	});

	it('Limit across a page boundary: 150 takes page 0 and half of page 1, and no more', async () => {
		seedSegments(247);
		const result = await getMany({ limit: 150 });
		expect(standIn.requests.map((request) => request.query.page)).toEqual(['0', '1']);
		expect(result.output).toHaveLength(150);
		expect(result.output[149].json.id).toBe('seg-extra-147');
	});

	it('Limit 2 returns the first two; Sort › Newest First sends sort_direction=desc', async () => {
		const result = await getMany({ limit: 2, sort: { sortDirection: 'desc' } });
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].query).toEqual({ page: '0', sort_direction: 'desc' });
		expect(result.output.map((item) => item.json.id)).toEqual(['seg-lapsed-0003', 'seg-vip-0002']);
	});

	it('a Limit that is not a whole number of 1 or more is refused before any request', async () => {
		const result = await getMany({ limit: 0 });
		expect(String(result.error?.message)).toMatch(/Limit must be a whole number of 1 or more/);
		expect(standIn.requests).toHaveLength(0);
	});

	it('a server error on page 2 is asked again; the list goes on from there', async () => {
		seedSegments(147);
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 502 });
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.query.page, request.status])).toEqual([
			['0', 200],
			['1', 502],
			['1', 200],
		]);
		expect(result.output).toHaveLength(150);
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('a 429 is waited out, then the page is asked again', async () => {
		standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 2 });
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([429, 200]);
		expect(virtualTime.waits).toHaveLength(1);
		expect(result.output).toHaveLength(3);
	});
});
