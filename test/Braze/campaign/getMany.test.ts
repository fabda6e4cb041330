import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function getMany(parameters: Record<string, unknown>, typeVersion = 1) {
	return await runBrazeNode({
		parameters: { resource: 'campaign', operation: 'getMany', ...parameters } as never,
		credentials: standInCredentials(standIn),
		typeVersion,
	});
}

/** The fixed catalogue has 104 campaigns; these come after it. */
function seedCampaigns(count: number, extra: Record<string, unknown> = {}) {
	standIn.seedList(
		'campaigns',
		Array.from({ length: count }, (_, i) => ({
			id: `cmp-extra-${String(i + 1).padStart(3, '0')}`,
			name: `Extra ${i + 1}`,
			is_api_campaign: false,
			tags: [],
			...extra,
		})),
	);
}

const pages = () => standIn.requests.map((request) => request.query.page);

describe('Campaign › Get Many', () => {
	it('Return All over 3 pages: page 0, 1, 2 once each; one item per campaign as Braze lists it', async () => {
		seedCampaigns(150); // 254 in all
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([
			['GET', '/campaigns/list', { page: '0' }],
			['GET', '/campaigns/list', { page: '1' }],
			['GET', '/campaigns/list', { page: '2' }],
		]);
		const ids = result.output.map((item) => item.json.id);
		expect(ids).toHaveLength(254);
		expect(new Set(ids).size).toBe(254);
		expect(result.output[0].json).toEqual({
			id: 'cmp-welcome-0001',
			name: 'Welcome Series',
			is_api_campaign: true,
			tags: ['onboarding'],
			last_edited: '2026-01-15T10:00:00+00:00',
		});
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('Limit across a page boundary (120 of 104 + more): two pages, 120 items', async () => {
		seedCampaigns(50);
		const result = await getMany({ limit: 120 }, 2);
		expect(result.error).toBeUndefined();
		expect(pages()).toEqual(['0', '1']);
		expect(result.output).toHaveLength(120);
		expect(result.output[119].json.id).toBe('cmp-extra-016');
	});

	it('the default Limit of 50 asks one page', async () => {
		const result = await getMany({});
		expect(pages()).toEqual(['0']);
		expect(result.output).toHaveLength(50);
	});

	it('Filters: Include Archived and Edited After (sent in UTC as last_edit.time[gt]); Sort Newest First', async () => {
		seedCampaigns(2, { last_edited: '2026-02-01T08:00:00+00:00' });
		seedCampaigns(1, {
			id: 'cmp-archived-001',
			archived: true,
			last_edited: '2026-02-02T08:00:00+00:00',
		});
		const without = await getMany({
			returnAll: true,
			filters: { editedAfter: '2026-01-31T12:00:00-05:00' },
		});
		expect(standIn.requests[0].query).toEqual({
			page: '0',
			'last_edit.time[gt]': '2026-01-31T17:00:00Z',
		});
		expect(without.output.map((item) => item.json.id)).toEqual(['cmp-extra-001', 'cmp-extra-002']);

		standIn.requests.length = 0;
		const withArchived = await getMany({
			returnAll: true,
			filters: { editedAfter: '2026-01-31T17:00:00Z', includeArchived: true },
			sort: { sortDirection: 'desc' },
		});
		expect(standIn.requests[0].query).toEqual({
			page: '0',
			include_archived: 'true',
			sort_direction: 'desc',
			'last_edit.time[gt]': '2026-01-31T17:00:00Z',
		});
		expect(withArchived.output.map((item) => item.json.id)).toEqual([
			'cmp-archived-001',
			'cmp-extra-002',
			'cmp-extra-001',
		]);
	});

	it('an empty result: no output item, one request', async () => {
		const result = await getMany({
			returnAll: true,
			filters: { editedAfter: '2030-01-01T00:00:00Z' },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].response).toEqual({ campaigns: [], message: 'success' });
		expect(result.output).toEqual([]);
	});

	it('a bad Edited After is refused before any request', async () => {
		const result = await getMany({ filters: { editedAfter: 'since monday' } });
		expect(result.error?.message).toBe(
			'Filters › Edited After must be a date and time, but it is "since monday"',
		);
		expect(standIn.requests).toHaveLength(0);
	});

	it('a server error on page 3 is asked again; every campaign comes once', async () => {
		seedCampaigns(150);
		standIn.queueFaults({ type: 'pass' }, { type: 'pass' }, { type: 'serverError', status: 503 });
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.query.page, request.status])).toEqual([
			['0', 200],
			['1', 200],
			['2', 503],
			['2', 200],
		]);
		expect(new Set(result.output.map((item) => item.json.id)).size).toBe(254);
	});

	it('a connection dropped on page 2 is asked again', async () => {
		seedCampaigns(50);
		standIn.queueFaults({ type: 'pass' }, { type: 'drop' });
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.query.page, request.status])).toEqual([
			['0', 200],
			['1', null],
			['1', 200],
		]);
		expect(result.output).toHaveLength(154);
	});

	it('Dry Run: the first page as it would be asked, nothing sent', async () => {
		const result = await getMany({ returnAll: true, options: { dryRun: true } });
		expect(standIn.requests).toHaveLength(0);
		expect(result.output.map((item) => item.json)).toEqual([
			{
				dry_run: true,
				method: 'GET',
				url: '/campaigns/list',
				request_count: 1,
				requests: [{ query: { page: 0 } }],
				paging: 'page',
			},
		]);
	});

	it('403: names the campaigns.list permission', async () => {
		await expectPermissionNamed('campaigns.list', { resource: 'campaign', operation: 'getMany' });
	});
});
