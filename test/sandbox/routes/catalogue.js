'use strict';
// The fixed catalogue behind the stand-in's list endpoints (campaigns, Canvases, segments, email
// templates). Ids are fixed so tests can name them. Campaigns run past one page (Braze returns
// 100 per page) so the node's paging is exercised.

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

/** GET handler for the page-numbered exports (/campaigns/list, /canvas/list, /segments/list). */
function pagedList(key, items) {
  return ({ query }) => {
    const page = pageNumber(query);
    if (Number.isNaN(page)) return { status: 400, body: { message: 'Bad Request', errors: ['page must be a whole number from 0'] } };
    const slice = items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    return { status: 200, body: { [key]: slice.map((item) => ({ ...item, last_edited: LAST_EDITED })), message: 'success' } };
  };
}

module.exports = { PAGE_SIZE, campaigns, canvases, segments, emailTemplates, pagedList };
