import { nextPageCursor } from '../../../../nodes/Braze/transport/request/answer';
import { pageQuery } from '../../../../nodes/Braze/transport/reads/pages';

// The paging arithmetic alone; every Get Many's engine tests run it against the stand-in.
describe('Get Many paging', () => {
	it('reads the next cursor of a Link header and nothing else of its address', () => {
		expect(
			nextPageCursor(
				'<https://rest.iad-03.braze.com/catalogs/products/items?cursor=c2tpcDow>; rel="prev", <https://elsewhere.example/catalogs/products/items?cursor=c2tpcDo1MA%3D%3D>; rel="next"',
			),
		).toBe('c2tpcDo1MA==');
		expect(nextPageCursor('</events?cursor=abc>; rel="next"')).toBe('abc');
		expect(nextPageCursor('<https://x/items?cursor=abc>; rel="prev"')).toBeUndefined();
		expect(nextPageCursor('')).toBeUndefined();
	});

	it('offset paging asks for what Limit still needs, at most the maximum, and skips what it has', () => {
		const style = { kind: 'offset', max: 500 } as const;
		const want = { returnAll: false, limit: 700 };
		expect(pageQuery(style, { end_date: '2026-12-06' }, 0, 0, want)).toEqual({
			end_date: '2026-12-06',
			limit: 500,
			offset: 0,
		});
		expect(pageQuery(style, {}, 1, 500, want)).toEqual({ limit: 200, offset: 500 });
		expect(pageQuery(style, {}, 2, 1000, { returnAll: true, limit: Infinity })).toEqual({
			limit: 500,
			offset: 1000,
		});
		expect(pageQuery({ ...style, omitZeroOffset: true }, {}, 0, 0, want)).toEqual({ limit: 500 });
	});

	it('page paging numbers pages from 0; cursor paging sends the cursor Braze gave', () => {
		const want = { returnAll: true, limit: Infinity };
		expect(pageQuery({ kind: 'page', size: 100 }, { a: 1 }, 2, 200, want)).toEqual({ a: 1, page: 2 });
		expect(pageQuery({ kind: 'cursor' }, {}, 0, 0, want)).toEqual({});
		expect(pageQuery({ kind: 'cursor' }, {}, 1, 50, want, 'c1')).toEqual({ cursor: 'c1' });
	});
});
