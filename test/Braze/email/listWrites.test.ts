import type { IDataObject } from 'n8n-workflow';

import { expectPermissionNamed } from '../../helpers/limitedKey';
import { useStandIn } from '../../helpers/standIn';
import { LIST_KEYS, expectNoKey, hardBounceRecords, runOperation, seed } from './lists';

const standIn = useStandIn();

async function write(operation: string, parameters: IDataObject, items: IDataObject[] = [{}]) {
	return await runOperation(standIn, 'email', operation, parameters, {
		items,
		onError: 'continueErrorOutput',
	});
}

/** What Email › Get Many `operation` reads back from the stand-in (not counted as requests). */
async function readBack(operation: string): Promise<unknown[]> {
	const before = standIn.requests.length;
	const result = await runOperation(standIn, 'email', operation, {
		returnAll: true,
		filters: { startDate: '2000-01-01' },
	});
	standIn.requests.splice(before);
	return result.output.map((item) => item.json.email).sort();
}

describe.each([
	['Remove Hard Bounces', 'removeHardBounces', '/email/bounce/remove', 'email.bounce.remove'],
	['Remove Spam', 'removeSpam', '/email/spam/remove', 'email.spam.remove'],
	['Blocklist', 'blocklist', '/email/blocklist', 'email.blacklist'],
])('Email › %s', (_name, operation, path, permission) => {
	it(`120 items share 3 requests to ${path} of 50, 50 and 20 addresses; one output per item`, async () => {
		const items = Array.from({ length: 120 }, (_, i) => ({ email: `c${i}@example.com` }));
		const result = await write(operation, { emails: '={{ $json.email }}' }, items);
		expect(result.errorOutput).toHaveLength(0);
		expect(
			standIn.requests.map((request) => [request.path, (request.body?.email as unknown[]).length]),
		).toEqual([
			[path, 50],
			[path, 50],
			[path, 20],
		]);
		expect(standIn.requests.map((request) => Object.keys(request.body ?? {}))).toEqual([
			['email'],
			['email'],
			['email'],
		]);
		expect(result.output[50].json).toEqual({
			message: 'success',
			email: ['c50@example.com'],
			request: { number: 2, of: 3, items: 50 },
		});
		expectNoKey(result.output);
	});

	it('refuses a malformed address before any request, naming the field and the fix', async () => {
		const result = await runOperation(standIn, 'email', operation, { emails: 'lin@example' });
		expect(result.error?.message).toBe('Emails: "lin@example" is not an email address');
		expect(String(result.error?.description)).toMatch(/such as lin@example.com/);
		expect(standIn.requests).toHaveLength(0);
	});

	it(`403: names the ${permission} permission`, async () => {
		await expectPermissionNamed(permission, {
			resource: 'email',
			operation,
			emails: 'a@example.com',
		});
	});
});

describe('what the list writes do in Braze (the stand-in keeps the lists)', () => {
	it('Remove Hard Bounces takes the addresses off the hard bounce list', async () => {
		seed(standIn, LIST_KEYS.hardBounces, hardBounceRecords(3, '2026-03-01T00:00:00Z'));
		await write('removeHardBounces', {
			emails: 'bounce-00001@example.com, BOUNCE-00003@example.com',
		});
		expect(await readBack('getHardBounces')).toEqual(['bounce-00002@example.com']);
	});

	it('Remove Spam takes the addresses off the spam list', async () => {
		seed(standIn, LIST_KEYS.spam, [{ email: 'spam@example.com', spam_at: '2026-03-01T00:00:00Z' }]);
		const result = await write('removeSpam', { emails: 'spam@example.com' });
		expect(standIn.requests.map((request) => [request.status, request.body])).toEqual([
			[201, { email: ['spam@example.com'] }],
		]);
		expect(result.output[0].json.message).toBe('success');
	});

	it('Blocklist unsubscribes the addresses and marks them hard-bounced', async () => {
		await write('blocklist', { emails: '={{ ["trap@example.com", "gone@example.com"] }}' });
		expect(await readBack('getUnsubscribes')).toEqual(['gone@example.com', 'trap@example.com']);
		expect(await readBack('getHardBounces')).toEqual(['gone@example.com', 'trap@example.com']);
	});
});
