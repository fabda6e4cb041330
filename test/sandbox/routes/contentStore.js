'use strict';
// The stand-in's email templates, Content Blocks and custom events (reference §28, §30): one store
// per stand-in, so that what Create makes, List and Info show. Not a route.
const { emailTemplates } = require('./catalogue');

const CREATED = '2026-01-10T09:00:00.000+00:00';

/** Tags that exist in the stand-in's workspace: Braze refuses others ("Some tags could not be found"). */
const KNOWN_TAGS = ['transactional', 'onboarding', 'newsletter', 'commerce', 'digest', 'promo'];

/** The workspace's custom events, with the metadata GET /events gives. */
const EVENTS = ['added_to_cart', 'completed_order', 'opened_app_settings', 'started_trial', 'viewed_product'];

const STORE_KEY = 'contentStore';

function baseTemplates() {
  return emailTemplates.map((t, i) => ({
    ...t,
    description: `${t.template_name} (stand-in)`,
    subject: `${t.template_name} subject`,
    preheader: '',
    body: `<p>${t.template_name}</p>`,
    plaintext_body: t.template_name,
    should_inline_css: i === 0,
    created_at: CREATED,
    updated_at: CREATED,
  }));
}

function baseBlocks() {
  return [
    { content_block_id: 'cb-footer-0001', name: 'email_footer', content: '<p>Unsubscribe: {{${unsubscribe_url}}}</p>', description: 'The legal footer', content_type: 'html', state: 'active', tags: ['transactional'], created_at: CREATED, last_edited: CREATED, inclusion_count: 3 },
    { content_block_id: 'cb-promo-0002', name: 'spring_promo', content: 'Spring sale: 20% off', description: 'Seasonal promo line', content_type: 'text', state: 'draft', tags: ['promo'], created_at: CREATED, last_edited: CREATED, inclusion_count: 0 },
  ];
}

function baseEvents() {
  return EVENTS.map((name) => ({ name, description: `${name.replace(/_/g, ' ')} (stand-in)`, included_in_analytics_report: name !== 'opened_app_settings', status: 'Active', tag_names: [] }));
}

/**
 * The store of one stand-in, kept in its `state.seeded` (so the stand-in's reset() clears it):
 * the fixed templates and blocks (copies, which Update may change), and, after them, the records a
 * test seeds (`standIn.seedList('emailTemplates' | 'contentBlocks', records)`) and those Create
 * makes. The custom events are the five below, or those seeded as 'customEvents' (none: []).
 */
function contentOf(state) {
  if (!state.seeded.has(STORE_KEY)) {
    state.seeded.set(STORE_KEY, { templates: baseTemplates(), blocks: baseBlocks(), counter: 0 });
  }
  const store = state.seeded.get(STORE_KEY);
  const seeded = (key) => state.seeded.get(key) || [];
  return {
    get templates() {
      return [...store.templates, ...seeded('emailTemplates')];
    },
    get blocks() {
      return [...store.blocks, ...seeded('contentBlocks')];
    },
    get events() {
      return state.seeded.has('customEvents') ? seeded('customEvents') : baseEvents();
    },
    tags: new Set(KNOWN_TAGS),
    /** Keeps a record Create made, after the others. */
    add(key, record) {
      state.seeded.set(key, [...seeded(key), record]);
    },
    nextId(prefix) {
      store.counter += 1;
      return `${prefix}-${String(store.counter).padStart(6, '0')}-stand-in`;
    },
  };
}

/** Braze's tag rules for templates and Content Blocks (reference §30.3, §30.6); an error text or null. */
function tagProblem(store, tags) {
  if (tags === undefined) return null;
  if (!Array.isArray(tags)) return 'Tags must be an array';
  if (!tags.every((tag) => typeof tag === 'string')) return 'All tags must be strings';
  if (!tags.every((tag) => store.tags.has(tag))) return 'Some tags could not be found';
  return null;
}

/** A whole number query parameter, `fallback` when absent, NaN when not a whole number. */
function whole(value, fallback) {
  if (value === undefined || value === '') return fallback;
  return /^\d+$/.test(value) ? Number(value) : NaN;
}

const bad = (message) => ({ status: 400, body: { message } });

/** A 400 for a query parameter the endpoint does not document (strict mode), or null. */
function unknownParameter(query, ctx, known) {
  const name = ctx.strict === false ? undefined : Object.keys(query).find((key) => !known.includes(key));
  return name === undefined ? null : bad(`${name} is not a documented query parameter`);
}

module.exports = { contentOf, tagProblem, whole, bad, unknownParameter, KNOWN_TAGS };
