import type { IDataObject } from 'n8n-workflow';

import { expectPermissionNamed } from '../../helpers/limitedKey';
import { useStandIn } from '../../helpers/standIn';
import { virtualTime } from '../../helpers/virtualTime';
import {
	LIST_KEYS,
	expectNoKey,
	invalidPhoneRecords,
	queries,
	runOperation,
	seed,
} from '../email/lists';

const standIn = useStandIn();

const MARCH = { startDate: '2026-03-01', endDate: '2026-04-01' };

async function invalid(parameters: IDataObject) {
	return await runOperation(standIn, 'sms', 'getInvalidPhoneNumbers', parameters);
}

describe('SMS › Get Many Invalid Phone Numbers', () => {
	beforeEach(() =>
		seed(standIn, LIST_KEYS.invalidPhones, invalidPhoneRecords(1100, '2026-03-01T00:00:00Z')),
	);

	it('Return All: GET /sms/invalid_phone_numbers through 3 pages of up to 500, newest first, one item per number', async () => {
		const result = await invalid({ returnAll: true, filters: MARCH });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.path)).toEqual(
			Array(3).fill('/sms/invalid_phone_numbers'),
		);
		expect(queries(standIn)).toEqual(
			[0, 500, 1000].map((offset) => ({
				...{ start_date: '2026-03-01', end_date: '2026-04-01' },
				limit: '500',
				offset: String(offset),
			})),
		);
		expect(result.output).toHaveLength(1100);
		expect(result.output[0].json).toEqual({
			phone: '+14155551099',
			invalid_detected_at: '2026-03-23T21:30:00Z',
			reason: 'deactivated',
		});
		expect(new Set(result.output.map((item) => item.json.phone)).size).toBe(1100);
		expectNoKey(result.output);
	});

	it('Limit 600 across a page with Reason › Deactivated: reason is sent, 500 then 50 of the 550 deactivated', async () => {
		const result = await invalid({ limit: 600, filters: { ...MARCH, reason: 'deactivated' } });
		expect(queries(standIn).map((query) => [query.reason, query.limit, query.offset])).toEqual([
			['deactivated', '500', '0'],
			['deactivated', '100', '500'],
		]);
		expect(result.output).toHaveLength(550);
		expect(result.output.every((item) => item.json.reason === 'deactivated')).toBe(true);
	});

	it('Phone Numbers looks numbers up: phone_numbers[]=… once per number, E.164, without limit and offset; the dates are not needed', async () => {
		const result = await invalid({
			returnAll: true,
			filters: { phoneNumbers: '+1 415 555 0001, +1 (415) 555-0002; +4915112345678' },
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(Object.keys(standIn.requests[0].query).sort()).toEqual(['end_date', 'phone_numbers[]']);
		// The stand-in reads every phone_numbers[] value: both invalid ones come back.
		expect(result.output.map((item) => item.json.phone)).toEqual(['+14155550002', '+14155550001']);
	});

	it('an empty range gives no item', async () => {
		const result = await invalid({
			returnAll: true,
			filters: { startDate: '2026-06-01', endDate: '2026-06-02' },
		});
		expect(result.output).toEqual([]);
		expect(standIn.requests).toHaveLength(1);
	});

	describe('refuses before any request', () => {
		it.each([
			[
				'no Start Date and no Phone Numbers',
				{ filters: { reason: 'provider_error' } },
				'Filters › Start Date is empty: Braze lists invalid phone numbers between two dates, or looks up Phone Numbers',
			],
			[
				'a number that is not E.164',
				{ filters: { phoneNumbers: '+14155550001, 0611 222 333' } },
				'Filters › Phone Numbers: "0611 222 333" is not a phone number in E.164 form',
			],
			[
				'more than 100 numbers to look up',
				{
					filters: {
						phoneNumbers: Array.from(
							{ length: 101 },
							(_, i) => `+1415555${String(i).padStart(4, '0')}`,
						).join(','),
					},
				},
				'Filters › Phone Numbers holds 101 entries',
			],
			[
				'Start Date after End Date',
				{ filters: { startDate: '2026-03-02', endDate: '2026-03-01' } },
				'Filters › Start Date (2026-03-02) is not before End Date (2026-03-01)',
			],
			[
				'a Reason from an expression that is neither',
				{ filters: { ...MARCH, reason: '={{ "bounced" }}' } },
				'Filters › Reason must be Provider Error or Deactivated, but it is "bounced"',
			],
			[
				'Limit -1',
				{ limit: -1, filters: MARCH },
				'Limit must be a whole number of 1 or more, but it is -1',
			],
		])('%s', async (_case, parameters, message) => {
			const result = await invalid(parameters);
			expect(result.error?.message).toBe(message);
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it('a 502 is asked again; a 429 is waited out', async () => {
		standIn.queueFaults(
			{ type: 'serverError', status: 502 },
			{ type: 'rateLimited', resetInSeconds: 1 },
		);
		const result = await invalid({ limit: 5, filters: MARCH });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([502, 429, 200]);
		expect(virtualTime.waits.length).toBeGreaterThanOrEqual(2);
		expect(result.output).toHaveLength(5);
	});

	it('403: names the sms.invalid_phone_numbers permission', async () => {
		await expectPermissionNamed('sms.invalid_phone_numbers', {
			resource: 'sms',
			operation: 'getInvalidPhoneNumbers',
			filters: MARCH,
		});
	});
});
