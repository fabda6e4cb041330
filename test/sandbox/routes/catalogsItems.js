'use strict';
// Catalog items, synchronous (reference §29.3): GET /catalogs/{catalog_name}/items (50 a page,
// cursor paging by Link header) and GET/POST/PATCH/PUT/DELETE /catalogs/{catalog_name}/items/{item_id}
// (one item; the single DELETE answers 202 and deletes later). 50 requests a minute shared.
// https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/synchronous/get_catalog_items_details_bulk
// https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/synchronous/get_catalog_item
// https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/synchronous/put_catalog_item
const { PAGE_SIZE, catalogRoute, catalogError, notFound, pathPattern, itemErrors, storedFields, patched } = require('./catalogsStore');

/** Braze's cursors read like base64 of "skip:<n>" (its example: c2tpcDow is "skip:0"). */
const cursorOf = (skip) => Buffer.from(`skip:${skip}`).toString('base64');
function skipOf(cursor) {
  const match = /^skip:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/** GET /catalogs/{catalog_name}/items: 50 items a page; Link rel="prev"/"next" with relative paths. */
function list({ params, query, ctx, store }) {
  const name = decodeURIComponent(params.catalog);
  const catalog = store.catalog(name);
  if (!catalog) return notFound(name);
  const unknown = Object.keys(query).filter((k) => k !== 'cursor');
  if (ctx.strict && unknown.length) return { status: 400, body: { message: 'Bad Request', errors: [`${unknown.join(', ')} is not a documented query parameter`] } };
  const skip = query.cursor === undefined ? 0 : skipOf(query.cursor);
  if (skip === undefined) return catalogError(400, [['invalid-cursor', "'cursor' is not valid", ['cursor'], [query.cursor]]]);
  const all = [...catalog.items.values()];
  const page = all.slice(skip, skip + PAGE_SIZE).map((item) => ({ ...item }));
  const links = [];
  const at = (n) => `</catalogs/${encodeURIComponent(name)}/items?cursor=${encodeURIComponent(cursorOf(n))}>`;
  if (query.cursor !== undefined) links.push(`${at(Math.max(0, skip - PAGE_SIZE))}; rel="prev"`);
  if (skip + PAGE_SIZE < all.length) links.push(`${at(skip + PAGE_SIZE)}; rel="next"`);
  return { status: 200, body: { items: page, message: 'success' }, headers: links.length ? { Link: links.join(',') } : {} };
}

function target({ params, store }) {
  const name = decodeURIComponent(params.catalog);
  const id = decodeURIComponent(params.item);
  const catalog = store.catalog(name);
  return { name, id, catalog };
}
const itemNotFound = (id) => catalogError(404, [['item-not-found', 'Could not find item', ['item_id'], [id]]]);

/** GET one item: an array of one. */
function getOne(args) {
  const { name, id, catalog } = target(args);
  if (!catalog) return notFound(name);
  const item = catalog.items.get(id);
  return item ? { status: 200, body: { items: [{ ...item }], message: 'success' } } : itemNotFound(id);
}

/** POST, PATCH or PUT one item: `items` holds one object without its id (the path names it). */
function writeOne(action) {
  return (args) => {
    const { name, id, catalog } = target(args);
    if (!catalog) return notFound(name);
    const idErrors = itemErrors(catalog, [{ id }], 'delete');
    if (idErrors.length) return catalogError(400, idErrors);
    const errors = itemErrors(catalog, args.body.items, action === 'update' ? 'singlePatch' : 'single', id);
    if (errors.length) return catalogError(400, errors);
    const [fields] = args.body.items;
    const current = catalog.items.get(id);
    if (action === 'create' && current) return catalogError(400, [['item-already-exists', 'The item already exists', ['id'], [id]]]);
    if (action === 'update' && !current) return itemNotFound(id);
    args.store.accepted.push({ catalog: name, action, id, at: args.now });
    catalog.items.set(id, action === 'update' ? patched(catalog, current, fields) : { id, ...storedFields(catalog, fields) });
    return { status: action === 'create' ? 201 : 200, body: { message: 'success' } };
  };
}

/** DELETE one item: 202, deleted later. */
function deleteOne(args) {
  const { name, id, catalog } = target(args);
  if (!catalog) return notFound(name);
  if (!catalog.items.has(id)) return itemNotFound(id);
  args.store.accepted.push({ catalog: name, action: 'delete', id, at: args.now });
  args.store.later(args.now, name, () => catalog.items.delete(id));
  return { status: 202, body: { message: 'success' } };
}

const one = pathPattern('/items/(?<item>[^/]+)');
module.exports = [
  catalogRoute({ method: 'GET', pattern: pathPattern('/items'), permission: 'catalogs.get_items', handle: list, noBody: true }, 'catalogItems'),
  catalogRoute({ method: 'GET', pattern: one, permission: 'catalogs.get_item', handle: getOne, noBody: true }, 'catalogItems'),
  catalogRoute({ method: 'POST', pattern: one, permission: 'catalogs.create_item', handle: writeOne('create') }, 'catalogItems'),
  catalogRoute({ method: 'PATCH', pattern: one, permission: 'catalogs.update_item', handle: writeOne('update') }, 'catalogItems'),
  catalogRoute({ method: 'PUT', pattern: one, permission: 'catalogs.replace_item', handle: writeOne('replace') }, 'catalogItems'),
  catalogRoute({ method: 'DELETE', pattern: one, permission: 'catalogs.delete_item', handle: deleteOne, noBody: true }, 'catalogItems'),
];
