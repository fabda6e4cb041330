import { DirectoryLoader } from 'n8n-core';
import type { IDataObject, INode } from 'n8n-workflow';

import { Braze } from '../../../nodes/Braze/Braze.node';
import { ALREADY_SENT_WARNING } from '../../../nodes/Braze/transport/executor';
import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { emailSend } from '../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

/**
 * No send twice through n8n's own machinery: Stop on Error across items, the node setting
 * Retry On Fail, a rejected key, timeouts, and Request Options › Batching.
 */
const standIn = useStandIn();
const REVOKED = ['revoked', 'key'].join('-');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { collectUnhandledRejections } = require('../../support/process') as {
	collectUnhandledRejections<T>(fn: () => Promise<T>): Promise<{ result: T; unhandled: unknown[] }>;
};

// The node as n8n loads it, with Request Options (batching, timeout).
const braze = new Braze();
DirectoryLoader.applyDeclarativeNodeOptionParameters(braze);

const ids = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ id: `u${index + 1}` }));

async function send(
	items: IDataObject[],
	extra: {
		onError?: INode['onError'];
		settings?: RunOptions['settings'];
		parameters?: IDataObject;
		key?: string;
	} = {},
) {
	return await runBrazeNode({
		nodeType: braze,
		parameters: { ...emailSend, externalUserIds: '={{ $json.id }}', ...extra.parameters } as never,
		items,
		credentials: standInCredentials(standIn, extra.key),
		...(extra.onError ? { onError: extra.onError } : {}),
		...(extra.settings ? { settings: extra.settings } : {}),
	});
}

const deliveries = (count: number) =>
	ids(count).map(({ id }) => standIn.deliveries.get(`external:${id}`) ?? 0);

/** A fault-free first request: it goes out alone, before the others. */
const passThrough = { type: 'slow', delayMs: 0 };

describe('Stop on Error across items', () => {
	it('the error names every item of the run already sent, with its dispatch_id', async () => {
		standIn.queueFaults(passThrough, { type: 'serverError', status: 503 });
		const result = await send(ids(3));
		expect(result.error?.message).toMatch(/may or may not have been sent/);
		const sentUsers = ids(3).filter((_, index) => deliveries(3)[index] === 1);
		expect(sentUsers.length).toBeGreaterThanOrEqual(1);
		const description = String(result.error?.description);
		expect(description).toMatch(/Already sent in this run, so do not send them again/);
		const listed = (result.error?.context as IDataObject).sent_items as IDataObject[];
		// Exactly the items Braze accepted, each with the dispatch_id Braze gave it.
		const accepted = standIn.accepted().map((request) => ({
			item: Number(String((request.body?.external_user_ids as string[])[0]).slice(1)) - 1,
			dispatch_ids: [request.response.dispatch_id],
		}));
		expect(listed).toEqual(accepted.sort((a, b) => a.item - b.item));
		for (const entry of accepted) {
			expect(description).toContain(
				`item ${entry.item} (dispatch_id ${String(entry.dispatch_ids[0])})`,
			);
		}
		expect(deliveries(3).every((count) => count <= 1)).toBe(true);
	});

	it('items not sent yet when one fails are not sent', async () => {
		// The first request fails; the others are still waiting for its answer at the gate.
		standIn.queueFaults({ type: 'redirect', status: 307, location: 'http://127.0.0.2:9/' });
		const result = await send(ids(5));
		expect(result.error).toBeDefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.deliveries.size).toBe(0);
	});
});

describe("n8n's Retry On Fail", () => {
	const retry = { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 };

	it('never sends a confirmed item again, and never resends one that may have been sent', async () => {
		standIn.queueFaults(passThrough, { type: 'serverError', status: 503 });
		const result = await send(ids(3), { settings: retry });
		expect(deliveries(3).every((count) => count <= 1)).toBe(true);
		// 3 requests in the first try; the retries send nothing new.
		expect(standIn.requests).toHaveLength(3);
		expect(result.error?.message).toMatch(
			/may or may not have been sent by an earlier try of this node: it is not sent again|may or may not have been sent/,
		);
	});

	it('sends on a retry only what was not sent, and marks what was sent before', async () => {
		// Request 2 is refused before Braze acts (a redirect): nothing was sent for it.
		standIn.queueFaults(passThrough, {
			type: 'redirect',
			status: 307,
			location: 'http://127.0.0.2:9/',
		});
		const result = await send(ids(3), { settings: retry });
		expect(result.error).toBeUndefined();
		expect(deliveries(3)).toEqual([1, 1, 1]);
		expect(result.output).toHaveLength(3);
		expect(result.output.every((item) => typeof item.json.dispatch_id === 'string')).toBe(true);
		const warned = result.output.filter((item) => item.json.warning === ALREADY_SENT_WARNING);
		expect(warned.length).toBeGreaterThanOrEqual(1);
	});

	it('with Continue On Fail, a retry triggered by an error item resends nothing confirmed', async () => {
		standIn.queueFaults(passThrough, { type: 'serverError', status: 500 });
		const result = await send(ids(4), { settings: retry, onError: 'continueRegularOutput' });
		expect(deliveries(4).every((count) => count <= 1)).toBe(true);
		const warned = result.output.filter((item) => item.json.warning === ALREADY_SENT_WARNING);
		const errored = result.output.filter((item) => item.json.error !== undefined);
		expect(errored).toHaveLength(1);
		expect(warned.length + errored.length).toBeLessThanOrEqual(4);
		expect(standIn.requests).toHaveLength(4);
	});
});

describe('A rejected key stops the run', () => {
	it('401: one request, then every other item fails without a request', async () => {
		const result = await send(ids(40), { key: REVOKED });
		expect(standIn.requests).toHaveLength(1);
		expect(result.error?.message).toMatch(/rejected the API key/);
	});

	it('401 with Continue On Fail: one error item per item, one request', async () => {
		const result = await send(ids(40), { key: REVOKED, onError: 'continueRegularOutput' });
		expect(standIn.requests).toHaveLength(1);
		expect(result.output).toHaveLength(40);
		expect(result.output.every((item) => item.json.error !== undefined)).toBe(true);
		expect(result.output.slice(1).map((item) => item.json.error)).toEqual(
			Array(39).fill(
				expect.stringMatching(
					/^Not sent: Braze rejected the API key or its permission on item \d+ of this run$/,
				),
			),
		);
	});

	it('403 (a missing permission) stops the run the same way', async () => {
		const result = await send(ids(10), { key: 'no-send-key', onError: 'continueRegularOutput' });
		expect(standIn.requests).toHaveLength(1);
		expect(result.output).toHaveLength(10);
	});
});

describe('Timeout', () => {
	it('Options › Timeout: no answer in time is a "may or may not have been sent", not retried', async () => {
		standIn.queueFaults({ type: 'slow', delayMs: 5000 });
		const result = await send(ids(1), { parameters: { options: { timeout: 0.1 } } });
		expect(result.error?.message).toBe(
			'No answer from Braze within 0.1 s: the message may or may not have been sent',
		);
		expect(standIn.requests).toHaveLength(1);
	});

	it('has a documented default of 30 s', () => {
		const options = braze.description.properties.find((property) => property.name === 'options');
		const timeout = (options?.options as unknown as IDataObject[]).find(
			(option) => option.name === 'timeout',
		);
		expect(timeout?.default).toBe(30);
		expect(String(timeout?.description)).toMatch(/default 30/);
	});
});

describe('One wording for every ambiguous outcome, in fields of our own', () => {
	it.each([
		['a 503', { type: 'serverError', status: 503 }],
		['a dropped connection', { type: 'acceptThenDrop' }],
		['an unreadable answer', { type: 'malformedJson' }],
		['an HTML answer', { type: 'notBraze' }],
	])('%s says the message may or may not have been sent', async (_name, fault) => {
		standIn.queueFaults(fault);
		const result = await send(ids(1), { onError: 'continueRegularOutput' });
		expect(result.output).toHaveLength(1);
		expect(String(result.output[0].json.error)).toMatch(
			/the message may or may not have been sent$/,
		);
		// `errors` is Braze's field: the node's own sentences never go there.
		expect(result.output[0].json.errors).toBeUndefined();
	});
});

describe('Request Options › Batching', () => {
	it('a failing item does not become an unhandled rejection', async () => {
		standIn.queueFaults({ type: 'redirect', status: 307, location: 'http://127.0.0.2:9/' });
		const { result, unhandled } = await collectUnhandledRejections(
			async () =>
				await send(ids(3), {
					parameters: {
						requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 20 } } },
					},
					onError: 'continueRegularOutput',
				}),
		);
		expect(result.output).toHaveLength(3);
		expect(unhandled).toEqual([]);
	});
});
