import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../helpers/engine';
import { LIMITED_KEY, startStandInWithout } from '../helpers/limitedKey';
import { searchList } from '../helpers/loadOptions';
import type { ListSearchMethod } from '../helpers/loadOptions';
import type { BrazeStandIn } from '../helpers/standIn';
import { standInCredentials, useStandIn } from '../helpers/standIn';

const standIn = useStandIn();

const list = async (
	method: ListSearchMethod,
	options: { filter?: string; paginationToken?: string } = {},
) => await searchList(method, standInCredentials(standIn), options);

describe('searchable lists (methods.listSearch, through n8n-core LoadOptionsContext)', () => {
	it('Campaigns: first page of 100 from /campaigns/list, with a token for the next page', async () => {
		const first = await list('searchCampaigns');
		expect(first.results).toHaveLength(100);
		expect(first.results.slice(0, 2)).toEqual([
			{ name: 'Welcome Series', value: 'cmp-welcome-0001' },
			{ name: 'Order Shipped', value: 'cmp-order-0002' },
		]);
		expect(first.paginationToken).toBe('1');
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].method).toBe('GET');
		expect(standIn.requests[0].path).toBe('/campaigns/list');
		expect(standIn.requests[0].headers.authorization).toBe('Bearer local-dev-key');

		const second = await list('searchCampaigns', { paginationToken: first.paginationToken });
		expect(second.results).toEqual([
			{ name: 'Weekly Digest 097', value: 'cmp-digest-097' },
			{ name: 'Weekly Digest 098', value: 'cmp-digest-098' },
			{ name: 'Weekly Digest 099', value: 'cmp-digest-099' },
			{ name: 'Weekly Digest 100', value: 'cmp-digest-100' },
		]);
		expect(second.paginationToken).toBeUndefined();
	});

	it('Campaigns: the search text filters by name or id, case-insensitively', async () => {
		expect((await list('searchCampaigns', { filter: 'reset' })).results).toEqual([
			{ name: 'Password Reset', value: 'cmp-reset-0004' },
		]);
		expect((await list('searchCampaigns', { filter: 'CMP-ORDER' })).results).toEqual([
			{ name: 'Order Shipped', value: 'cmp-order-0002' },
		]);
		// A match on the second page only: the search reads on until it finds it.
		const late = await list('searchCampaigns', { filter: 'digest 099' });
		expect(late.results).toEqual([{ name: 'Weekly Digest 099', value: 'cmp-digest-099' }]);
		expect(late.paginationToken).toBeUndefined();
		expect((await list('searchCampaigns', { filter: 'nothing like this' })).results).toEqual([]);
	});

	it('Canvases from /canvas/list', async () => {
		const all = await list('searchCanvases');
		expect(all).toEqual({
			results: [
				{ name: 'Onboarding Journey', value: 'cnv-onboard-0001' },
				{ name: 'Abandoned Cart', value: 'cnv-cart-0002' },
				{ name: 'Subscription Renewal', value: 'cnv-renewal-0003' },
			],
		});
		expect(standIn.requests[0].path).toBe('/canvas/list');
		expect((await list('searchCanvases', { filter: 'cart' })).results).toEqual([
			{ name: 'Abandoned Cart', value: 'cnv-cart-0002' },
		]);
	});

	it('Segments from /segments/list', async () => {
		expect((await list('searchSegments')).results).toEqual([
			{ name: 'All Users', value: 'seg-all-0001' },
			{ name: 'VIP Customers', value: 'seg-vip-0002' },
			{ name: 'Lapsed 30 Days', value: 'seg-lapsed-0003' },
		]);
		expect(standIn.requests[0].path).toBe('/segments/list');
		expect((await list('searchSegments', { filter: 'vip' })).results).toEqual([
			{ name: 'VIP Customers', value: 'seg-vip-0002' },
		]);
	});

	it('Email templates from /templates/email/list (limit/offset)', async () => {
		expect(await list('searchEmailTemplates')).toEqual({
			results: [
				{ name: 'Receipt', value: 'tpl-receipt-0001' },
				{ name: 'Monthly Newsletter', value: 'tpl-newsletter-0002' },
				{ name: 'Password Reset Email', value: 'tpl-reset-0003' },
			],
		});
		expect(standIn.requests[0].path).toBe('/templates/email/list');
		expect((await list('searchEmailTemplates', { filter: 'newsletter' })).results).toEqual([
			{ name: 'Monthly Newsletter', value: 'tpl-newsletter-0002' },
		]);
	});

	describe.each([
		['searchCampaigns', 'campaigns.list'],
		['searchCanvases', 'canvas.list'],
		['searchSegments', 'segments.list'],
		['searchEmailTemplates', 'templates.email.list'],
	] as Array<[ListSearchMethod, string]>)('%s without %s', (method, permission) => {
		let limited: BrazeStandIn;
		beforeAll(async () => {
			limited = await startStandInWithout(permission);
		});
		afterAll(async () => await limited.close());

		it('says which permission is missing and that By ID works', async () => {
			await expect(searchList(method, standInCredentials(limited, LIMITED_KEY))).rejects.toThrow(
				`The API key lacks the ${permission} permission: pick By ID, or create a key with ${permission}`,
			);
			expect(limited.requests.map((r) => r.status)).toEqual([403]);
		});
	});
});

describe('resource locator fields put the plain ID on the wire', () => {
	const forms = [
		['a plain string (older workflows)', (id: string) => id],
		['By ID', (id: string) => ({ __rl: true, mode: 'id', value: id })],
		['From List', (id: string) => ({ __rl: true, mode: 'list', value: id, cachedResultName: 'x' })],
	] as Array<[string, (id: string) => string | IDataObject]>;

	async function body(parameters: IDataObject): Promise<IDataObject | undefined> {
		const result = await runBrazeNode({
			parameters: parameters as never,
			credentials: standInCredentials(standIn),
		});
		expect(result.error?.message).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		return standIn.requests[0].body;
	}

	describe.each(forms)('%s', (_label, value) => {
		it('Campaign › Trigger: campaign_id', async () => {
			expect(
				await body({
					resource: 'campaign',
					operation: 'trigger',
					campaignId: value('cmp-welcome-0001'),
					externalUserIds: 'u1',
				}),
			).toMatchObject({ campaign_id: 'cmp-welcome-0001' });
		});

		it('Canvas › Trigger: canvas_id', async () => {
			expect(
				await body({
					resource: 'canvas',
					operation: 'trigger',
					canvasId: value('cnv-cart-0002'),
					externalUserIds: 'u1',
				}),
			).toMatchObject({ canvas_id: 'cnv-cart-0002' });
		});

		it('Send ID › Create: campaign_id', async () => {
			expect(
				await body({
					resource: 'sendId',
					operation: 'create',
					campaignId: value('cmp-order-0002'),
				}),
			).toEqual({ campaign_id: 'cmp-order-0002' });
		});

		it('Message › Send: segment_id, options.campaign_id and email_template_id', async () => {
			expect(
				await body({
					resource: 'message',
					operation: 'send',
					externalUserIds: 'u1',
					segmentId: value('seg-vip-0002'),
					channels: ['email'],
					emailAppId: 'app-1',
					emailFrom: 'Acme <news@acme.com>',
					emailOptions: {
						emailTemplateId: value('tpl-receipt-0001'),
						messageVariationId: 'email-var',
					},
					options: { campaignId: value('cmp-reset-0004') },
				}),
			).toEqual({
				external_user_ids: ['u1'],
				segment_id: 'seg-vip-0002',
				broadcast: false,
				campaign_id: 'cmp-reset-0004',
				messages: {
					email: {
						app_id: 'app-1',
						from: 'Acme <news@acme.com>',
						email_template_id: 'tpl-receipt-0001',
						message_variation_id: 'email-var',
					},
				},
			});
		});
	});

	it('an empty From List choice sends no segment, as an empty Segment ID did', async () => {
		expect(
			await body({
				resource: 'message',
				operation: 'send',
				externalUserIds: 'u1',
				segmentId: { __rl: true, mode: 'list', value: '' },
				channels: ['email'],
				emailAppId: 'app-1',
				emailFrom: 'Acme <news@acme.com>',
				emailOptions: { emailTemplateId: 'tpl-1' },
			}),
		).not.toHaveProperty('segment_id');
	});
});
