import { runBrazeNode } from './helpers/engine';
import { LIMITED_KEY, startStandInWithout } from './helpers/limitedKey';
import { standInCredentials, useStandIn } from './helpers/standIn';

const standIn = useStandIn();

const base = { resource: 'canvas', operation: 'trigger', canvasId: 'canvas-1' };

async function trigger(
	parameters: Record<string, unknown>,
	items?: Array<Record<string, unknown>>,
) {
	return await runBrazeNode({
		parameters: { ...base, ...parameters } as never,
		items: items as never,
		credentials: standInCredentials(standIn),
	});
}

const PAUSED =
	'The Canvas is paused. Resume the Canvas to ensure trigger requests will take effect.';

describe('Canvas › Trigger', () => {
	describe('wire bodies', () => {
		it('recipients of every kind, with per-recipient context and attributes', async () => {
			const result = await trigger({
				recipients: {
					recipient: [
						{
							identifyBy: 'externalUserId',
							externalUserId: 'u1',
							properties: { pair: [{ key: 'step', value: 'welcome' }] },
						},
						{ identifyBy: 'userAlias', aliasName: 'crm-1', aliasLabel: 'crm_id' },
						{
							identifyBy: 'email',
							email: 'ada@example.com',
							prioritization: ['unidentified'],
							sendToExistingOnly: false,
							attributes: { pair: [{ key: 'first_name', value: 'Ada' }] },
						},
					],
				},
			});
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].path).toBe('/canvas/trigger/send');
			expect(standIn.requests[0].body).toEqual({
				canvas_id: 'canvas-1',
				broadcast: false,
				recipients: [
					{ external_user_id: 'u1', context: { step: 'welcome' } },
					{ user_alias: { alias_name: 'crm-1', alias_label: 'crm_id' } },
					{
						email: 'ada@example.com',
						prioritization: ['unidentified'],
						send_to_existing_only: false,
						attributes: { first_name: 'Ada' },
					},
				],
			});
			expect(result.output).toHaveLength(1);
			expect(result.output[0].json).toEqual({
				dispatch_id: expect.any(String),
				message: 'success',
			});
		});

		it('top-level context and a form-built audience, as a broadcast', async () => {
			const result = await trigger({
				broadcast: true,
				context: { pair: [{ key: 'promo', value: 'SPRING' }] },
				audienceMode: 'form',
				audienceFilters: {
					filter: [
						{
							filterType: 'customAttribute',
							customAttributeName: 'plan',
							dataType: 'string',
							comparison: 'equals',
							value: 'pro',
						},
					],
				},
			});
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].body).toEqual({
				canvas_id: 'canvas-1',
				broadcast: true,
				context: { promo: 'SPRING' },
				audience: {
					AND: [
						{
							custom_attribute: {
								custom_attribute_name: 'plan',
								comparison: 'equals',
								value: 'pro',
							},
						},
					],
				},
			});
		});

		it('external IDs from an expression', async () => {
			const result = await trigger({ externalUserIds: '={{ $json.ids }}' }, [{ ids: ['a', 'b'] }]);
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].body?.recipients).toEqual([
				{ external_user_id: 'a' },
				{ external_user_id: 'b' },
			]);
		});
	});

	it('sends 120 recipients in 3 requests, one output item with every dispatch_id', async () => {
		const ids = Array.from({ length: 120 }, (_, index) => `user-${index + 1}`);
		const result = await trigger({ externalUserIds: ids.join(',') });
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => (request.body?.recipients as unknown[]).length),
		).toEqual([50, 50, 20]);
		expect(standIn.requests[2].body?.recipients).toEqual(
			ids.slice(100).map((id) => ({ external_user_id: id })),
		);
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json.dispatch_ids).toEqual(
			standIn.requests.map((request) => request.response.dispatch_id),
		);
	});

	describe('a paused or archived Canvas: Braze sends nothing, the output warns', () => {
		it('keeps the notice and adds a warning', async () => {
			const result = await trigger({ canvasId: 'paused-welcome', externalUserIds: 'u1' });
			expect(result.error).toBeUndefined();
			expect(result.output).toHaveLength(1);
			expect(result.output[0].json).toEqual({
				notice: PAUSED,
				dispatch_id: expect.any(String),
				message: 'success',
				warning: `Braze triggered nothing: ${PAUSED}`,
			});
		});

		it('also when the item went out in several requests', async () => {
			const ids = Array.from({ length: 60 }, (_, index) => `user-${index}`);
			const result = await trigger({ canvasId: 'archived-old', externalUserIds: ids.join('\n') });
			expect(result.error).toBeUndefined();
			expect(standIn.requests).toHaveLength(2);
			const json = result.output[0].json;
			expect(json.notice).toMatch(/^The Canvas is archived\./);
			expect(json.warning).toBe(`Braze triggered nothing: ${String(json.notice)}`);
			expect(json.dispatch_ids).toHaveLength(2);
		});

		it('no warning for an active Canvas', async () => {
			const result = await trigger({ externalUserIds: 'u1' });
			expect(result.output[0].json.warning).toBeUndefined();
			expect(result.output[0].json.notice).toBeUndefined();
		});
	});

	describe('rules: a clear error and zero requests', () => {
		it.each([
			[{}, 'Broadcast must be on when no recipients are given', /Turn Broadcast on/],
			[
				{ externalUserIds: 'u1', broadcast: true },
				'Broadcast is on, but recipients are named too',
				/Turn Broadcast off/,
			],
			[
				{
					externalUserIds: 'u1',
					context: { pair: [{ key: 'big', value: 'x'.repeat(51 * 1024) }] },
				},
				'Context is 51.0 KB; Braze accepts at most 50 KB',
				/Shorten the Context values/,
			],
			[
				{ externalUserIds: 'u1', context: { pair: [{ key: '', value: 'v' }] } },
				'Context entry 1 has no key',
				/Fill in the key/,
			],
			[
				{
					recipients: { recipient: [{ identifyBy: 'email', email: 'a@b.c', prioritization: [] }] },
				},
				'Recipient 1: Prioritization is required with an email',
				/Prioritization/,
			],
			[
				{
					recipients: {
						recipient: [
							{ identifyBy: 'externalUserId', externalUserId: 'u1' },
							{ identifyBy: 'externalUserId', externalUserId: 'u2', sendToExistingOnly: false },
						],
					},
				},
				'Recipient 2: Attributes are required when Send to Existing Users Only is off',
				/add at least one attribute/,
			],
			[
				{ recipients: { recipient: [{ identifyBy: 'brazeId', brazeId: 'b-1' }] } },
				'Recipient 1: Identify By cannot be "brazeId"',
				/External User ID, User Alias or Email/,
			],
		])('%j', async (parameters, message, fix) => {
			const result = await trigger(parameters);
			expect(result.error?.message).toBe(message);
			expect(String(result.error?.description)).toMatch(fix);
			expect(standIn.requests).toHaveLength(0);
		});

		it('a context just under 50 KB is sent', async () => {
			const value = 'x'.repeat(50 * 1024 - 20);
			const result = await trigger({
				externalUserIds: 'u1',
				context: { pair: [{ key: 'k', value }] },
			});
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].body?.context).toEqual({ k: value });
		});
	});

	it('403: names the canvas.trigger.send permission', async () => {
		const limited = await startStandInWithout('canvas.trigger.send');
		try {
			const result = await runBrazeNode({
				parameters: { ...base, externalUserIds: 'u1' } as never,
				credentials: standInCredentials(limited, LIMITED_KEY),
			});
			expect(result.error?.message).toBe(
				'The Braze API key lacks the canvas.trigger.send permission (403)',
			);
		} finally {
			await limited.close();
		}
	});
});
