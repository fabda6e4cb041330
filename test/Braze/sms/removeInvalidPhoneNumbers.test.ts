import type { IDataObject } from 'n8n-workflow';

import { expectPermissionNamed } from '../../helpers/limitedKey';
import { useStandIn } from '../../helpers/standIn';
import { LIST_KEYS, expectNoKey, invalidPhoneRecords, runOperation, seed } from '../email/lists';

const standIn = useStandIn();

async function remove(parameters: IDataObject, items: IDataObject[] = [{}]) {
	return await runOperation(standIn, 'sms', 'removeInvalidPhoneNumbers', parameters, {
		items,
		onError: 'continueErrorOutput',
	});
}

describe('SMS › Remove Invalid Phone Numbers', () => {
	it('120 items share 3 requests of 50, 50 and 20 numbers, sent as +E.164; one output per item', async () => {
		const items = Array.from({ length: 120 }, (_, i) => ({
			phone: `1 415 555 ${String(i).padStart(4, '0')}`,
		}));
		const result = await remove({ phoneNumbers: '=+{{ $json.phone }}' }, items);
		expect(result.errorOutput).toHaveLength(0);
		expect(
			standIn.requests.map((request) => [
				request.path,
				(request.body?.phone_numbers as unknown[]).length,
			]),
		).toEqual([
			['/sms/invalid_phone_numbers/remove', 50],
			['/sms/invalid_phone_numbers/remove', 50],
			['/sms/invalid_phone_numbers/remove', 20],
		]);
		expect((standIn.requests[0].body?.phone_numbers as string[])[0]).toBe('+14155550000');
		expect(result.output[0].json).toEqual({
			message: 'success',
			phone_numbers: ['+14155550000'],
			request: { number: 1, of: 3, items: 50 },
		});
		expectNoKey(result.output);
	});

	it('takes the numbers off the invalid list: Get Many no longer lists them', async () => {
		seed(standIn, LIST_KEYS.invalidPhones, invalidPhoneRecords(3, '2026-03-01T00:00:00Z'));
		await remove({ phoneNumbers: '={{ ["+14155550000", "+14155550002"] }}' });
		const left = await runOperation(standIn, 'sms', 'getInvalidPhoneNumbers', {
			returnAll: true,
			filters: { startDate: '2026-03-01' },
		});
		expect(left.output.map((item) => item.json.phone)).toEqual(['+14155550001']);
	});

	it.each([
		[
			{ phoneNumbers: '4155550000' },
			'Phone Numbers: "4155550000" is not a phone number in E.164 form',
		],
		[{ phoneNumbers: '={{ [14155550000] }}' }, 'Phone Numbers: entry 1 is 14155550000, not text'],
		[{ phoneNumbers: ' ' }, 'Phone Numbers is empty'],
	])('refuses %# before any request', async (parameters, message) => {
		const result = await remove(parameters);
		expect(result.errorOutput.map((item) => item.json.error)).toEqual([message]);
		expect(standIn.requests).toHaveLength(0);
	});

	it('403: names the sms.invalid_phone_numbers.remove permission', async () => {
		await expectPermissionNamed('sms.invalid_phone_numbers.remove', {
			resource: 'sms',
			operation: 'removeInvalidPhoneNumbers',
			phoneNumbers: '+14155550000',
		});
	});
});
