import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

async function get(parameters: IDataObject) {
	return await runBrazeNode({
		parameters: { resource: 'contentBlock', operation: 'get', ...parameters } as never,
		typeVersion: 2,
		credentials: standInCredentials(standIn),
	});
}

const FOOTER = { __rl: true, mode: 'list', value: 'cb-footer-0001' };

describe('Content Block › Get', () => {
	it('GET /content_blocks/info with include_inclusion_data=false; Simplified: the block without inclusion data', async () => {
		const result = await get({ contentBlockId: FOOTER });
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => [request.path, request.query])).toEqual([
			[
				'/content_blocks/info',
				{ content_block_id: 'cb-footer-0001', include_inclusion_data: 'false' },
			],
		]);
		expect(result.output.map((item) => item.json)).toEqual([
			{
				content_block_id: 'cb-footer-0001',
				name: 'email_footer',
				content: '<p>Unsubscribe: {{${unsubscribe_url}}}</p>',
				content_type: 'html',
				description: 'The legal footer',
				tags: ['transactional'],
				inclusion_count: 3,
				created_at: '2026-01-10T09:00:00.000+00:00',
				last_edited: '2026-01-10T09:00:00.000+00:00',
			},
		]);
	});

	it('Include Inclusion Data with Output Raw: the message variations that include it', async () => {
		const result = await get({ contentBlockId: FOOTER, includeInclusionData: true, output: 'raw' });
		expect(standIn.requests[0].query.include_inclusion_data).toBe('true');
		expect(result.output[0].json.inclusion_data).toEqual([
			'msg-variation-1',
			'msg-variation-2',
			'msg-variation-3',
		]);
		expect(result.output[0].json).not.toHaveProperty('message');
	});

	it("an ID Braze does not know: Braze's words", async () => {
		const result = await get({ contentBlockId: 'cb-nope' });
		expect(result.error?.message).toBe(
			'Braze rejected the request (400): Content Block ID is invalid for this workspace',
		);
	});

	it.each([
		[{ contentBlockId: '={{ "" }}' }, 'Content Block is required'],
		[{ contentBlockId: 'cb 1' }, 'Content Block "cb 1" is not a Braze API identifier'],
		[
			{ contentBlockId: FOOTER, includeInclusionData: '={{ "perhaps" }}' },
			'Include Inclusion Data must be true or false, but it is "perhaps"',
		],
	])('refused before any request: %j', async (parameters, message) => {
		const result = await get(parameters);
		expect(result.error?.message).toBe(message);
		expect(standIn.requests).toHaveLength(0);
	});

	it('a server error is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 502 });
		const result = await get({ contentBlockId: FOOTER });
		expect(standIn.requests.map((request) => request.status)).toEqual([502, 200]);
		expect(result.output[0].json.name).toBe('email_footer');
	});

	it('403: names the content_blocks.info permission', async () => {
		await expectPermissionNamed('content_blocks.info', {
			resource: 'contentBlock',
			operation: 'get',
			contentBlockId: 'cb-footer-0001',
		});
	});
});
