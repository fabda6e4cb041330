'use strict';
// Catalog management, synchronous (reference §29.1): GET /catalogs, POST /catalogs,
// DELETE /catalogs/{catalog_name}; 50 requests a minute shared by the three.
// https://www.braze.com/docs/api/endpoints/catalogs/catalog_management/synchronous/get_list_catalogs
// https://www.braze.com/docs/api/endpoints/catalogs/catalog_management/synchronous/post_create_catalog
// https://www.braze.com/docs/api/endpoints/catalogs/catalog_management/synchronous/delete_catalog
const { MAX_NAME, MAX_DESCRIPTION, MAX_FIELDS, FIELD_TYPES, catalogRoute, catalogError, notFound, pathPattern, validName, isPlainObject } = require('./catalogsStore');

/** GET /catalogs: every catalog with its fields (Braze documents no paging). */
function list({ store }) {
  return { status: 200, body: { catalogs: [...store.catalogs.values()].map((c) => store.describe(c)), message: 'success' } };
}

/** POST /catalogs: exactly one catalog, `id` (string) its first field. */
function create({ body, ctx, store, now }) {
  const errors = [];
  const unknown = Object.keys(body).filter((k) => k !== 'catalogs');
  if (ctx.strict && unknown.length) errors.push(['invalid-fields', `Unknown parameters: ${unknown.join(', ')}`]);
  const { catalogs } = body;
  if (!Array.isArray(catalogs) || catalogs.length === 0 || !catalogs.every(isPlainObject)) return catalogError(400, [['catalog-array-invalid', 'catalogs must be an array of catalog objects']]);
  if (catalogs.length > 1) return catalogError(400, [['too-many-catalog-atoms', 'Only one catalog can be created per request']]);
  const [catalog] = catalogs;
  const { name, description, fields } = catalog;
  if (typeof name !== 'string' || name.length > MAX_NAME) errors.push(['catalog-name-too-large', `Catalog name can't be longer than ${MAX_NAME} characters`, ['name'], [name]]);
  else if (!validName(name)) errors.push(['invalid-catalog-name', 'Catalog name can only include letters, numbers, hyphens, and underscores', ['name'], [name]]);
  else if (store.catalog(name)) errors.push(['catalog-name-already-exists', 'A catalog with that name already exists', ['name'], [name]]);
  if (typeof description !== 'string' || description.length > MAX_DESCRIPTION) errors.push(['description-too-long', `Description can't be longer than ${MAX_DESCRIPTION} characters`, ['description'], [description]]);
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every(isPlainObject)) errors.push(['invalid-fields', 'fields must be an array of {name, type}']);
  else {
    const names = fields.map((f) => f.name);
    if (fields.length > MAX_FIELDS) errors.push(['too-many-fields', `A catalog can have at most ${MAX_FIELDS} fields`]);
    if (new Set(names).size !== names.length) errors.push(['field-names-not-unique', 'Field names must be unique']);
    const badNames = names.filter((n) => typeof n !== 'string' || n.length > MAX_NAME);
    if (badNames.length) errors.push(['field-names-too-large', `Field names can't be longer than ${MAX_NAME} characters`, ['fields'], badNames]);
    const invalidNames = names.filter((n) => typeof n === 'string' && n.length <= MAX_NAME && !validName(n));
    if (invalidNames.length) errors.push(['invalid-field-names', 'Field names can only include letters, numbers, hyphens, and underscores', ['fields'], invalidNames]);
    const badTypes = fields.filter((f) => !FIELD_TYPES.includes(f.type)).map((f) => f.name);
    if (badTypes.length) errors.push(['invalid-field-types', 'Make sure the field types are valid', ['fields'], badTypes]);
    if (fields[0].name !== 'id' || fields[0].type !== 'string') errors.push(['id-not-first-column', 'The first field must be id, of type string']);
  }
  if (errors.length) return catalogError(400, errors);
  const made = store.create(name, fields.slice(1).map((f) => ({ name: f.name, type: f.type })), description);
  made.updated_at = new Date(now).toISOString();
  return { status: 201, body: { catalogs: [store.describe(made)], message: 'success' } };
}

/** DELETE /catalogs/{catalog_name}. */
function remove({ params, store }) {
  const name = decodeURIComponent(params.catalog);
  if (!store.catalog(name)) return notFound(name);
  store.catalogs.delete(name);
  store.pending = store.pending.filter((change) => change.catalog !== name);
  return { status: 200, body: { message: 'success' } };
}

module.exports = [
  catalogRoute({ method: 'GET', path: '/catalogs', permission: 'catalogs.get', handle: list, noBody: true }, 'catalogs'),
  catalogRoute({ method: 'POST', path: '/catalogs', permission: 'catalogs.create', handle: create }, 'catalogs'),
  catalogRoute({ method: 'DELETE', pattern: pathPattern(), permission: 'catalogs.delete', handle: remove, noBody: true }, 'catalogs'),
];
