import { DirectoryLoader } from 'n8n-core';
import { sleep } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

import { Braze } from '../../../../nodes/Braze/Braze.node';
import { RateLimitGate } from '../../../../nodes/Braze/transport/request/rateLimit';
import { runBrazeNode } from '../../../helpers/engine';
import { emailSend, users } from '../../../helpers/fixtures';
import { API_KEY, standInCredentials, startStandIn, useStandIn } from '../../../helpers/standIn';
import type { BrazeStandIn } from '../../../helpers/standIn';
import { virtualTime } from '../../../helpers/virtualTime';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { holdRefusingPort } = require('../../../support/ports') as {
	holdRefusingPort(): Promise<{ port: number; release(): Promise<void> }>;
};

// The node as n8n loads it: with the Request Options (timeout, batching) it adds to every
// declarative node.
const braze = new Braze();
DirectoryLoader.applyDeclarativeNodeOptionParameters(braze);

const standIn = useStandIn();

const email = emailSend;

interface SendOptions {
	ids?: string[];
	options?: IDataObject;
	requestOptions?: IDataObject;
	items?: IDataObject[];
	onError?: INode['onError'];
	url?: string;
}

async function send({ ids = ['u1'], options, requestOptions, items, onError, url }: SendOptions) {
	return await runBrazeNode({
		nodeType: braze,
		parameters: {
			...email,
			externalUserIds: items ? '={{ $json.ids }}' : ids.join(','),
			...(options ? { options } : {}),
			...(requestOptions ? { requestOptions } : {}),
		} as never,
		items,
		credentials: url
			? { apiKey: API_KEY, instance: 'custom', customUrl: url }
			: standInCredentials(standIn),
		onError,
	});
}

/** A fault-free first request, so that the next queued fault hits request 2. */
const passThrough = { type: 'slow', delayMs: 0 };
const maybeSent = /may or may not have been sent/;

function deliveriesOf(ids: string[]): number[] {
	return ids.map((id) => standIn.deliveries.get(`external:${id}`) ?? 0);
}

function expectNobodyTwice() {
	for (const count of standIn.deliveries.values()) expect(count).toBe(1);
}

describe('Rate limits (429): wait for the reset, then send the same request again', () => {
	it('waits for X-RateLimit-Reset and sends once', async () => {
		standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 1 });
		const result = await send({});
		expect(result.error).toBeUndefined();
		expect(result.output[0].json).toEqual({
			dispatch_id: standIn.requests[1].response.dispatch_id,
			message: 'success',
		});
		expect(standIn.requests.map((request) => request.status)).toEqual([429, 201]);
		// One wait, until the announced reset (at least a second away) and not beyond the next.
		expect(virtualTime.waits).toHaveLength(1);
		expect(virtualTime.waits[0]).toBeGreaterThanOrEqual(1000);
		expect(virtualTime.waits[0]).toBeLessThanOrEqual(2100);
		expect(deliveriesOf(['u1'])).toEqual([1]);
	});

	it('fails at once, saying when the limit resets, when the reset is further than Max Wait on Rate Limit', async () => {
		// More than Max Wait plus the second the reset header's whole seconds may add.
		standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 3 });
		const result = await send({ options: { maxWaitOnRateLimit: 1 } });
		expect(virtualTime.waits).toEqual([]);
		expect(result.error?.message).toBe(
			'Braze rate limit reached (429): nothing was sent for this item',
		);
		expect(String(result.error?.description)).toMatch(
			/The limit resets at \d{4}-\d\d-\d\dT.*, later than Options › Max Wait on Rate Limit \(1 s\) allows/,
		);
		expect(String(result.error?.description)).toMatch(/hourly limit resets on the clock hour/);
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.deliveries.size).toBe(0);
	});

	it('resumes a chunked send at the rate-limited request: every user once', async () => {
		const ids = users(120);
		standIn.queueFaults(passThrough, { type: 'rateLimited', resetInSeconds: 1 });
		const result = await send({ ids });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([201, 429, 201, 201]);
		expect((result.output[0].json.dispatch_ids as string[]).length).toBe(3);
		expect(deliveriesOf(ids)).toEqual(ids.map(() => 1));
	});

	it('paces many items through a small window: all sent once, few or no 429s', async () => {
		standIn.setRateLimit({ limit: 5, windowMs: 1000 });
		const items = users(12).map((id) => ({ ids: [id] }));
		const started = virtualTime.now();
		const result = await send({ items });
		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(12);
		expect(result.output.every((item) => typeof item.json.dispatch_id === 'string')).toBe(true);
		expect(deliveriesOf(users(12))).toEqual(users(12).map(() => 1));
		const limited = standIn.requests.filter((request) => request.status === 429).length;
		expect(limited).toBeLessThanOrEqual(1);
		expect(standIn.requests).toHaveLength(12 + limited);
		// 3 windows of 5: the node held the last items back until two resets had passed.
		expect(virtualTime.now() - started).toBeGreaterThanOrEqual(2000);
	});
});

describe('Failures after the request may have reached Braze: no automatic retry', () => {
	it('5xx: one request, and the error says it may or may not have been sent', async () => {
		standIn.queueFaults({ type: 'serverError', status: 502 });
		const result = await send({});
		expect(result.error?.message).toMatch(maybeSent);
		expect(standIn.requests).toHaveLength(1);
	});

	it('Braze accepted and the answer was lost (timeout): exactly one delivery, no retry', async () => {
		standIn.queueFaults({ type: 'acceptThenSlow', delayMs: 120_000 }); // past any Timeout, however loaded the machine
		const result = await send({ requestOptions: { timeout: 500 } });
		expect(result.error?.message).toBe(
			'No answer from Braze within 0.5 s: the message may or may not have been sent',
		);
		expect(String(result.error?.description)).toMatch(/ECONNABORTED/);
		expect(String(result.error?.description)).toContain(`Braze URL: ${standIn.url}/messages/send`);
		expect(String(result.error?.description)).toMatch(/Check Braze's message activity log/);
		expect(standIn.requests).toHaveLength(1);
		expect(deliveriesOf(['u1'])).toEqual([1]);
	});

	it('Braze accepted and the connection dropped: exactly one delivery, no retry', async () => {
		standIn.queueFaults({ type: 'acceptThenDrop' });
		const result = await send({});
		expect(String(result.error?.description)).toMatch(/ECONNRESET/);
		expect(standIn.requests).toHaveLength(1);
		expect(deliveriesOf(['u1'])).toEqual([1]);
	});

	it('a connection dropped before Braze acted looks the same: reported, not retried', async () => {
		standIn.queueFaults({ type: 'drop' });
		const result = await send({});
		expect(String(result.error?.description)).toMatch(/ECONNRESET/);
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.deliveries.size).toBe(0);
	});

	it('a slow Braze past the timeout: reported, not retried', async () => {
		standIn.queueFaults({ type: 'slow', delayMs: 1500 });
		const result = await send({ requestOptions: { timeout: 500 } });
		expect(String(result.error?.description)).toMatch(/ECONNABORTED/);
		expect(standIn.requests).toHaveLength(1);
	});

	it('a 200 whose answer is cut short is not a success: it may or may not have been sent', async () => {
		standIn.queueFaults({ type: 'malformedJson' });
		const result = await send({});
		expect(result.error?.message).toBe(
			"The answer was not Braze's (HTTP 200, application/json): the message may or may not have been sent",
		);
		expect(result.output).toEqual([]);
		expect(standIn.requests).toHaveLength(1);
	});

	it('names request k of n and its recipients, keeps requests 1…k−1, lists who was not sent', async () => {
		const ids = users(130);
		standIn.queueFaults(passThrough, { type: 'serverError', status: 503 });
		const result = await send({ ids });
		expect(result.error?.message).toBe(
			'Braze answered with a server error (503) on request 2 of 3: its 50 recipients may or may not have been sent the message',
		);
		const description = String(result.error?.description);
		expect(description).toContain(
			`Sent: request 1 of 3 (50 recipients; dispatch_ids ${String(standIn.requests[0].response.dispatch_id)}).`,
		);
		expect(description).toContain(
			`May or may not have been sent: request 2 (50 recipients: ${ids.slice(50, 100).join(', ')}).`,
		);
		expect(description).toContain(
			`Not sent: request 3 (30 recipients: ${ids.slice(100).join(', ')}).`,
		);
		expect(result.error?.httpCode).toBe('503');
		expect(standIn.requests).toHaveLength(2);
		expect(deliveriesOf(ids)).toEqual([
			...ids.slice(0, 50).map(() => 1),
			...ids.slice(50).map(() => 0),
		]);
	});

	it('Continue On Fail: one item per input item; the failed one lists who was and was not sent', async () => {
		const items = [{ ids: users(120, 'a') }, { ids: ['b0'] }];
		standIn.queueFaults(passThrough, { type: 'acceptThenDrop' });
		// Batching spaces the items out, so that the fault surely hits the first item's request 2.
		const result = await send({
			items,
			onError: 'continueRegularOutput',
			requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 500 } } },
		});
		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(2);
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const failed = result.output[0].json;
		expect(failed.error).toMatch(
			/on request 2 of 3: its 50 recipients may or may not have been sent/,
		);
		const details = failed.details as IDataObject;
		expect(details.requests).toEqual([
			{
				request: 1,
				external_user_ids: users(120, 'a').slice(0, 50),
				dispatch_id: expect.any(String),
			},
		]);
		expect(details.may_have_been_sent).toEqual({
			request: 2,
			external_user_ids: users(120, 'a').slice(50, 100),
		});
		expect(details.not_sent).toEqual({ external_user_ids: users(120, 'a').slice(100) });
		expect(result.output[1].json.dispatch_id).toBeTruthy();
		// The item whose answer was lost reached Braze once; nobody twice, nobody unreported.
		expectNobodyTwice();
		expect(standIn.deliveries.size).toBe(101);
	});

	it('Continue On Fail (error output): the partial failure goes to the error output', async () => {
		standIn.queueFaults(passThrough, { type: 'serverError', status: 500 });
		const result = await send({ ids: users(60), onError: 'continueErrorOutput' });
		expect(result.output).toHaveLength(0);
		expect(result.errorOutput).toHaveLength(1);
		expect(result.errorOutput[0].json.error).toMatch(/request 2 of 2/);
		expect((result.errorOutput[0].json.details as IDataObject).not_sent).toEqual({});
	});

	it('a request refused on k of n (rate limit too long): it and the later ones are listed as not sent', async () => {
		const ids = users(120);
		standIn.queueFaults(passThrough, { type: 'rateLimited', resetInSeconds: 120 });
		const result = await send({ ids });
		expect(result.error?.message).toBe(
			"Braze rate limit reached (429) on request 2 of 3: 70 of the item's 120 recipients were not sent the message",
		);
		const description = String(result.error?.description);
		expect(description).toContain(
			`Not sent: requests 2–3 (70 recipients: ${ids.slice(50).join(', ')}).`,
		);
		expect(description).not.toMatch(/May or may not/);
		expect(description).toMatch(/The limit resets at/);
		expect(result.error?.httpCode).toBe('429');
		expect(standIn.requests).toHaveLength(2);
		expect(deliveriesOf(ids)).toEqual([
			...ids.slice(0, 50).map(() => 1),
			...ids.slice(50).map(() => 0),
		]);
	});
});

describe('Retry Server Errors never sends a message twice: it does not apply to Send', () => {
	it('a 503 is reported, not sent again, with the option on', async () => {
		standIn.queueFaults({ type: 'serverError', status: 503 });
		const result = await send({ options: { retryServerErrors: true } });
		expect(result.error?.message).toBe(
			'Braze answered with a server error (503): the message may or may not have been sent',
		);
		expect(standIn.requests.map((request) => request.status)).toEqual([503]);
		expect(virtualTime.waits).toEqual([]);
	});

	it('an answer lost after Braze accepted is reported: one delivery, and the item fails', async () => {
		standIn.queueFaults({ type: 'acceptThenSlow', delayMs: 120_000 }); // past any Timeout, however loaded the machine
		const result = await send({
			options: { retryServerErrors: true },
			requestOptions: { timeout: 500 },
		});
		expect(result.error?.message).toMatch(maybeSent);
		expect(standIn.requests).toHaveLength(1);
		expect(deliveriesOf(['u1'])).toEqual([1]);
	});

	it('a dropped connection is reported, not sent again', async () => {
		standIn.queueFaults({ type: 'drop' });
		const result = await send({ options: { retryServerErrors: true } });
		expect(result.error?.message).toMatch(maybeSent);
		expect(standIn.requests).toHaveLength(1);
	});
});

describe('Failures before anything reached Braze: retried with backoff', () => {
	it('a refused connection is retried, and the send goes through once Braze is back', async () => {
		// Nothing listens on the port, and no other socket can take it, until Braze comes back.
		const held = await holdRefusingPort();
		let revived: BrazeStandIn | undefined;
		virtualTime.duringNextWait(async () => {
			revived = await startStandIn({ port: held.port });
		});
		try {
			const result = await send({ url: `http://127.0.0.1:${held.port}` });
			expect(result.error).toBeUndefined();
			expect(result.output[0].json.dispatch_id).toBeTruthy();
			expect(virtualTime.waits).toEqual([500]);
			expect(revived?.requests).toHaveLength(1);
			expect(revived?.deliveries.get('external:u1')).toBe(1);
		} finally {
			await revived?.close();
			await held.release();
		}
	});

	it('gives up after four tries with a clear error', async () => {
		const result = await send({ url: 'http://127.0.0.1:1' });
		expect(virtualTime.waits).toEqual([500, 1000, 2000]);
		expect(result.error?.message).toBe('Could not reach Braze: nothing was sent');
		expect(String(result.error?.description)).toMatch(
			/Braze URL: http:\/\/127.0.0.1:1\/messages\/send.*ECONNREFUSED.*did not reach Braze.*tried 4 times/,
		);
	});
});

describe('The rate-limit gate', () => {
	/** Lets every pending promise chain run: one turn of the event loop (a 0 ms timer). */
	const settle = async () => await sleep(0);
	const limited = (resetInMs: number) => ({
		limit: 10,
		remaining: 0,
		resetAtMs: virtualTime.now() + resetInMs,
	});

	it('stops waiting when the execution is cancelled', async () => {
		const gate = new RateLimitGate();
		expect(await gate.acquire(60_000, undefined)).toEqual({ go: true });
		gate.release(limited(30_000), 429);
		const controller = new AbortController();
		const started = virtualTime.now();
		virtualTime.duringNextWait(() => controller.abort());
		expect(await gate.acquire(60_000, controller.signal)).toEqual({ go: false, cancelled: true });
		// It waited for the reset, and stopped within that wait, not after it.
		expect(virtualTime.waits).toEqual([30_050]);
		expect(virtualTime.now()).toBe(started);
	});

	it('refuses at once a wait longer than allowed, naming the reset', async () => {
		const gate = new RateLimitGate();
		await gate.acquire(60_000, undefined);
		const info = limited(30_000);
		gate.release(info, 429);
		const result = await gate.acquire(1000, undefined);
		expect(result).toEqual({ go: false, resetAt: new Date(info.resetAtMs) });
	});

	it('lets one request go first, then as many as the window has left', async () => {
		const gate = new RateLimitGate();
		await gate.acquire(60_000, undefined);
		let second = false;
		const waiting = gate.acquire(60_000, undefined).then(() => (second = true));
		await settle();
		expect(second).toBe(false); // the first answer is not in yet
		gate.release({ limit: 10, remaining: 9, resetAtMs: virtualTime.now() + 60_000 }, 201);
		await waiting;
		expect(second).toBe(true);
	});
});
