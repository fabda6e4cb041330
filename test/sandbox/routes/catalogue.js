'use strict';
// The fixed catalogue behind the stand-in's list endpoints (campaigns, Canvases, segments, email
// templates). Ids are fixed so tests can name them. Campaigns run past one page (Braze returns
// 100 per page) so the node's paging is exercised.

const { Problems, isIso8601, parseIso8601 } = require('../rules/check');

const PAGE_SIZE = 100;

const campaigns = [
  { id: 'cmp-welcome-0001', name: 'Welcome Series', is_api_campaign: true, tags: ['onboarding'] },
  { id: 'cmp-order-0002', name: 'Order Shipped', is_api_campaign: true, tags: ['transactional'] },
  { id: 'cmp-winback-0003', name: 'Win-back Offer', is_api_campaign: false, tags: [] },
  { id: 'cmp-reset-0004', name: 'Password Reset', is_api_campaign: true, tags: ['transactional'] },
];
for (let i = 1; i <= 100; i += 1) {
  const n = String(i).padStart(3, '0');
  campaigns.push({ id: `cmp-digest-${n}`, name: `Weekly Digest ${n}`, is_api_campaign: true, tags: ['digest'] });
}

const canvases = [
  { id: 'cnv-onboard-0001', name: 'Onboarding Journey', tags: ['onboarding'] },
  { id: 'cnv-cart-0002', name: 'Abandoned Cart', tags: ['commerce'] },
  { id: 'cnv-renewal-0003', name: 'Subscription Renewal', tags: [] },
];

const segments = [
  { id: 'seg-all-0001', name: 'All Users', analytics_tracking_enabled: true, tags: [] },
  { id: 'seg-vip-0002', name: 'VIP Customers', analytics_tracking_enabled: true, tags: ['commerce'] },
  { id: 'seg-lapsed-0003', name: 'Lapsed 30 Days', analytics_tracking_enabled: false, tags: [] },
];

const emailTemplates = [
  { email_template_id: 'tpl-receipt-0001', template_name: 'Receipt', tags: ['transactional'] },
  { email_template_id: 'tpl-newsletter-0002', template_name: 'Monthly Newsletter', tags: [] },
  { email_template_id: 'tpl-reset-0003', template_name: 'Password Reset Email', tags: ['transactional'] },
];

const LAST_EDITED = '2026-01-15T10:00:00+00:00';

/** Braze's page parameter: an integer from 0, default 0. Returns NaN when it is not one. */
function pageNumber(query) {
  if (query.page === undefined || query.page === '') return 0;
  return /^\d+$/.test(query.page) ? Number(query.page) : NaN;
}

/**
 * A list's records, oldest first by creation: the fixed catalogue, then any a test seeded
 * (state.seeded, index.js seedList). A seeded record may carry `archived: true` (Braze's list
 * leaves archived ones out unless include_archived) and its own `last_edited`.
 */
function listRecords(key, items, state) {
  const seeded = (state && state.seeded && state.seeded.get(key)) || [];
  return [...items, ...seeded].map((item) => ({ last_edited: LAST_EDITED, ...item }));
}

/** One record of a list by its id (fixed or seeded), or undefined. */
function findRecord(key, items, state, id) {
  return listRecords(key, items, state).find((item) => item.id === id);
}

const EDITED_AFTER = 'last_edit.time[gt]';
const BOOLEAN_TEXT = ['true', 'false'];

/**
 * GET handler for the page-numbered exports (/campaigns/list, /canvas/list, /segments/list):
 * `page` (from 0, 100 a page), `sort_direction` (asc: oldest first by creation, the default;
 * desc: newest first). Campaigns and Canvases also take `include_archived` (default false) and
 * `last_edit.time[gt]` (only those edited after it)
 * (https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaigns). A query parameter
 * the endpoint does not document is refused (strict mode), as a typo would be lost on Braze.
 */
function pagedList(key, items, { archiveFilters = false } = {}) {
  // The node's list search sends include_archived=false to all three; /segments/list does not
  // document it (it never lists archived segments), so there it is let through and ignored.
  const known = ['page', 'sort_direction', 'include_archived', ...(archiveFilters ? [EDITED_AFTER] : [])];
  return ({ query, ctx, state }) => {
    const problems = new Problems();
    const page = pageNumber(query);
    if (Number.isNaN(page)) problems.bad('page must be a whole number from 0');
    const direction = query.sort_direction;
    if (direction !== undefined && !['asc', 'desc'].includes(direction)) problems.bad(`sort_direction must be asc or desc, got "${direction}"`);
    const archived = query.include_archived;
    if (archived !== undefined && !BOOLEAN_TEXT.includes(archived)) problems.bad(`include_archived must be true or false, got "${archived}"`);
    const editedAfter = query[EDITED_AFTER];
    if (editedAfter !== undefined && !isIso8601(editedAfter)) problems.bad(`${EDITED_AFTER} must be a time such as 2020-06-28T23:59:59-05:00, got "${editedAfter}"`);
    if (!ctx || ctx.strict !== false) {
      for (const name of Object.keys(query)) if (!known.includes(name)) problems.bad(`${name} is not a documented query parameter`);
    }
    if (problems.any) return { status: 400, body: problems.toBody() };
    let records = listRecords(key, items, state).filter((item) => (archiveFilters && archived === 'true') || !item.archived);
    if (editedAfter !== undefined) records = records.filter((item) => parseIso8601(item.last_edited) > parseIso8601(editedAfter));
    if (direction === 'desc') records.reverse();
    const slice = records.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map(({ archived: _archived, ...item }) => item);
    return { status: 200, body: { [key]: slice, message: 'success' } };
  };
}

module.exports = { PAGE_SIZE, LAST_EDITED, campaigns, canvases, segments, emailTemplates, pagedList, listRecords, findRecord };
