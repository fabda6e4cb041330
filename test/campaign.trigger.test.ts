import { runBrazeNode } from './helpers/engine';
import { LIMITED_KEY, startStandInWithout } from './helpers/limitedKey';
import { standInCredentials, useStandIn } from './helpers/standIn';

const standIn = useStandIn();

const base = { resource: 'campaign', operation: 'trigger', campaignId: 'camp-1' };

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

const recipient = (values: Record<string, unknown>) => ({ recipients: { recipient: [values] } });

describe('Campaign › Trigger', () => {
	describe('wire bodies', () => {
		it('an external user ID', async () => {
			const result = await trigger(
				recipient({ identifyBy: 'externalUserId', externalUserId: 'u1' }),
			);
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].path).toBe('/campaigns/trigger/send');
			expect(standIn.requests[0].body).toEqual({
				campaign_id: 'camp-1',
				broadcast: false,
				recipients: [{ external_user_id: 'u1' }],
			});
			expect(result.output).toHaveLength(1);
			expect(result.output[0].json).toEqual({
				dispatch_id: expect.any(String),
				message: 'success',
			});
		});

		it('a user alias (no send_to_existing_only)', async () => {
			await trigger(
				recipient({ identifyBy: 'userAlias', aliasName: ' crm-1 ', aliasLabel: 'crm_id' }),
			);
			expect(standIn.requests[0].body?.recipients).toEqual([
				{ user_alias: { alias_name: 'crm-1', alias_label: 'crm_id' } },
			]);
		});

		it('Send to Existing Users Only is hidden for a user alias: never sent with one', async () => {
			const result = await trigger(
				recipient({
					identifyBy: 'userAlias',
					aliasName: 'n',
					aliasLabel: 'l',
					sendToExistingOnly: false,
					attributes: { pair: [{ key: 'first_name', value: 'Ada' }] },
				}),
			);
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].body?.recipients).toEqual([
				{ user_alias: { alias_name: 'n', alias_label: 'l' }, attributes: { first_name: 'Ada' } },
			]);
		});

		it('an email with prioritization', async () => {
			const result = await trigger(
				recipient({
					identifyBy: 'email',
					email: 'ada@example.com',
					prioritization: ['identified', 'most_recently_updated'],
				}),
			);
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].body?.recipients).toEqual([
				{ email: 'ada@example.com', prioritization: ['identified', 'most_recently_updated'] },
			]);
		});

		it('a Braze ID', async () => {
			await trigger(recipient({ identifyBy: 'brazeId', brazeId: 'b-1' }));
			expect(standIn.requests[0].body?.recipients).toEqual([{ braze_id: 'b-1' }]);
		});

		it('per-recipient trigger properties and attributes, creating a new user', async () => {
			const result = await trigger(
				recipient({
					identifyBy: 'externalUserId',
					externalUserId: 'new-1',
					sendToExistingOnly: false,
					attributes: { pair: [{ key: 'first_name', value: 'Ada' }] },
					properties: { pair: [{ key: 'order.id', value: '42' }] },
				}),
			);
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].body?.recipients).toEqual([
				{
					external_user_id: 'new-1',
					send_to_existing_only: false,
					attributes: { first_name: 'Ada' },
					trigger_properties: { 'order.id': '42' },
				},
			]);
		});

		it('top-level trigger properties, send ID, audience and attachments', async () => {
			const result = await trigger({
				externalUserIds: 'u1',
				triggerProperties: { pair: [{ key: 'coupon', value: 'SPRING' }] },
				audienceMode: 'json',
				audienceJson: '{"push_subscription_status": {"comparison": "is", "value": "opted_in"}}',
				attachments: {
					attachment: [{ fileName: 'invoice.pdf', url: 'https://example.com/invoice.pdf' }],
				},
				options: { sendId: 'send-1' },
			});
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].body).toEqual({
				campaign_id: 'camp-1',
				broadcast: false,
				recipients: [{ external_user_id: 'u1' }],
				trigger_properties: { coupon: 'SPRING' },
				audience: { push_subscription_status: { comparison: 'is', value: 'opted_in' } },
				attachments: [{ file_name: 'invoice.pdf', url: 'https://example.com/invoice.pdf' }],
				send_id: 'send-1',
			});
		});

		it('a broadcast to the campaign audience', async () => {
			const result = await trigger({ broadcast: true });
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].body).toEqual({ campaign_id: 'camp-1', broadcast: true });
		});

		it('recipients from a list of external IDs in an expression, after the listed ones', async () => {
			const result = await trigger(
				{
					externalUserIds: '={{ $json.ids }}',
					recipients: { recipient: [{ identifyBy: 'externalUserId', externalUserId: 'a' }] },
				},
				[{ ids: ['a', ' b ', 'c', 'b'] }],
			);
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].body?.recipients).toEqual([
				{ external_user_id: 'a' },
				{ external_user_id: 'b' },
				{ external_user_id: 'c' },
			]);
		});
	});

	it('sends 120 recipients as 50 + 50 + 20, with one output item holding every dispatch_id', async () => {
		const ids = Array.from({ length: 120 }, (_, index) => `user-${index + 1}`);
		const result = await trigger({ externalUserIds: '={{ $json.ids }}' }, [{ ids }]);
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.body?.recipients)).toEqual([
			ids.slice(0, 50).map((id) => ({ external_user_id: id })),
			ids.slice(50, 100).map((id) => ({ external_user_id: id })),
			ids.slice(100).map((id) => ({ external_user_id: id })),
		]);
		for (const request of standIn.requests) {
			expect(request.body).toMatchObject({ campaign_id: 'camp-1', broadcast: false });
		}
		expect(result.output).toHaveLength(1);
		const json = result.output[0].json;
		const dispatchIds = standIn.requests.map((request) => request.response.dispatch_id);
		expect(json.dispatch_ids).toEqual(dispatchIds);
		expect(json.dispatch_id).toBe(dispatchIds[0]);
		expect(json.message).toBe('success');
		expect(
			(json.requests as Array<{ recipients: unknown[] }>).map((r) => r.recipients.length),
		).toEqual([50, 50, 20]);
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
					triggerProperties: { pair: [{ key: 'big', value: 'x'.repeat(51 * 1024) }] },
				},
				'Trigger Properties are 51.0 KB; Braze accepts at most 50 KB',
				/pass large data by reference/,
			],
			[
				{
					broadcast: true,
					attachments: { attachment: [{ fileName: 'a.pdf', url: 'https://example.com/a.pdf' }] },
				},
				'Attachments are not allowed with Broadcast',
				/Remove the attachments/,
			],
			[
				recipient({ identifyBy: 'email', email: 'ada@example.com' }),
				'Recipient 1: Prioritization is required with an email',
				/Prioritization/,
			],
			[
				recipient({
					identifyBy: 'externalUserId',
					externalUserId: 'u1',
					sendToExistingOnly: false,
				}),
				'Recipient 1: Attributes are required when Send to Existing Users Only is off',
				/add at least one attribute/,
			],
			[
				recipient({ identifyBy: 'externalUserId', externalUserId: ' ' }),
				'Recipient 1 has no External User ID',
				/Fill in External User ID/,
			],
			[
				recipient({ identifyBy: 'userAlias', aliasName: 'n' }),
				'Recipient 1 has no Alias Label',
				/Fill in Alias Label/,
			],
			[
				{
					externalUserIds: 'u1',
					attachments: { attachment: [{ fileName: 'a.pdf', url: 'ftp://example.com/a.pdf' }] },
				},
				'Attachment 1: the URL must start with http:// or https://',
				/web address/,
			],
			[
				{ externalUserIds: 'u1', options: { sendId: 'x'.repeat(65) } },
				'Options › Send ID is 65 characters long; Braze accepts at most 64',
				/Shorten/,
			],
			[
				{ externalUserIds: 'u1', audienceMode: 'json', audienceJson: '{"bogus": {}}' },
				'Audience filter: unknown filter "bogus"',
				/connected audience filters/,
			],
		])('%j', async (parameters, message, fix) => {
			const result = await trigger(parameters);
			expect(result.error?.message).toBe(message);
			expect(String(result.error?.description)).toMatch(fix);
			expect(standIn.requests).toHaveLength(0);
		});

		it('Campaign ID from an expression that gives nothing', async () => {
			const result = await trigger({ campaignId: '={{ $json.none }}', broadcast: true });
			expect(result.error?.message).toBe('Campaign ID is required');
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it('403: names the campaigns.trigger.send permission', async () => {
		const limited = await startStandInWithout('campaigns.trigger.send');
		try {
			const result = await runBrazeNode({
				parameters: { ...base, externalUserIds: 'u1' } as never,
				credentials: standInCredentials(limited, LIMITED_KEY),
			});
			expect(result.error?.message).toBe(
				'The Braze API key lacks the campaigns.trigger.send permission (403)',
			);
			expect(limited.requests).toHaveLength(1);
		} finally {
			await limited.close();
		}
	});
});
