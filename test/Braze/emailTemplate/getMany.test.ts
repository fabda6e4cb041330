import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function getMany(parameters: IDataObject) {
	return await runBrazeNode({
		parameters: { resource: 'emailTemplate', operation: 'getMany', ...parameters } as never,
		typeVersion: 2,
		credentials: standInCredentials(standIn),
	});
}

/** `count` templates after the stand-in's three, changed one a day from 2026-02-01. */
function seedTemplates(count: number): void {
	const records = Array.from({ length: count }, (_, i) => {
		const n = String(i + 1).padStart(4, '0');
		const at = new Date(Date.UTC(2026, 1, 1) + i * 86400000).toISOString();
		return {
			email_template_id: `tpl-gen-${n}`,
			template_name: `Generated ${n}`,
			tags: [],
			created_at: at,
			updated_at: at,
		};
	});
	standIn.seedList('emailTemplates', records);
}

const queries = () => standIn.requests.map((request) => [request.path, request.query]);

describe('Email Template › Get Many', () => {
	it('Limit 2: GET /templates/email/list?limit=2&offset=0, one output item per template', async () => {
		const result = await getMany({ limit: 2 });
		expect(result.error).toBeUndefined();
		expect(queries()).toEqual([['/templates/email/list', { limit: '2', offset: '0' }]]);
		expect(result.output.map((item) => item.json)).toEqual([
			expect.objectContaining({ email_template_id: 'tpl-receipt-0001', template_name: 'Receipt' }),
			expect.objectContaining({ email_template_id: 'tpl-newsletter-0002' }),
		]);
		expect(Object.keys(result.output[0].json).sort()).toEqual([
			'created_at',
			'email_template_id',
			'tags',
			'template_name',
			'updated_at',
		]);
	});

	it('Return All reads pages of 1,000 until a short one, each page once', async () => {
		seedTemplates(2100);
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(queries()).toEqual([
			['/templates/email/list', { limit: '1000', offset: '0' }],
			['/templates/email/list', { limit: '1000', offset: '1000' }],
			['/templates/email/list', { limit: '1000', offset: '2000' }],
		]);
		expect(result.output).toHaveLength(2103);
		const ids = result.output.map((item) => item.json.email_template_id);
		expect(new Set(ids).size).toBe(2103);
		expect(ids.at(-1)).toBe('tpl-gen-2100');
		expect(new Set(result.output.map((item) => JSON.stringify(item.pairedItem)))).toEqual(
			new Set([JSON.stringify({ item: 0 })]),
		);
	});

	it('Limit across a page boundary: 1,500 asks for 1,000, then the 500 still missing', async () => {
		seedTemplates(2100);
		const result = await getMany({ limit: 1500 });
		expect(queries()).toEqual([
			['/templates/email/list', { limit: '1000', offset: '0' }],
			['/templates/email/list', { limit: '500', offset: '1000' }],
		]);
		expect(result.output).toHaveLength(1500);
		expect(result.output.at(-1)?.json.email_template_id).toBe('tpl-gen-1497');
	});

	it('Filters: modified after and before go out in ISO 8601 UTC; Braze lists those in the range', async () => {
		seedTemplates(10);
		const result = await getMany({
			returnAll: true,
			filters: {
				modifiedAfter: '2026-02-03T00:00:00',
				modifiedBefore: '2026-02-05T02:00:00+02:00',
			},
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests[0].query).toEqual({
			limit: '1000',
			offset: '0',
			modified_after: '2026-02-03T00:00:00Z',
			modified_before: '2026-02-05T00:00:00Z',
		});
		expect(result.output.map((item) => item.json.email_template_id)).toEqual([
			'tpl-gen-0003',
			'tpl-gen-0004',
			'tpl-gen-0005',
		]);
	});

	it('an empty result: one request, no output item', async () => {
		const result = await getMany({ returnAll: true, filters: { modifiedAfter: '2030-01-01' } });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(result.output).toEqual([]);
	});

	describe('refused before any request', () => {
		it.each([
			[
				{ filters: { modifiedAfter: '2026-03-01', modifiedBefore: '2026-02-01' } },
				'Filters › Modified After (2026-03-01T00:00:00Z) is later than Modified Before (2026-02-01T00:00:00Z)',
			],
			[
				{ filters: { modifiedAfter: 'last tuesday' } },
				'Filters › Modified After must be a date and time, but it is "last tuesday"',
			],
			[{ limit: 0 }, 'Limit must be a whole number of 1 or more, but it is 0'],
		])('%j', async (parameters, message) => {
			const result = await getMany(parameters);
			expect(result.error?.message).toBe(message);
			expect(result.error?.description).toBeTruthy();
			expect(standIn.requests).toHaveLength(0);
		});
	});

	it('a server error on a page is asked again (a read changes nothing in Braze)', async () => {
		seedTemplates(1200);
		standIn.queueFaults({ type: 'pass' }, { type: 'serverError', status: 503 });
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.status, request.query.offset])).toEqual([
			[200, '0'],
			[503, '1000'],
			[200, '1000'],
		]);
		expect(result.output).toHaveLength(1203);
	});

	it('403: names the templates.email.list permission', async () => {
		await expectPermissionNamed('templates.email.list', {
			resource: 'emailTemplate',
			operation: 'getMany',
		});
	});
});
