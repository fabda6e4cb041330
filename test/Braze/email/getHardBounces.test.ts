import { expectPermissionNamed } from '../../helpers/limitedKey';
import { useStandIn } from '../../helpers/standIn';
import { LIST_KEYS, hardBounceRecords, queries, runOperation, seed } from './lists';

const standIn = useStandIn();

const MARCH = { startDate: '2026-03-01', endDate: '2026-04-01' };

async function hardBounces(parameters: Record<string, unknown>) {
	return await runOperation(standIn, 'email', 'getHardBounces', parameters as never);
}

describe('Email › Get Many Hard Bounces', () => {
	beforeEach(() =>
		seed(standIn, LIST_KEYS.hardBounces, hardBounceRecords(1200, '2026-03-01T00:00:00Z')),
	);

	it("Return All: GET /email/hard_bounces through 3 pages of up to 500; Braze's times as given", async () => {
		const result = await hardBounces({ returnAll: true, filters: MARCH });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.path)).toEqual(
			Array(3).fill('/email/hard_bounces'),
		);
		expect(queries(standIn).map((query) => [query.limit, query.offset])).toEqual([
			['500', '0'],
			['500', '500'],
			['500', '1000'],
		]);
		expect(result.output).toHaveLength(1200);
		expect(result.output[0].json).toEqual({
			email: 'bounce-01200@example.com',
			hard_bounced_at: '2026-03-25 23:30:00 +0000',
		});
		expect(new Set(result.output.map((item) => item.json.email)).size).toBe(1200);
	});

	it('Limit 501: a full page, then one more record from offset 500', async () => {
		const result = await hardBounces({ limit: 501, filters: MARCH });
		expect(queries(standIn).map((query) => [query.limit, query.offset])).toEqual([
			['500', '0'],
			['1', '500'],
		]);
		expect(result.output).toHaveLength(501);
	});

	it('Email looks one address up without limit and offset; an address not on the list gives no item', async () => {
		const found = await hardBounces({ filters: { email: 'bounce-00002@example.com' } });
		expect(found.output.map((item) => item.json.email)).toEqual(['bounce-00002@example.com']);
		const missing = await hardBounces({ filters: { email: 'fine@example.com' } });
		expect(missing.error).toBeUndefined();
		expect(missing.output).toEqual([]);
		expect(queries(standIn).map((query) => Object.keys(query).sort())).toEqual([
			['email', 'end_date'],
			['email', 'end_date'],
		]);
	});

	it('an empty range gives no item', async () => {
		const result = await hardBounces({
			returnAll: true,
			filters: { startDate: '2026-05-01', endDate: '2026-05-02' },
		});
		expect(result.output).toEqual([]);
		expect(standIn.requests).toHaveLength(1);
	});

	it('refuses a range without a start, before any request', async () => {
		const result = await hardBounces({ filters: { endDate: '2026-04-01' } });
		expect(result.error?.message).toBe(
			'Filters › Start Date is empty: Braze lists hard bounces between two dates, or looks up Email',
		);
		expect(standIn.requests).toHaveLength(0);
	});

	it('403: names the email.hard_bounces permission', async () => {
		await expectPermissionNamed('email.hard_bounces', {
			resource: 'email',
			operation: 'getHardBounces',
			filters: MARCH,
		});
	});
});
