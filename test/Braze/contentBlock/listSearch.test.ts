import { searchList } from '../../helpers/loadOptions';
import { LIMITED_KEY, startStandInWithout } from '../../helpers/limitedKey';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

describe('Content Blocks pick-list (searchContentBlocks)', () => {
	it('lists from /content_blocks/list, the first page without offset, and filters by name', async () => {
		expect(await searchList('searchContentBlocks', standInCredentials(standIn))).toEqual({
			results: [
				{ name: 'email_footer', value: 'cb-footer-0001' },
				{ name: 'spring_promo', value: 'cb-promo-0002' },
			],
		});
		expect(standIn.requests[0].path).toBe('/content_blocks/list');
		expect(standIn.requests[0].query).toEqual({ limit: '100' });
		const found = await searchList('searchContentBlocks', standInCredentials(standIn), {
			filter: 'PROMO',
		});
		expect(found.results).toEqual([{ name: 'spring_promo', value: 'cb-promo-0002' }]);
	});

	it('a full page hands back a token; the next page asks from that offset', async () => {
		standIn.seedList(
			'contentBlocks',
			Array.from({ length: 150 }, (_, i) => ({
				content_block_id: `cb-gen-${i}`,
				name: `generated_${i}`,
				last_edited: '2026-01-10T09:00:00Z',
			})),
		);
		const first = await searchList('searchContentBlocks', standInCredentials(standIn));
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const second = await searchList('searchContentBlocks', standInCredentials(standIn), {
			paginationToken: first.paginationToken,
		});
		expect(standIn.requests[1].query).toEqual({ limit: '100', offset: '100' });
		expect(second.results).toHaveLength(52);
		expect(second.paginationToken).toBeUndefined();
	});

	it('without content_blocks.list: says so, and that By ID works', async () => {
		const limited = await startStandInWithout('content_blocks.list');
		try {
			await expect(
				searchList('searchContentBlocks', standInCredentials(limited, LIMITED_KEY)),
			).rejects.toThrow(
				'The API key lacks the content_blocks.list permission: pick By ID, or create a key with content_blocks.list',
			);
		} finally {
			await limited.close();
		}
	});
});
