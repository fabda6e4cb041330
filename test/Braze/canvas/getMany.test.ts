import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function getMany(parameters: Record<string, unknown>, typeVersion = 2) {
	return await runBrazeNode({
		parameters: { resource: 'canvas', operation: 'getMany', ...parameters } as never,
		credentials: standInCredentials(standIn),
		typeVersion,
	});
}

/** The fixed catalogue has 3 Canvases; these come after it. */
function seedCanvases(count: number, extra: Record<string, unknown> = {}) {
	standIn.seedList(
		'canvases',
		Array.from({ length: count }, (_, i) => ({
			id: `cnv-extra-${String(i + 1).padStart(3, '0')}`,
			name: `Journey ${i + 1}`,
			tags: [],
			...extra,
		})),
	);
}

const pages = () => standIn.requests.map((request) => request.query.page);

describe('Canvas Journey › Get Many', () => {
	it('Return All over 3 pages: GET /canvas/list page 0, 1, 2; one item per Canvas', async () => {
		seedCanvases(230); // 233 in all
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', '/canvas/list'],
			['GET', '/canvas/list'],
			['GET', '/canvas/list'],
		]);
		expect(pages()).toEqual(['0', '1', '2']);
		const ids = result.output.map((item) => item.json.id);
		expect(ids).toHaveLength(233);
		expect(new Set(ids).size).toBe(233);
		expect(result.output[0].json).toEqual({
			id: 'cnv-onboard-0001',
			name: 'Onboarding Journey',
			tags: ['onboarding'],
			last_edited: '2026-01-15T10:00:00+00:00',
		});
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('Limit across a page boundary: 101 takes two pages', async () => {
		seedCanvases(230);
		const result = await getMany({ limit: 101 }, 1);
		expect(pages()).toEqual(['0', '1']);
		expect(result.output).toHaveLength(101);
		expect(result.output[100].json.id).toBe('cnv-extra-098');
	});

	it('Filters and Sort: include_archived, last_edit.time[gt] in UTC, sort_direction', async () => {
		seedCanvases(1, { id: 'cnv-archived-001', archived: true });
		const result = await getMany({
			returnAll: true,
			filters: { includeArchived: true, editedAfter: '2026-01-01' },
			sort: { sortDirection: 'desc' },
		});
		expect(standIn.requests[0].query).toEqual({
			page: '0',
			include_archived: 'true',
			sort_direction: 'desc',
			'last_edit.time[gt]': '2026-01-01T00:00:00Z',
		});
		expect(result.output.map((item) => item.json.id)).toEqual([
			'cnv-archived-001',
			'cnv-renewal-0003',
			'cnv-cart-0002',
			'cnv-onboard-0001',
		]);
	});

	it('archived Canvases are left out by default', async () => {
		seedCanvases(1, { id: 'cnv-archived-001', archived: true });
		const result = await getMany({ returnAll: true });
		expect(result.output.map((item) => item.json.id)).not.toContain('cnv-archived-001');
		expect(result.output).toHaveLength(3);
	});

	it('an empty result: no output item', async () => {
		const result = await getMany({
			returnAll: true,
			filters: { editedAfter: '2027-01-01T00:00:00Z' },
		});
		expect(result.error).toBeUndefined();
		expect(result.output).toEqual([]);
		expect(standIn.requests).toHaveLength(1);
	});

	it('a server error is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 502 });
		const result = await getMany({ returnAll: true });
		expect(standIn.requests.map((request) => request.status)).toEqual([502, 200]);
		expect(result.output).toHaveLength(3);
	});

	it('403: names the canvas.list permission', async () => {
		await expectPermissionNamed('canvas.list', { resource: 'canvas', operation: 'getMany' });
	});
});
