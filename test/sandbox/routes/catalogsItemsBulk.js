'use strict';
// Catalog items, asynchronous bulk (reference §29.4): POST (create), PATCH (update), PUT (create
// or replace) and DELETE /catalogs/{catalog_name}/items, up to 50 items a request, 16,000 requests a
// minute shared by the four. A request that breaks a rule is refused whole (400), its errors naming
// the item IDs they are about; one that passes answers 202 and its changes show later
// (visibleAfterMs). A change that cannot be applied then (creating an ID that exists, updating one
// that does not) is dropped and reported nowhere, as Braze documents no way to learn of it.
// https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/post_create_catalog_items_bulk
// https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/patch_catalog_items_bulk
// https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/put_catalog_items_bulk
// https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/delete_catalog_items_bulk
const { catalogRoute, catalogError, notFound, pathPattern, itemErrors, storedFields, patched } = require('./catalogsStore');

const MODES = { create: 'full', update: 'patch', replace: 'full', delete: 'delete' };

function apply(store, catalog, action, item) {
  const current = catalog.items.get(item.id);
  const fail = (reason) => store.failed.push({ catalog: catalog.name, action, id: item.id, reason });
  if (action === 'delete') catalog.items.delete(item.id);
  else if (action === 'create') {
    if (current) fail('item-already-exists');
    else catalog.items.set(item.id, { id: item.id, ...storedFields(catalog, item) });
  } else if (action === 'update') {
    if (!current) fail('item-not-found');
    else catalog.items.set(item.id, patched(catalog, current, Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'id'))));
  } else catalog.items.set(item.id, { id: item.id, ...storedFields(catalog, item) });
}

function bulk(action) {
  return ({ body, params, ctx, store, now }) => {
    const name = decodeURIComponent(params.catalog);
    const catalog = store.catalog(name);
    if (!catalog) return notFound(name);
    const unknown = Object.keys(body).filter((k) => k !== 'items');
    if (ctx.strict && unknown.length) return catalogError(400, [['item-array-invalid', `Unknown parameters: ${unknown.join(', ')}`]]);
    const errors = itemErrors(catalog, body.items, MODES[action]);
    if (errors.length) return catalogError(400, errors);
    for (const item of body.items) store.accepted.push({ catalog: name, action, id: item.id, at: now });
    const items = body.items.map((item) => ({ ...item }));
    store.later(now, name, () => {
      for (const item of items) apply(store, catalog, action, item);
    });
    return { status: 202, body: { message: 'success' } };
  };
}

const items = pathPattern('/items');
module.exports = [
  catalogRoute({ method: 'POST', pattern: items, permission: 'catalogs.add_items', handle: bulk('create') }, 'catalogItemsBulk'),
  catalogRoute({ method: 'PATCH', pattern: items, permission: 'catalogs.update_items', handle: bulk('update') }, 'catalogItemsBulk'),
  catalogRoute({ method: 'PUT', pattern: items, permission: 'catalogs.replace_items', handle: bulk('replace') }, 'catalogItemsBulk'),
  catalogRoute({ method: 'DELETE', pattern: items, permission: 'catalogs.delete_items', handle: bulk('delete') }, 'catalogItemsBulk'),
];
