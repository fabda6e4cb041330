import * as n8nWorkflow from 'n8n-workflow';

import { Braze } from '../../../../nodes/Braze/Braze.node';

import {
	cancellableSleep,
	cancellableSleepWith,
	waits,
} from '../../../../nodes/Braze/transport/request/rateLimit';
import type { WorkflowSleeps } from '../../../../nodes/Braze/transport/request/rateLimit';
import { runBrazeNode } from '../../../helpers/engine';
import { emailSend } from '../../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../../helpers/standIn';
import { servedByN8n } from '../../../helpers/servedByN8n';

// n8n's Stop ends the node's waits (retry backoff, rate-limit pacing) through the execution's
// cancel signal. n8n-workflow's sleeps differ between n8n versions: from 2.35 `sleep(ms, signal)`
// stops on the signal; n8n 1.x to 2.34 export a `sleep(ms)` that ignores it and a
// `sleepWithAbort(ms, signal)` that stops. The node picks by what the running n8n exports.

/**
 * n8n 1.x's sleeps (n8n-workflow 1.120.31, dist/cjs/utils.js), as the tests need them: each
 * records its call, and none ends by itself (a wait longer than any test). `sleep(ms)` ignores a
 * signal; `sleepWithAbort(ms, signal)` rejects once the signal aborts.
 */
function n8nOneSleeps(calls: string[]): Required<WorkflowSleeps> {
	return {
		sleep: async (ms) => {
			calls.push(`sleep(${ms})`);
			await new Promise<void>(() => {});
		},
		sleepWithAbort: async (ms, abortSignal) =>
			await new Promise<void>((_resolve, reject) => {
				calls.push(`sleepWithAbort(${ms}, ${abortSignal ? 'signal' : 'none'})`);
				if (abortSignal?.aborted) return reject(new Error('cancelled'));
				abortSignal?.addEventListener('abort', () => reject(new Error('cancelled')), {
					once: true,
				});
			}),
	};
}

describe("The node's sleep, on the n8n that runs it", () => {
	it("uses this n8n's own sleep, which takes the signal (n8n-workflow 2.41 has no sleepWithAbort)", () => {
		expect('sleepWithAbort' in n8nWorkflow).toBe(false);
		expect(n8nWorkflow.sleep.length).toBe(2);
		expect(waits).toBeDefined();
		expect(typeof cancellableSleep).toBe('function');
	});

	it('uses sleepWithAbort where n8n-workflow exports it (n8n 1.x to 2.34), and Stop ends the wait at once', async () => {
		const calls: string[] = [];
		const sleep = cancellableSleepWith(n8nOneSleeps(calls));
		const controller = new AbortController();
		const waited = sleep(3_600_000, controller.signal);
		controller.abort();
		expect(await waited).toBe(false);
		expect(calls).toEqual(['sleepWithAbort(3600000, signal)']);
	});

	it('ends at once on Stop even where the only sleep ignores the signal', async () => {
		const calls: string[] = [];
		const { sleep: ignoresSignal } = n8nOneSleeps(calls);
		const sleep = cancellableSleepWith({ sleep: ignoresSignal });
		const controller = new AbortController();
		const waited = sleep(3_600_000, controller.signal);
		controller.abort();
		expect(await waited).toBe(false);
		expect(calls).toEqual(['sleep(3600000)']);
	});

	it('does not start a wait the execution has already stopped', async () => {
		const calls: string[] = [];
		const controller = new AbortController();
		controller.abort();
		expect(await cancellableSleepWith(n8nOneSleeps(calls))(1000, controller.signal)).toBe(false);
		expect(calls).toEqual([]);
	});

	it('still sleeps and says so when nothing stops it', async () => {
		const sleep = cancellableSleepWith({ sleep: async () => await Promise.resolve() });
		expect(await sleep(5, new AbortController().signal)).toBe(true);
		expect(await sleep(5, undefined)).toBe(true);
	});
});

describe("n8n's Stop during a rate-limit wait, through the engine", () => {
	const standIn = useStandIn();
	const braze = servedByN8n(new Braze());
	let virtualSleep: typeof waits.sleep;
	beforeEach(() => (virtualSleep = waits.sleep));
	afterEach(() => (waits.sleep = virtualSleep));

	/** A send whose request Braze rate-limits for 30 s; Stop is pressed once the node waits. */
	async function stopDuringTheWait(workflow: (stop: () => void) => WorkflowSleeps) {
		standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 30 });
		let stop = () => {};
		waits.sleep = cancellableSleepWith(workflow(() => stop()));
		return await runBrazeNode({
			nodeType: braze,
			parameters: { ...emailSend, externalUserIds: 'u1' },
			credentials: standInCredentials(standIn),
			withStop: (stopExecution) => (stop = stopExecution),
		});
	}

	it.each([
		[
			'n8n 1.x (sleepWithAbort)',
			(stop: () => void) => {
				const oneX = n8nOneSleeps([]);
				return {
					...oneX,
					sleepWithAbort: async (ms: number, signal?: AbortSignal) => {
						const waiting = oneX.sleepWithAbort(ms, signal);
						stop();
						await waiting;
					},
				};
			},
		],
		[
			'an n8n whose only sleep ignores the signal',
			(stop: () => void) => ({
				sleep: async (ms: number) => {
					const waiting = n8nOneSleeps([]).sleep(ms);
					stop();
					await waiting;
				},
			}),
		],
		[
			'this n8n (2.41: sleep takes the signal)',
			(stop: () => void) => ({
				sleep: async (ms: number, signal?: AbortSignal) => {
					const waiting = n8nWorkflow.sleep(ms, signal);
					stop();
					await waiting;
				},
			}),
		],
	])('ends the run at once on %s, sending nothing more', async (_name, workflow) => {
		const result = await stopDuringTheWait(workflow);
		// The run ends (without the fix it never would: the test would time out), with the node's
		// word for it; n8n's server then marks the execution canceled.
		expect(result.error?.message).toBe(
			'The execution was cancelled before this request was sent to Braze',
		);
		expect(standIn.requests.map((request) => request.status)).toEqual([429]);
		expect(standIn.deliveries.size).toBe(0);
	});
});
