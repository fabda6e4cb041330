import { runBrazeNode } from './helpers/engine';
import { startStandIn, standInCredentials } from './helpers/standIn';
import type { BrazeStandIn } from './helpers/standIn';

let standIn: BrazeStandIn;
beforeAll(async () => {
	standIn = await startStandIn();
});
afterAll(async () => await standIn.close());
beforeEach(() => standIn.reset());

const toUsers = { resource: 'message', operation: 'send', externalUserIds: 'user-1' };

async function send(parameters: Record<string, unknown>) {
	return await runBrazeNode({
		parameters: { ...toUsers, ...parameters } as never,
		credentials: standInCredentials(standIn),
	});
}

describe('Send › email', () => {
	it('sends messages.email with the exact keys and types', async () => {
		const result = await send({
			channels: ['email'],
			emailAppId: 'app-1',
			emailFrom: 'Acme <news@acme.com>',
			emailSubject: 'Hello',
			emailBody: '<p>Hi</p>',
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].path).toBe('/messages/send');
		expect(standIn.requests[0].headers.authorization).toBe('Bearer local-dev-key');
		expect(standIn.requests[0].body).toEqual({
			external_user_ids: ['user-1'],
			broadcast: false,
			messages: {
				email: { app_id: 'app-1', from: 'Acme <news@acme.com>', subject: 'Hello', body: '<p>Hi</p>' },
			},
		});
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json.dispatch_id).toEqual(standIn.requests[0].response.dispatch_id);
	});
});
