import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { withFailure } from '../../../../nodes/Braze/transport/request/failure';
import { runBrazeNode } from '../../../helpers/engine';
import { emailSend } from '../../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../../helpers/standIn';

// Why a request failed is declared as plain data on the error (`failure`), which n8n 2.37+
// reads. n8n-workflow's NodeApiError takes it as a constructor option only from 2.37; older
// versions (1.x) silently drop the option. So the node sets it on the error itself, and says the
// same in the error's words, which every version shows.

const standIn = useStandIn();

const send = async (options = {}) =>
	await runBrazeNode({
		parameters: { ...emailSend, externalUserIds: 'u1', options },
		credentials: standInCredentials(standIn),
	});

describe('Failure details that do not depend on the n8n version', () => {
	it('sets the failure on the error itself, not through the constructor option old versions drop', () => {
		const node = { name: 'Braze' } as INode;
		const error = new NodeApiError(node, { message: 'x' }, { message: 'Braze answered 503' });
		expect(error.failure).toBeUndefined();
		expect(withFailure(error, { cause: 'temporarily-unavailable' })).toBe(error);
		expect(error.failure).toEqual({ cause: 'temporarily-unavailable' });
		expect(withFailure(error, undefined).failure).toEqual({ cause: 'temporarily-unavailable' });
	});

	it('a rate limit longer than Max Wait: the reset time in the failure and in the words', async () => {
		standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 120 });
		const { error } = await send({ maxWaitOnRateLimit: 1 });
		const failure = error?.failure as { cause: string; resetsAtEpochMs: number };
		expect(failure.cause).toBe('rate-limited');
		const resetsAt = new Date(failure.resetsAtEpochMs).toISOString();
		expect(String(error?.description)).toContain(`The limit resets at ${resetsAt}`);
		expect(standIn.requests).toHaveLength(1);
	});

	it('a server error: "temporarily unavailable" in the failure, and the words say Braze failed', async () => {
		standIn.queueFaults({ type: 'serverError', status: 503 });
		const { error } = await send();
		expect(error?.failure).toEqual({ cause: 'temporarily-unavailable' });
		expect(error?.message).toMatch(/^Braze answered with a server error \(503\)/);
		expect(String(error?.description)).toMatch(/Braze failed while handling the request/);
	});

	it('a refusal that waiting cannot help (401) declares no failure', async () => {
		const { error } = await runBrazeNode({
			parameters: { ...emailSend, externalUserIds: 'u1' },
			credentials: standInCredentials(standIn, 'wrong-key-123456'),
		});
		expect(error?.message).toBe('Braze rejected the API key (401 Unauthorized)');
		expect(error?.failure).toBeUndefined();
	});
});
