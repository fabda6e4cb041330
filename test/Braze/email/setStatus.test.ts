import type { IDataObject } from 'n8n-workflow';

import { expectPermissionNamed } from '../../helpers/limitedKey';
import { useStandIn } from '../../helpers/standIn';
import type { RunOptions } from '../../helpers/engine';
import { LIST_KEYS, expectNoKey, runOperation, seed } from './lists';

const standIn = useStandIn();

async function setStatus(
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	extra: Partial<Omit<RunOptions, 'parameters' | 'credentials' | 'items'>> = {},
) {
	return await runOperation(standIn, 'email', 'setStatus', parameters, {
		items,
		onError: 'continueErrorOutput',
		...extra,
	});
}

const address = (i: number) => `crm-${String(i).padStart(3, '0')}@example.com`;

/** The unsubscribed addresses, as Email › Get Many Unsubscribes reads them back. */
async function unsubscribed(): Promise<unknown[]> {
	const before = standIn.requests.length;
	const result = await runOperation(standIn, 'email', 'getUnsubscribes', {
		returnAll: true,
		filters: { startDate: '2000-01-01' },
	});
	standIn.requests.splice(before);
	return result.output.map((item) => item.json.email).sort();
}

describe('Email › Set Subscription Status', () => {
	it('120 one-address items share 3 requests of 50, 50 and 20; each item gets its own output', async () => {
		const items = Array.from({ length: 120 }, (_, i) => ({ email: address(i) }));
		const result = await setStatus({ emails: '={{ $json.email }}' }, items);
		expect(result.errorOutput).toHaveLength(0);
		expect(
			standIn.requests.map((request) => [request.path, (request.body?.email as unknown[]).length]),
		).toEqual([
			['/email/status', 50],
			['/email/status', 50],
			['/email/status', 20],
		]);
		expect(standIn.requests[0].body).toEqual({
			subscription_state: 'unsubscribed',
			email: items.slice(0, 50).map((item) => item.email),
		});
		expect(result.output).toHaveLength(120);
		expect(result.output[119].json).toEqual({
			message: 'success',
			email: [address(119)],
			request: { number: 3, of: 3, items: 20, recipients: 20 },
		});
		expect(result.output.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			items.map((_, i) => i),
		);
		expect(await unsubscribed()).toHaveLength(120);
		expectNoKey(result.output);
	});

	it('items share only with items of the same state: one request per state, in item order', async () => {
		seed(standIn, LIST_KEYS.unsubscribes, [
			{ email: 'back@example.com', unsubscribed_at: '2026-03-01T00:00:00Z' },
		]);
		const items = [
			{ email: 'a@example.com', state: 'unsubscribed' },
			{ email: 'back@example.com', state: 'subscribed' },
			{ email: 'b@example.com; c@example.com', state: 'unsubscribed' },
			{ email: ['d@example.com'], state: 'opted_in' },
		];
		const result = await setStatus(
			{ emails: '={{ $json.email }}', subscriptionState: '={{ $json.state }}' },
			items,
		);
		expect(result.errorOutput).toHaveLength(0);
		expect(standIn.requests.map((request) => request.body)).toEqual([
			{
				subscription_state: 'unsubscribed',
				email: ['a@example.com', 'b@example.com', 'c@example.com'],
			},
			{ subscription_state: 'subscribed', email: ['back@example.com'] },
			{ subscription_state: 'opted_in', email: ['d@example.com'] },
		]);
		expect(result.output.map((item) => item.json.email)).toEqual([
			['a@example.com'],
			['back@example.com'],
			['b@example.com', 'c@example.com'],
			['d@example.com'],
		]);
		expect(await unsubscribed()).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
	});

	it('version 2 Simplify leaves the request bookkeeping out', async () => {
		const result = await setStatus({ emails: 'lin@example.com' }, [{}], { typeVersion: 2 });
		expect(result.output[0].json).toEqual({ message: 'success', email: ['lin@example.com'] });
	});

	it('a malformed address fails its own item before anything is sent for it; the others go out', async () => {
		const result = await setStatus({ emails: '={{ $json.email }}' }, [
			{ email: 'ok@example.com' },
			{ email: 'ok@example.com, not-an-address' },
		]);
		expect(result.errorOutput.map((item) => item.json.error)).toEqual([
			'Emails: "not-an-address" is not an email address',
		]);
		expect(standIn.requests.map((request) => request.body?.email)).toEqual([['ok@example.com']]);
	});

	it.each([
		[{ emails: '={{ "" }}' }, 'Emails is empty'],
		[{ emails: '={{ [{ email: "x@example.com" }] }}' }, 'Emails: entry 1 is an object, not text'],
		[
			{ emails: Array.from({ length: 51 }, (_, i) => address(i)).join(',') },
			'Emails holds 51 entries',
		],
		[
			{ emails: 'a@example.com', subscriptionState: '={{ "gone" }}' },
			'Subscription State must be Opted In, Subscribed or Unsubscribed, but it is "gone"',
		],
	])('refuses %# before any request', async (parameters, message) => {
		const result = await setStatus(parameters);
		expect(result.errorOutput.map((item) => item.json.error)).toEqual([message]);
		expect(standIn.requests).toHaveLength(0);
	});

	it('a 500 is not sent again by default: the error says the state may or may not have been set, and that running again is safe', async () => {
		standIn.queueFaults({ type: 'serverError', status: 500 });
		const result = await setStatus({ emails: 'lin@example.com' }, [{}], { onError: undefined });
		expect(result.error?.message).toMatch(/may or may not have been set/);
		expect(String(result.error?.description)).toMatch(/Running the item again is safe/);
		expect(standIn.requests).toHaveLength(1);
		expectNoKey({ message: result.error?.message, description: result.error?.description });
	});

	it('with Retry Server Errors, a 503 is sent again, and the output says so', async () => {
		standIn.queueFaults({ type: 'serverError', status: 503 });
		const result = await setStatus({
			emails: 'lin@example.com',
			options: { retryServerErrors: true },
		});
		expect(standIn.requests.map((request) => request.status)).toEqual([503, 201]);
		expect(result.output[0].json.resent_after_unclear_answer).toBe(true);
		expect(String(result.output[0].json.warning)).toMatch(
			/The email subscription change was sent again after an unclear answer/,
		);
	});

	it('a 429 is waited out, then the shared request goes out once', async () => {
		standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 1 });
		const result = await setStatus({ emails: '={{ $json.e }}' }, [
			{ e: 'a@example.com' },
			{ e: 'b@example.com' },
		]);
		expect(standIn.requests.map((request) => request.status)).toEqual([429, 201]);
		expect(result.output).toHaveLength(2);
	});

	it('403: names the email.status permission', async () => {
		await expectPermissionNamed('email.status', {
			resource: 'email',
			operation: 'setStatus',
			emails: 'lin@example.com',
		});
	});
});
