import { sleep } from 'n8n-workflow';

import { cancellableSleep, waits } from '../../../../nodes/Braze/transport/request/rateLimit';
import { realWaits, virtualTime } from '../../../helpers/virtualTime';

// Every other suite runs the node's waits on a virtual clock; this one checks the real ones.
describe('The waits seam, as the node ships it', () => {
	it('sleeps on a real timer: a 5 ms wait ends after a 1 ms timer started later', async () => {
		const order: string[] = [];
		const waited = realWaits.sleep(5, undefined).then((slept) => order.push(`5 ms: ${slept}`));
		await sleep(1).then(() => order.push('1 ms'));
		await waited;
		expect(order).toEqual(['1 ms', '5 ms: true']);
	});

	it('stops at once when the execution is cancelled, and says so', async () => {
		const controller = new AbortController();
		const waited = realWaits.sleep(60_000, controller.signal);
		controller.abort();
		const first = await Promise.race([waited, sleep(1000).then(() => 'still waiting')]);
		expect(first).toBe(false);
	});

	it("reads the system clock, and sleeps with n8n's cancellable sleep", () => {
		const before = Date.now();
		const now = realWaits.now();
		expect(now).toBeGreaterThanOrEqual(before);
		expect(now).toBeLessThanOrEqual(Date.now());
		expect(realWaits.sleep).toBe(cancellableSleep);
	});

	it('is replaced by the virtual clock in the suites', () => {
		expect(waits.now).toBe(virtualTime.now);
		expect(waits.sleep).not.toBe(realWaits.sleep);
	});
});

describe('The virtual clock the suites use instead', () => {
	it('records each wait, wakes them in order of their end, and moves only by them', async () => {
		const started = virtualTime.now();
		const order: number[] = [];
		await Promise.all(
			[300, 100].map(async (ms) => {
				expect(await waits.sleep(ms, undefined)).toBe(true);
				order.push(ms);
			}),
		);
		expect(virtualTime.waits).toEqual([300, 100]);
		expect(order).toEqual([100, 300]);
		expect(virtualTime.now() - started).toBe(300);
	});

	it('ends a cancelled wait without moving the clock', async () => {
		const started = virtualTime.now();
		const controller = new AbortController();
		virtualTime.duringNextWait(() => controller.abort());
		expect(await waits.sleep(60_000, controller.signal)).toBe(false);
		expect(virtualTime.now()).toBe(started);
	});
});
