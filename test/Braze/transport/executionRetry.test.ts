import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { emailSend } from '../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

/**
 * n8n's Retry of a failed execution (the editor's Retry button) runs the failed node again with
 * all its input items. What the node sent in the failed execution must not be sent again.
 */
const standIn = useStandIn();

const ids = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ id: `u${index + 1}` }));
const deliveries = (count: number) =>
	ids(count).map(({ id }) => standIn.deliveries.get(`external:${id}`) ?? 0);

async function send(items: IDataObject[], extra: Partial<RunOptions> = {}) {
	return await runBrazeNode({
		parameters: { ...emailSend, externalUserIds: '={{ $json.id }}' } as never,
		items,
		credentials: standInCredentials(standIn),
		...extra,
	});
}

describe("n8n's Retry of a failed execution", () => {
	it('sends only what the failed execution did not send; what it sent is output again, marked', async () => {
		// Item 2 is refused before Braze acts (a redirect), so the run stops there: item 1 was sent,
		// items 2 and 3 were not.
		standIn.queueFaults(
			{ type: 'pass' },
			{ type: 'redirect', status: 307, location: 'http://127.0.0.2:9/' },
		);
		const failed = await send(ids(3), {
			parameters: { ...emailSend, externalUserIds: '={{ $json.id }}', options: {} } as never,
		});
		expect(failed.error).toBeDefined();
		const firstRun = deliveries(3);
		expect(firstRun[0]).toBe(1);

		const retried = await send(ids(3), { retryOf: failed.run });
		expect(retried.error).toBeUndefined();
		expect(deliveries(3)).toEqual([1, 1, 1]);
		expect(retried.output).toHaveLength(3);
		expect(retried.output[0].json.warning).toMatch(/Retry/);
		expect(retried.output[0].json.dispatch_id).toBe(
			standIn
				.accepted()
				.find((request) => (request.body?.external_user_ids as string[])[0] === 'u1')?.response
				.dispatch_id,
		);
	});

	it('never resends an item that may have been sent: the retry reports it instead', async () => {
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 500 });
		const failed = await send(ids(3));
		expect(failed.error).toBeDefined();
		const before = standIn.requests.length;

		// n8n's Retry runs the node as the failed execution saved it (here: Stop on Error).
		const retried = await send(ids(3), { retryOf: failed.run });
		const again = standIn.requests
			.slice(before)
			.map((request) => (request.body?.external_user_ids as string[])[0]);
		// u1 was confirmed and u2 may have been sent: neither goes out again.
		expect(again).not.toContain('u1');
		expect(again).not.toContain('u2');
		expect(deliveries(3)).toEqual([1, 0, 1]);
		expect(retried.error?.message).toBe(
			'This item may or may not have been sent by an earlier try of this node: it is not sent again',
		);
		expect(String(retried.error?.description)).toMatch(/Retry of the execution/);
	});

	it('a new execution of the same workflow is not a retry: it sends everything again', async () => {
		const first = await send(ids(2));
		expect(first.error).toBeUndefined();
		const second = await send(ids(2));
		expect(second.error).toBeUndefined();
		expect(deliveries(2)).toEqual([2, 2]);
	});

	it('User › Create or Update: a retry sends only the requests the failed execution did not', async () => {
		standIn.queueFaults(
			{ type: 'pass' },
			{ type: 'redirect', status: 307, location: 'http://127.0.0.2:9/' },
		);
		const items = Array.from({ length: 160 }, (_, index) => ({ id: `crm-${index}` }));
		const parameters = {
			resource: 'user',
			operation: 'upsert',
			externalId: '={{ $json.id }}',
		} as never;
		const failed = await runBrazeNode({
			parameters,
			items,
			credentials: standInCredentials(standIn),
		});
		expect(failed.error).toBeDefined();
		const firstTracks = standIn.accepted().length;
		expect(firstTracks).toBe(1);

		const retried = await runBrazeNode({
			parameters,
			items,
			credentials: standInCredentials(standIn),
			retryOf: failed.run,
		});
		expect(retried.error).toBeUndefined();
		const objects = standIn
			.accepted()
			.flatMap((request) =>
				(request.body?.attributes as IDataObject[]).map((object) => object.external_id),
			);
		expect(objects).toHaveLength(160);
		expect(new Set(objects).size).toBe(160);
	});
});
