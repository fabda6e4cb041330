'use strict';
// Catalog fields, asynchronous (reference §29.2): POST /catalogs/{catalog_name}/fields (at most 50
// new fields a request, 500 in a catalog) and DELETE /catalogs/{catalog_name}/fields/{field_name};
// both answer 202 and change the schema later. 50 requests a minute shared.
// https://www.braze.com/docs/api/endpoints/catalogs/catalog_fields/asynchronous/post_create_catalog_fields
// https://www.braze.com/docs/api/endpoints/catalogs/catalog_fields/asynchronous/delete_catalog_field
const { MAX_NAME, MAX_FIELDS, MAX_NEW_FIELDS, FIELD_TYPES, catalogRoute, catalogError, notFound, pathPattern, validName, isPlainObject } = require('./catalogsStore');

function create({ body, params, store, now }) {
  const name = decodeURIComponent(params.catalog);
  const catalog = store.catalog(name);
  if (!catalog) return notFound(name);
  const { fields } = body;
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every(isPlainObject)) return catalogError(400, [['invalid-fields', 'fields must be an array of {name, type}']]);
  if (fields.length > MAX_NEW_FIELDS) return catalogError(400, [['request-includes-too-many-fields', `At most ${MAX_NEW_FIELDS} fields can be created per request`]]);
  if (catalog.fields.length + fields.length > MAX_FIELDS) return catalogError(400, [['catalog-exceeds-fields-limit', `A catalog can have at most ${MAX_FIELDS} fields`]]);
  const errors = [];
  const badNames = fields.map((f) => f.name).filter((n) => !validName(n) || n === 'id');
  if (badNames.length) errors.push(['invalid-fields', `Field names can only include letters, numbers, hyphens, and underscores (at most ${MAX_NAME}), and not be id`, ['fields'], badNames]);
  const badTypes = fields.filter((f) => !FIELD_TYPES.includes(f.type)).map((f) => f.name);
  if (badTypes.length) errors.push(['invalid-fields', 'Make sure the field types are valid', ['fields'], badTypes]);
  if (errors.length) return catalogError(400, errors);
  store.later(now, name, () => {
    for (const field of fields) {
      if (!catalog.fields.some((f) => f.name === field.name)) catalog.fields.push({ name: field.name, type: field.type });
    }
  });
  return { status: 202, body: { message: 'success' } };
}

function remove({ params, store, now }) {
  const name = decodeURIComponent(params.catalog);
  const field = decodeURIComponent(params.field);
  const catalog = store.catalog(name);
  if (!catalog) return notFound(name);
  if (field === 'id' || !catalog.fields.some((f) => f.name === field)) return catalogError(404, [['invalid-field-name', 'Field name is not valid', ['field_name'], [field]]]);
  store.later(now, name, () => {
    catalog.fields = catalog.fields.filter((f) => f.name !== field);
    for (const item of catalog.items.values()) delete item[field];
  });
  return { status: 202, body: { message: 'success' } };
}

module.exports = [
  catalogRoute({ method: 'POST', pattern: pathPattern('/fields'), permission: 'catalogs.create_fields', handle: create }, 'catalogFields'),
  catalogRoute({ method: 'DELETE', pattern: pathPattern('/fields/(?<field>[^/]+)'), permission: 'catalogs.delete_fields', handle: remove, noBody: true }, 'catalogFields'),
];
