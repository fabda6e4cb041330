import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';
import { virtualTime } from '../../helpers/virtualTime';

const standIn = useStandIn();

async function getMany(parameters: IDataObject) {
	return await runBrazeNode({
		parameters: { resource: 'customEvent', operation: 'getMany', ...parameters } as never,
		typeVersion: 2,
		credentials: standInCredentials(standIn),
	});
}

const name = (i: number) => `event_${String(i).padStart(4, '0')}`;

/** The workspace's custom events: event_0001 … event_<count>, in a shuffled order. */
function seedEvents(count: number): void {
	const events = Array.from({ length: count }, (_, i) => ({
		name: name(count - i),
		description: '',
		included_in_analytics_report: true,
		status: 'Active',
		tag_names: [],
	}));
	standIn.seedList('customEvents', events);
}

const pages = () => standIn.requests.map((request) => [request.path, request.query]);

describe('Custom Event › Get Many (names: GET /events/list)', () => {
	it('one output item { name } per event, alphabetical', async () => {
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(pages()).toEqual([['/events/list', { page: '0' }]]);
		expect(result.output.map((item) => item.json)).toEqual([
			{ name: 'added_to_cart' },
			{ name: 'completed_order' },
			{ name: 'opened_app_settings' },
			{ name: 'started_trial' },
			{ name: 'viewed_product' },
		]);
	});

	it('Return All: pages of 250 until a short one, each page once', async () => {
		seedEvents(600);
		const result = await getMany({ returnAll: true });
		expect(pages()).toEqual([
			['/events/list', { page: '0' }],
			['/events/list', { page: '1' }],
			['/events/list', { page: '2' }],
		]);
		expect(result.output.map((item) => item.json.name)).toEqual(
			Array.from({ length: 600 }, (_, i) => name(i + 1)),
		);
	});

	it('Limit across a page boundary: 300 reads two pages and keeps 300', async () => {
		seedEvents(600);
		const result = await getMany({ limit: 300 });
		expect(pages()).toEqual([
			['/events/list', { page: '0' }],
			['/events/list', { page: '1' }],
		]);
		expect(result.output).toHaveLength(300);
		expect(result.output.at(-1)?.json.name).toBe(name(300));
	});

	it('a workspace without custom events: no output item', async () => {
		standIn.seedList('customEvents', []);
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(result.output).toEqual([]);
	});

	it('a server error on a page is asked again', async () => {
		seedEvents(300);
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 500 });
		const result = await getMany({ returnAll: true });
		expect(standIn.requests.map((request) => [request.status, request.query.page])).toEqual([
			[200, '0'],
			[500, '1'],
			[200, '1'],
		]);
		expect(result.output).toHaveLength(300);
	});

	it("paced by the endpoint's own limit: once its window is spent, waits for its reset, then reads on", async () => {
		seedEvents(600);
		standIn.setOwnRateLimit('/events/list', { limit: 2, windowMs: 600_000 });
		const result = await getMany({ returnAll: true, options: { maxWaitOnRateLimit: 3600 } });
		expect(result.error).toBeUndefined();
		// No request is refused: the node waited for the reset Braze announced before the third page.
		expect(standIn.requests.map((request) => request.status)).toEqual([200, 200, 200]);
		expect(virtualTime.waits).toHaveLength(1);
		expect(virtualTime.waits[0]).toBeGreaterThanOrEqual(599_000);
		expect(result.output).toHaveLength(600);
	});

	it('a reset further away than Max Wait on Rate Limit: the item fails, naming it, and the page is not asked', async () => {
		seedEvents(600);
		standIn.setOwnRateLimit('/events/list', { limit: 2, windowMs: 3_600_000 });
		const result = await getMany({ returnAll: true });
		expect(standIn.requests).toHaveLength(2);
		expect(result.error?.message).toBe(
			'Braze rate limit reached (429): nothing was sent for this item',
		);
		expect(String(result.error?.description)).toMatch(
			/^The limit resets at .*, later than Options › Max Wait on Rate Limit \(60 s\) allows\./,
		);
	});

	it('403: names the events.list permission', async () => {
		await expectPermissionNamed('events.list', { resource: 'customEvent', operation: 'getMany' });
	});
});

describe('Custom Event › Get Many with Include Details (GET /events, cursor paging)', () => {
	it("each event's metadata, 50 a page, following the Link header's cursor", async () => {
		seedEvents(120);
		const result = await getMany({ returnAll: true, includeDetails: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.path)).toEqual([
			'/events',
			'/events',
			'/events',
		]);
		expect(standIn.requests[0].query).toEqual({});
		expect(standIn.requests[1].query.cursor).toBeTruthy();
		expect(standIn.requests[2].query.cursor).not.toBe(standIn.requests[1].query.cursor);
		expect(result.output).toHaveLength(120);
		expect(result.output[0].json).toEqual({
			name: name(1),
			description: '',
			included_in_analytics_report: true,
			status: 'Active',
			tag_names: [],
		});
	});

	it('Limit across a page boundary: 70 reads two pages', async () => {
		seedEvents(120);
		const result = await getMany({ limit: 70, includeDetails: true });
		expect(standIn.requests).toHaveLength(2);
		expect(result.output.map((item) => item.json.name).at(-1)).toBe(name(70));
	});

	it('403: names the events.get permission', async () => {
		await expectPermissionNamed('events.get', {
			resource: 'customEvent',
			operation: 'getMany',
			includeDetails: true,
		});
	});
});
