import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function getMany(parameters: IDataObject) {
	return await runBrazeNode({
		parameters: { resource: 'contentBlock', operation: 'getMany', ...parameters } as never,
		typeVersion: 2,
		credentials: standInCredentials(standIn),
	});
}

/** `count` blocks after the stand-in's two, edited one an hour from 2026-03-01T00:00Z. */
function seedBlocks(count: number): void {
	standIn.seedList(
		'contentBlocks',
		Array.from({ length: count }, (_, i) => {
			const n = String(i + 1).padStart(4, '0');
			const at = new Date(Date.UTC(2026, 2, 1) + i * 3600000).toISOString();
			return {
				content_block_id: `cb-gen-${n}`,
				name: `generated_${n}`,
				content: n,
				description: '',
				content_type: 'text',
				state: 'active',
				tags: [],
				created_at: at,
				last_edited: at,
				inclusion_count: 0,
			};
		}),
	);
}

const queries = () => standIn.requests.map((request) => request.query);

describe('Content Block › Get Many', () => {
	it('the first page leaves offset out (Braze wants it greater than 0); one output item per block', async () => {
		const result = await getMany({});
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', '/content_blocks/list'],
		]);
		expect(queries()).toEqual([{ limit: '50' }]);
		expect(result.output.map((item) => item.json)).toEqual([
			{
				content_block_id: 'cb-footer-0001',
				name: 'email_footer',
				content_type: 'html',
				liquid_tag: '{{content_blocks.${email_footer}}}',
				inclusion_count: 3,
				created_at: '2026-01-10T09:00:00.000+00:00',
				last_edited: '2026-01-10T09:00:00.000+00:00',
				tags: ['transactional'],
			},
			expect.objectContaining({ content_block_id: 'cb-promo-0002', content_type: 'text' }),
		]);
	});

	it('Return All: pages of 1,000, offset from the second page on, each page once', async () => {
		seedBlocks(2050);
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(queries()).toEqual([
			{ limit: '1000' },
			{ limit: '1000', offset: '1000' },
			{ limit: '1000', offset: '2000' },
		]);
		expect(result.output).toHaveLength(2052);
		expect(new Set(result.output.map((item) => item.json.content_block_id)).size).toBe(2052);
	});

	it('Limit across a page boundary: 1,200 asks for 1,000, then 200 from offset 1,000', async () => {
		seedBlocks(2050);
		const result = await getMany({ limit: 1200 });
		expect(queries()).toEqual([{ limit: '1000' }, { limit: '200', offset: '1000' }]);
		expect(result.output).toHaveLength(1200);
		expect(result.output.at(-1)?.json.content_block_id).toBe('cb-gen-1198');
	});

	it("Filters go out in Braze's yyyy-mm-ddThh:mm:ss.ffffff, in UTC", async () => {
		seedBlocks(10);
		const result = await getMany({
			returnAll: true,
			filters: {
				modifiedAfter: '2026-03-01T02:00:00Z',
				modifiedBefore: '2026-03-01T05:30:00+01:00',
			},
		});
		expect(result.error).toBeUndefined();
		expect(queries()).toEqual([
			{
				limit: '1000',
				modified_after: '2026-03-01T02:00:00.000000',
				modified_before: '2026-03-01T04:30:00.000000',
			},
		]);
		expect(result.output.map((item) => item.json.name)).toEqual([
			'generated_0003',
			'generated_0004',
			'generated_0005',
		]);
	});

	it('an empty result: no output item', async () => {
		const result = await getMany({ returnAll: true, filters: { modifiedAfter: '2031-01-01' } });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(result.output).toEqual([]);
	});

	it('refused before any request: a range that ends before it starts', async () => {
		const result = await getMany({
			filters: { modifiedAfter: '2026-03-02', modifiedBefore: '2026-03-01T23:59:59Z' },
		});
		expect(result.error?.message).toBe(
			'Filters › Modified After (2026-03-02T00:00:00Z) is later than Modified Before (2026-03-01T23:59:59Z)',
		);
		expect(standIn.requests).toHaveLength(0);
	});

	it('a timeout on a GET is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 504 });
		const result = await getMany({});
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.status)).toEqual([504, 200]);
		expect(result.output).toHaveLength(2);
	});

	it('403: names the content_blocks.list permission', async () => {
		await expectPermissionNamed('content_blocks.list', {
			resource: 'contentBlock',
			operation: 'getMany',
		});
	});
});
