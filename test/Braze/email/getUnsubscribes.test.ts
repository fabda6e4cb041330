import type { IDataObject } from 'n8n-workflow';

import { expectPermissionNamed } from '../../helpers/limitedKey';
import { useStandIn } from '../../helpers/standIn';
import { virtualTime } from '../../helpers/virtualTime';
import { LIST_KEYS, expectNoKey, queries, runOperation, seed, unsubscribeRecords } from './lists';
import type { RunOptions } from '../../helpers/engine';

const standIn = useStandIn();

const MARCH = { startDate: '2026-03-01', endDate: '2026-04-01' };

async function unsubscribes(
	parameters: IDataObject,
	extra: Partial<Omit<RunOptions, 'parameters' | 'credentials'>> = {},
) {
	return await runOperation(standIn, 'email', 'getUnsubscribes', parameters, extra);
}

/** 1,100 unsubscribes in March 2026 (one every 30 minutes from 1 March), and two outside it. */
function seedMarch(count = 1100) {
	seed(standIn, LIST_KEYS.unsubscribes, [
		{ email: 'february@example.com', unsubscribed_at: '2026-02-28T23:59:59Z' },
		...unsubscribeRecords(count, '2026-03-01T00:00:00Z'),
		{ email: 'april@example.com', unsubscribed_at: '2026-04-01T00:00:00Z' },
	]);
}

describe('Email › Get Many Unsubscribes', () => {
	it('Return All pages with limit 500 and offset through 3 pages, each asked once; one item per address, newest first', async () => {
		seedMarch();
		const result = await unsubscribes({ returnAll: true, filters: MARCH });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.method, request.path])).toEqual(
			Array(3).fill(['GET', '/email/unsubscribes']),
		);
		expect(queries(standIn)).toEqual(
			[0, 500, 1000].map((offset) => ({
				start_date: '2026-03-01',
				end_date: '2026-04-01',
				limit: '500',
				offset: String(offset),
			})),
		);
		expect(result.output).toHaveLength(1100);
		expect(result.output[0].json).toEqual({
			email: 'user-01100@example.com',
			unsubscribed_at: '2026-03-23T21:30:00Z',
		});
		const emails = result.output.map((item) => item.json.email);
		expect(new Set(emails).size).toBe(1100);
		expect(emails).not.toContain('february@example.com');
		expect(emails).not.toContain('april@example.com');
		expect(result.output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
		expectNoKey(result.output);
	});

	it('1,000 addresses: the third page comes back empty, since a full page cannot tell the end (Braze gives no total)', async () => {
		seedMarch(1000);
		const result = await unsubscribes({ returnAll: true, filters: MARCH });
		expect(queries(standIn).map((query) => query.offset)).toEqual(['0', '500', '1000']);
		expect(
			standIn.requests.map((request) => (request.response.emails as unknown[]).length),
		).toEqual([500, 500, 0]);
		expect(result.output).toHaveLength(1000);
	});

	it('Limit 700 crosses a page: 500, then the 200 still wanted from offset 500', async () => {
		seedMarch();
		const result = await unsubscribes({ limit: 700, filters: MARCH });
		expect(result.error).toBeUndefined();
		expect(queries(standIn).map((query) => [query.limit, query.offset])).toEqual([
			['500', '0'],
			['200', '500'],
		]);
		expect(result.output).toHaveLength(700);
		expect(new Set(result.output.map((item) => item.json.email)).size).toBe(700);
		expect(result.output[699].json.email).toBe('user-00401@example.com');
	});

	it('Limit defaults to 50: one request for 50', async () => {
		seedMarch();
		const result = await unsubscribes({ filters: MARCH });
		expect(queries(standIn)).toEqual([
			{ start_date: '2026-03-01', end_date: '2026-04-01', limit: '50', offset: '0' },
		]);
		expect(result.output).toHaveLength(50);
	});

	it('nothing in the range: one request, no output item', async () => {
		seedMarch();
		const result = await unsubscribes({
			returnAll: true,
			filters: { startDate: '2025-01-01', endDate: '2025-02-01' },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(result.output).toEqual([]);
	});

	it('Sort › Oldest First sends sort_direction=asc and the list starts with the earliest', async () => {
		seedMarch();
		const result = await unsubscribes({ limit: 2, filters: MARCH, sort: { sortDirection: 'asc' } });
		expect(queries(standIn)[0]).toEqual({
			start_date: '2026-03-01',
			end_date: '2026-04-01',
			sort_direction: 'asc',
			limit: '2',
			offset: '0',
		});
		expect(result.output.map((item) => item.json.email)).toEqual([
			'user-00001@example.com',
			'user-00002@example.com',
		]);
	});

	it('Email looks one address up: sent with end_date but without limit and offset, which would make Braze answer empty', async () => {
		seedMarch();
		const result = await unsubscribes({
			returnAll: true,
			filters: { endDate: '2026-04-01', email: ' User-00007@example.com ' },
		});
		expect(result.error).toBeUndefined();
		expect(queries(standIn)).toEqual([{ end_date: '2026-04-01', email: 'User-00007@example.com' }]);
		expect(result.output.map((item) => item.json)).toEqual([
			{ email: 'user-00007@example.com', unsubscribed_at: '2026-03-01T03:00:00Z' },
		]);
	});

	it('dates: only the day counts, as Braze reads it (midnight UTC); a Luxon date from an expression works; End Date empty sends tomorrow (UTC)', async () => {
		await unsubscribes({
			filters: {
				startDate: '2026-03-01T23:30:00-05:00',
				endDate: "={{ DateTime.fromISO('2026-03-05T01:00:00', { zone: 'Asia/Tokyo' }) }}",
			},
		});
		const day = 24 * 3600 * 1000;
		const tomorrow = new Date((Math.floor(virtualTime.now() / day) + 1) * day)
			.toISOString()
			.slice(0, 10);
		await unsubscribes({ filters: { startDate: '2026-03-01' } });
		expect(queries(standIn).map((query) => [query.start_date, query.end_date])).toEqual([
			['2026-03-01', '2026-03-05'],
			['2026-03-01', tomorrow],
		]);
	});

	describe('refuses before any request, naming the field and the fix', () => {
		it.each([
			[
				'neither Start Date nor Email',
				{ filters: { endDate: '2026-04-01' } },
				'Filters › Start Date is empty: Braze lists unsubscribes between two dates, or looks up Email',
			],
			[
				'Start Date on End Date',
				{ filters: { startDate: '2026-03-05', endDate: '2026-03-05T18:00:00Z' } },
				'Filters › Start Date (2026-03-05) is not before End Date (2026-03-05)',
			],
			[
				'Start Date after End Date',
				{ filters: { startDate: '2026-03-06', endDate: '2026-03-05' } },
				'Filters › Start Date (2026-03-06) is not before End Date (2026-03-05)',
			],
			[
				'a Start Date that is not a date',
				{ filters: { startDate: 'yesterday', endDate: '2026-03-05' } },
				'Start Date must be a date, but it is "yesterday"',
			],
			[
				'an impossible End Date',
				{ filters: { startDate: '2026-02-01', endDate: '2026-02-30' } },
				'End Date must be a date, but it is "2026-02-30"',
			],
			[
				'a malformed Email',
				{ filters: { endDate: '2026-04-01', email: 'Lin <lin@example.com>' } },
				'Filters › Email: "Lin <lin@example.com>" is not an email address',
			],
			[
				'Limit 0',
				{ limit: 0, filters: MARCH },
				'Limit must be a whole number of 1 or more, but it is 0',
			],
			[
				'a Sort direction from an expression that is neither',
				{ filters: MARCH, sort: { sortDirection: '={{ "newest" }}' } },
				'Sort › Direction must be Newest First or Oldest First, but it is "newest"',
			],
		])('%s', async (_case, parameters, message) => {
			const result = await unsubscribes(parameters);
			expect(result.error?.message).toBe(message);
			expect(String(result.error?.description)).not.toBe('');
			expect(standIn.requests).toHaveLength(0);
		});

		it('the date range fix says how Braze reads the dates and how to get one whole day', async () => {
			const result = await unsubscribes({
				filters: { startDate: '2026-03-05', endDate: '2026-03-05' },
			});
			expect(String(result.error?.description)).toMatch(
				/midnight UTC at the start of Start Date up to midnight UTC at the start of End Date/,
			);
			expect(String(result.error?.description)).toMatch(/set End Date to the day after it/);
		});
	});

	it('Dry Run: the first page as it would be asked, nothing sent', async () => {
		const result = await unsubscribes({
			returnAll: true,
			filters: MARCH,
			options: { dryRun: true },
		});
		expect(standIn.requests).toHaveLength(0);
		expect(result.output.map((item) => item.json)).toEqual([
			{
				dry_run: true,
				method: 'GET',
				url: '/email/unsubscribes',
				request_count: 1,
				requests: [
					{ query: { start_date: '2026-03-01', end_date: '2026-04-01', limit: 500, offset: 0 } },
				],
				paging: 'offset',
			},
		]);
	});

	it('a 503 on the second page: that page is asked again (a read changes nothing), and no address comes twice', async () => {
		seedMarch();
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 503 });
		const result = await unsubscribes({ returnAll: true, filters: MARCH });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.status, request.query.offset])).toEqual([
			[200, '0'],
			[503, '500'],
			[200, '500'],
			[200, '1000'],
		]);
		expect(new Set(result.output.map((item) => item.json.email)).size).toBe(1100);
		expect(result.output).toHaveLength(1100);
		expect(result.output[0].json).not.toHaveProperty('warning');
	});

	it('a 429 is waited out until the reset, then the page is asked again', async () => {
		seedMarch();
		standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 2 });
		const result = await unsubscribes({ limit: 10, filters: MARCH });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([429, 200]);
		expect(virtualTime.waits).toHaveLength(1);
		expect(result.output).toHaveLength(10);
	});

	it('server errors on every try: the error says nothing was read, and carries no key', async () => {
		standIn.queueFaults(...[1, 2, 3].map(() => ({ type: 'serverError', status: 500 })));
		const result = await unsubscribes({ filters: MARCH });
		expect(result.error?.message).toBe(
			'Braze answered with a server error (500): nothing was read',
		);
		expectNoKey({ message: result.error?.message, description: result.error?.description });
		expect(standIn.requests).toHaveLength(3);
	});

	it('403: names the email.unsubscribe permission', async () => {
		await expectPermissionNamed('email.unsubscribe', {
			resource: 'email',
			operation: 'getUnsubscribes',
			filters: MARCH,
		});
	});
});
