import { runBrazeNode } from '../../helpers/engine';
import { TRIGGER_RESOURCES } from '../../helpers/fixtures';
import type { TriggerResource } from '../../helpers/fixtures';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

// Campaign › Trigger and Canvas › Trigger share their form and their steps: one suite runs over
// both, and what only one of them has is tested for that one, in the blocks after it.

const standIn = useStandIn();
const [CAMPAIGN, CANVAS] = TRIGGER_RESOURCES;

/** Runs `resource` › Trigger with its ID and `parameters`. */
function triggerOf(resource: TriggerResource) {
	return async (parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>) =>
		await runBrazeNode({
			parameters: {
				resource: resource.resource,
				operation: 'trigger',
				[resource.idField]: resource.id,
				...parameters,
			} as never,
			items: items as never,
			credentials: standInCredentials(standIn),
		});
}

/** Triggers `resource` and expects the error `message`, a fix matching `fix`, and no request. */
function refusalOf(resource: TriggerResource) {
	const trigger = triggerOf(resource);
	return async (parameters: Record<string, unknown>, message: string, fix: RegExp) => {
		const result = await trigger(parameters);
		expect(result.error?.message).toBe(message);
		expect(String(result.error?.description)).toMatch(fix);
		expect(standIn.requests).toHaveLength(0);
	};
}

const recipient = (values: Record<string, unknown>) => ({ recipients: { recipient: [values] } });

/** Refusals both resources make: parameters, the message, and a pattern of the fix. */
const sharedRefusals = (
	resource: TriggerResource,
): Array<[Record<string, unknown>, string, RegExp]> => [
	[{}, 'Broadcast must be on when no recipients are given', /Turn Broadcast on/],
	[
		{ externalUserIds: 'u1', broadcast: true },
		'Broadcast is on, but recipients are named too',
		/Turn Broadcast off/,
	],
	[
		{
			externalUserIds: 'u1',
			[resource.propertiesField]: { pair: [{ key: 'big', value: 'x'.repeat(51 * 1024) }] },
		},
		resource.propertiesTooLarge,
		resource.propertiesTooLargeFix,
	],
	[
		{ externalUserIds: 'u1', [resource.propertiesField]: { pair: [{ key: '', value: 'v' }] } },
		`${resource.propertiesLabel} entry 1 has no key`,
		/Fill in the key/,
	],
	[
		recipient({ identifyBy: 'email', email: 'ada@example.com' }),
		'Recipient 1: Prioritization is required with an email',
		/Prioritization/,
	],
	[
		{
			recipients: { recipient: [{ identifyBy: 'email', email: 'a@b.c', prioritization: [] }] },
		},
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
		{ externalUserIds: 'u1', audienceMode: 'json', audienceJson: '{"bogus": {}}' },
		'Audience filter: unknown filter "bogus"',
		/connected audience filters/,
	],
];

describe.each(TRIGGER_RESOURCES)('$label › Trigger', (resource) => {
	const trigger = triggerOf(resource);
	const { idKey, id } = resource;

	describe('wire bodies', () => {
		it('an external user ID', async () => {
			const result = await trigger(
				recipient({ identifyBy: 'externalUserId', externalUserId: 'u1' }),
			);
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].path).toBe(`${resource.path}/send`);
			expect(standIn.requests[0].body).toEqual({
				[idKey]: id,
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

		it(`per-recipient ${resource.propertiesNoun} and attributes, creating a new user`, async () => {
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
					[resource.propertiesKey]: { 'order.id': '42' },
				},
			]);
		});

		it(`a broadcast to the ${resource.noun} audience`, async () => {
			const result = await trigger({ broadcast: true });
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].body).toEqual({ [idKey]: id, broadcast: true });
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
			expect(request.body).toMatchObject({ [idKey]: id, broadcast: false });
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
		it.each(sharedRefusals(resource))('%j', refusalOf(resource));

		it(`${resource.idName} from an expression that gives nothing`, async () => {
			const result = await trigger({ [resource.idField]: '={{ $json.none }}', broadcast: true });
			expect(result.error?.message).toBe(`${resource.idName} is required`);
			expect(standIn.requests).toHaveLength(0);
		});

		it(`${resource.propertiesNoun} just under 50 KB: sent`, async () => {
			const value = 'x'.repeat(50 * 1024 - 20);
			const result = await trigger({
				externalUserIds: 'u1',
				[resource.propertiesField]: { pair: [{ key: 'k', value }] },
			});
			expect(result.error).toBeUndefined();
			expect(standIn.requests[0].body?.[resource.propertiesKey]).toEqual({ k: value });
		});
	});

	it(`403: names the ${resource.permission}.send permission`, async () => {
		await expectPermissionNamed(`${resource.permission}.send`, {
			resource: resource.resource,
			operation: 'trigger',
			[resource.idField]: id,
			externalUserIds: 'u1',
		});
	});
});

describe('Campaign › Trigger', () => {
	const trigger = triggerOf(CAMPAIGN);

	describe('wire bodies', () => {
		it('a Braze ID', async () => {
			await trigger(recipient({ identifyBy: 'brazeId', brazeId: 'b-1' }));
			expect(standIn.requests[0].body?.recipients).toEqual([{ braze_id: 'b-1' }]);
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
	});

	describe('rules: a clear error and zero requests', () => {
		it.each([
			[
				{
					broadcast: true,
					attachments: { attachment: [{ fileName: 'a.pdf', url: 'https://example.com/a.pdf' }] },
				},
				'Attachments are not allowed with Broadcast',
				/Remove the attachments/,
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
		])('%j', refusalOf(CAMPAIGN));
	});
});

describe('Canvas › Trigger', () => {
	const trigger = triggerOf(CANVAS);
	const PAUSED =
		'The Canvas is paused. Resume the Canvas to ensure trigger requests will take effect.';

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
				canvas_id: 'cnv-1',
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
				canvas_id: 'cnv-1',
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
			[
				{ recipients: { recipient: [{ identifyBy: 'brazeId', brazeId: 'b-1' }] } },
				'Recipient 1: Identify By cannot be "brazeId"',
				/External User ID, User Alias or Email/,
			],
		])('%j', refusalOf(CANVAS));
	});
});
