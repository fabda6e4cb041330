'use strict';
// The stand-in's catalogs (reference §29): their schema, their items, Braze's rules for both, the
// asynchronous (202) changes that become visible later, and the catalog endpoints' own rate
// limits. One store per stand-in; not a route.
//
// Like contentStore.js, the store hangs off the stand-in's profile map (`state.profiles`, which the
// handle exposes as `standIn.profiles`): a test reaches it with `catalogsOf(standIn.profiles)`.
// The stand-in's reset() does not know it: a test that uses catalogs calls `catalogsOf(…).reset()`.
// https://www.braze.com/docs/api/endpoints/catalogs/
const { isIso8601 } = require('../rules/check');

const MINUTE = 60 * 1000;

/**
 * Braze's shared limits of the catalog endpoints (https://www.braze.com/docs/api/api_limits):
 * 50 a minute for the synchronous catalog endpoints (GET/POST /catalogs, DELETE /catalogs/{name}),
 * 50 a minute for the asynchronous field (and selection) endpoints, 50 a minute for the
 * synchronous item endpoints, and 16,000 a minute for the asynchronous bulk item endpoints.
 */
const LIMITS = {
  catalogs: 50,
  catalogFields: 50,
  catalogItems: 50,
  catalogItemsBulk: 16000,
};

/** Letters, numbers, hyphens and underscores, at most 250: catalog names, field names, item IDs. */
const NAME = /^[A-Za-z0-9_-]+$/;
const MAX_NAME = 250;
const MAX_DESCRIPTION = 250;
const MAX_FIELDS = 500;
const MAX_NEW_FIELDS = 50;
/** Items per bulk request; one on the single-item endpoints. */
const MAX_ITEMS = 50;
/** "Item values can't exceed 5,000 characters": the stand-in counts the item's JSON. */
const MAX_ITEM_CHARS = 5000;
const MAX_NESTING = 50;
/** Catalogs hold string arrays of at most 100 elements (https://www.braze.com/docs/user_guide/data/activation/custom_data/data_types/). */
const MAX_ARRAY = 100;
const PAGE_SIZE = 50;
const FIELD_TYPES = ['string', 'number', 'boolean', 'time', 'object', 'array'];

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const validName = (name) => typeof name === 'string' && name.length > 0 && name.length <= MAX_NAME && NAME.test(name);

/** Braze's catalog error answer (§29.5). */
function catalogError(status, errors) {
  return { status, body: { errors: errors.map(([id, message, parameters = [], values = []]) => ({ id, message, parameters, parameter_values: values })), message: 'Invalid Request' } };
}
const notFound = (name) => catalogError(404, [['catalog-not-found', 'Could not find catalog', ['catalog_name'], [name]]]);

function depthOf(value) {
  let deepest = 0;
  const stack = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, d + 1);
    for (const inner of Object.values(v)) stack.push([inner, d + 1]);
  }
  return deepest;
}

function badObjectKey(value) {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    for (const [key, inner] of Object.entries(v)) {
      if (!Array.isArray(v) && (key.includes('.') || key.includes('$'))) return key;
      stack.push(inner);
    }
  }
  return undefined;
}

/** Whether `value` can be stored in a field of `type`, and as what (Braze coerces what it can). */
function coerce(value, type) {
  if (value === null) return { ok: true, value };
  switch (type) {
    case 'string':
      return ['string', 'number', 'boolean'].includes(typeof value) ? { ok: true, value: String(value) } : { ok: false };
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
    }
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      return value === 'true' || value === 'false' ? { ok: true, value: value === 'true' } : { ok: false };
    case 'time':
      return typeof value === 'string' && isIso8601(value) ? { ok: true, value } : { ok: false };
    case 'object':
      return isPlainObject(value) ? { ok: true, value } : { ok: false };
    case 'array':
      return Array.isArray(value) && value.length <= MAX_ARRAY && value.every((e) => typeof e === 'string') ? { ok: true, value } : { ok: false };
    default:
      return { ok: true, value };
  }
}

/** An array field's `{"$add": […], "$remove": […]}` on PATCH (§29.3). */
const isArrayChange = (value) => isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => k === '$add' || k === '$remove') && Object.values(value).every((v) => Array.isArray(v) && v.every((e) => typeof e === 'string'));

class CatalogStore {
  constructor() {
    this.reset();
  }

  /** Back to no catalogs, Braze's limits, changes visible at once. */
  reset() {
    /** name -> { name, description, fields: [{name, type}], items: Map<id, item>, updated_at } */
    this.catalogs = new Map();
    /** Accepted asynchronous changes not yet applied, in order. */
    this.pending = [];
    /** Every accepted item change, in order: { catalog, action, id, at } (what a retry test counts). */
    this.accepted = [];
    /** Changes accepted with 202 that failed when applied (Braze reports them nowhere). */
    this.failed = [];
    this.settings = { visibleAfterMs: 0, windowMs: MINUTE };
    this.windows = {};
  }

  /**
   * visibleAfterMs: how long after its 202 an asynchronous change shows (on the stand-in's clock);
   * windowMs: the rate-limit window (a minute; a benchmark scales it down, keeping the counts).
   */
  configure(settings) {
    this.settings = { ...this.settings, ...settings };
    this.windows = {};
  }

  /** Counts one request in its bucket: the headers to answer with, and whether it may be served. */
  take(bucket, now) {
    const limit = LIMITS[bucket];
    let window = this.windows[bucket];
    if (!window || now >= window.end) window = this.windows[bucket] = { end: now + this.settings.windowMs, used: 0 };
    const allowed = window.used < limit;
    if (allowed) window.used += 1;
    const headers = {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(Math.max(0, limit - window.used)),
      'X-RateLimit-Reset': String(Math.ceil(window.end / 1000)),
    };
    return { allowed, headers };
  }

  /** Applies the accepted changes whose time has come. */
  settle(now) {
    while (this.pending.length && this.pending[0].visibleAt <= now) this.pending.shift().apply();
  }

  /** Queues an asynchronous change to a catalog, visible after the configured delay. */
  later(now, catalog, apply) {
    this.pending.push({ visibleAt: now + this.settings.visibleAfterMs, catalog, apply });
    this.settle(now);
  }

  catalog(name) {
    return this.catalogs.get(name);
  }

  /** A catalog as GET /catalogs lists it. */
  describe(catalog) {
    return { description: catalog.description, fields: catalog.fields.map((f) => ({ ...f })), name: catalog.name, num_items: catalog.items.size, updated_at: catalog.updated_at };
  }

  /** A catalog made directly (tests): fields after `id`, e.g. [{name: 'price', type: 'number'}]. */
  create(name, fields, description = '', items = []) {
    const catalog = { name, description, fields: [{ name: 'id', type: 'string' }, ...fields], items: new Map(), updated_at: new Date(0).toISOString() };
    for (const item of items) catalog.items.set(item.id, { ...item });
    this.catalogs.set(name, catalog);
    return catalog;
  }

  /** The visible items of a catalog, as an array. */
  items(name) {
    const catalog = this.catalogs.get(name);
    return catalog ? [...catalog.items.values()] : [];
  }
}

const stores = new WeakMap();

/** The store of the stand-in whose state (or profile map) this is. */
function catalogsOf(stateOrProfiles) {
  const key = stateOrProfiles && stateOrProfiles.profiles instanceof Map ? stateOrProfiles.profiles : stateOrProfiles;
  let store = stores.get(key);
  if (!store) {
    store = new CatalogStore();
    stores.set(key, store);
  }
  return store;
}

/**
 * A route of a catalog endpoint: counts the request in its bucket (a 429 with the bucket's
 * headers when spent), applies the changes whose time has come, then answers; the bucket's
 * X-RateLimit-* headers go on the answer.
 */
function catalogRoute(route, bucket) {
  return {
    ...route,
    handle(args) {
      const store = catalogsOf(args.state);
      const now = args.ctx.now;
      const { allowed, headers } = store.take(bucket, now);
      if (!allowed) return { status: 429, body: { message: 'Rate Limited' }, headers };
      store.settle(now);
      const result = route.handle({ ...args, store, now });
      return { ...result, headers: { ...headers, ...result.headers } };
    },
  };
}

/** A path with named groups, e.g. /catalogs/(?<catalog>[^/]+)/items. */
const pathPattern = (rest = '') => new RegExp(`^/catalogs/(?<catalog>[^/]+)${rest}$`);

/**
 * Braze's item rules (§29.4) for one request's items: the errors, each naming the item IDs it is
 * about where it concerns items, or [] when every item may go. `mode`: 'full' (create, replace),
 * 'patch' (update: array fields may take $add/$remove), 'delete' (IDs only), or 'single' (the
 * single-item endpoints: one item, no id in the body; `pathId` is the path's item ID).
 */
function itemErrors(catalog, items, mode, pathId) {
  if (!Array.isArray(items) || !items.every(isPlainObject)) return [['item-array-invalid', 'items must be an array of objects']];
  const single = mode === 'single' || mode === 'singlePatch';
  if (items.length === 0) return [['item-array-invalid', 'items must not be empty']];
  if (items.length > (single ? 1 : MAX_ITEMS)) return [['request-includes-too-many-items', `The request has more than ${single ? 1 : MAX_ITEMS} items`]];
  const errors = [];
  const named = (id, message, ids) => errors.push([id, message, ['id'], ids]);
  if (single) {
    if (items[0].id !== undefined) errors.push(['id-in-body', 'Item ID must be given in the path, not the body', ['id'], [items[0].id]]);
  } else {
    const missing = items.filter((i) => i.id === undefined).length;
    if (missing) errors.push(['items-missing-ids', `There are ${missing} item(s) that do not have ids`]);
    const ids = items.map((i) => i.id).filter((id) => id !== undefined);
    const notStrings = ids.filter((id) => typeof id !== 'string');
    if (notStrings.length) named('ids-not-strings', 'Item IDs must be strings', notStrings);
    const strings = ids.filter((id) => typeof id === 'string');
    const repeated = [...new Set(strings.filter((id, i) => strings.indexOf(id) !== i))];
    if (repeated.length) named('ids-not-unique', 'Item IDs must be unique in the request', repeated);
    const tooLong = strings.filter((id) => id.length > MAX_NAME);
    if (tooLong.length) named('ids-too-large', `Item IDs can't be longer than ${MAX_NAME} characters`, tooLong);
    const invalid = strings.filter((id) => id.length <= MAX_NAME && !validName(id));
    if (invalid.length) named('invalid-ids', 'Item IDs can only include letters, numbers, hyphens, and underscores', invalid);
  }
  if (mode === 'delete') {
    const extra = items.filter((i) => Object.keys(i).some((k) => k !== 'id')).map((i) => i.id);
    if (extra.length) named('invalid-fields', 'Some of the fields given do not exist in the catalog', extra);
    return errors;
  }
  const fieldTypes = new Map(catalog.fields.map((f) => [f.name, f.type]));
  const by = { unknown: [], badKey: [], deep: [], large: [], coerce: [] };
  for (const [index, item] of items.entries()) {
    const id = single ? pathId : item.id;
    const fields = Object.entries(item).filter(([k]) => k !== 'id');
    if (fields.some(([k]) => !fieldTypes.has(k))) by.unknown.push(id);
    if (fields.some(([, v]) => depthOf(v) > MAX_NESTING)) by.deep.push(id);
    else if (fields.some(([k, v]) => !(mode.endsWith('atch') && fieldTypes.get(k) === 'array' && isArrayChange(v)) && badObjectKey(v) !== undefined)) by.badKey.push(id);
    if (JSON.stringify(item).length > MAX_ITEM_CHARS) by.large.push(id);
    const wrong = fields.some(([k, v]) => {
      const type = fieldTypes.get(k);
      if (type === undefined) return false;
      if (mode.endsWith('atch') && type === 'array' && isArrayChange(v)) return false;
      return !coerce(v, type).ok;
    });
    if (wrong) by.coerce.push(id);
  }
  if (by.unknown.length) named('invalid-fields', 'Some of the fields given do not exist in the catalog', by.unknown);
  if (by.badKey.length) named('invalid-keys-in-value-object', "Item object keys can't include . or $", by.badKey);
  if (by.deep.length) named('too-deep-nesting-in-value-object', `Item objects can't have more than ${MAX_NESTING} levels of nesting`, by.deep);
  if (by.large.length) named('items-too-large', `Item values can't exceed ${MAX_ITEM_CHARS} characters`, by.large);
  if (by.coerce.length) named('unable-to-coerce-value', "Item types can't be converted", by.coerce);
  return errors;
}

/** An item's fields stored as their catalog types (after itemErrors found none wrong). */
function storedFields(catalog, item) {
  const types = new Map(catalog.fields.map((f) => [f.name, f.type]));
  const out = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'id') continue;
    out[key] = coerce(value, types.get(key)).value;
  }
  return out;
}

/** An update's fields applied to an item: plain values replace, $add/$remove change an array. */
function patched(catalog, current, changes) {
  const next = { ...current };
  const stored = storedFields(catalog, Object.fromEntries(Object.entries(changes).filter(([, v]) => !isArrayChange(v))));
  Object.assign(next, stored);
  for (const [key, value] of Object.entries(changes)) {
    if (!isArrayChange(value)) continue;
    let list = Array.isArray(next[key]) ? [...next[key]] : [];
    if (value.$add) list.push(...value.$add);
    if (value.$remove) list = list.filter((e) => !value.$remove.includes(e));
    next[key] = list;
  }
  return next;
}

module.exports = {
  LIMITS,
  MAX_NAME,
  MAX_DESCRIPTION,
  MAX_FIELDS,
  MAX_NEW_FIELDS,
  MAX_ITEMS,
  PAGE_SIZE,
  FIELD_TYPES,
  CatalogStore,
  catalogsOf,
  catalogRoute,
  catalogError,
  notFound,
  pathPattern,
  validName,
  isPlainObject,
  itemErrors,
  storedFields,
  patched,
};
