'use strict';
// GET /events/list?page=… (events.list; reference §28.2): the workspace's custom event names,
// 250 a page, alphabetical, as plain strings; and GET /events?cursor=… (events.get; §28.4):
// 50 events a page with their metadata, the next page named in a Link header. Braze counts both
// in one limit of 1,000 requests an hour (https://www.braze.com/docs/api/api_limits); the
// stand-in gives each its own bucket of 1,000 (route.rateLimit), with its own X-RateLimit-*
// headers and a 429 once it is spent.
// https://www.braze.com/docs/api/endpoints/export/custom_events/get_custom_events
// https://www.braze.com/docs/api/endpoints/export/custom_events/get_custom_events_data
const { contentOf, unknownParameter } = require('./contentStore');

const NAMES_PER_PAGE = 250;
const EVENTS_PER_PAGE = 50;

function sorted(store) {
  return [...store.events].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const HOUR = 3600 * 1000;
const EVENTS_LIMIT = { limit: 1000, windowMs: HOUR };

function listNames({ query, ctx, state }) {
  const unknown = unknownParameter(query, ctx, ['page']);
  if (unknown) return unknown;
  const page = query.page === undefined || query.page === '' ? 0 : /^\d+$/.test(query.page) ? Number(query.page) : NaN;
  if (Number.isNaN(page)) return { status: 400, body: { message: 'page must be a whole number from 0' } };
  const names = sorted(contentOf(state)).map((event) => event.name).slice(page * NAMES_PER_PAGE, (page + 1) * NAMES_PER_PAGE);
  return { status: 200, body: { message: 'success', events: names } };
}

function listEvents({ query, ctx, state }) {
  const unknown = unknownParameter(query, ctx, ['cursor']);
  if (unknown) return unknown;
  let start = 0;
  if (query.cursor !== undefined) {
    const decoded = Buffer.from(query.cursor, 'base64').toString('utf8');
    if (!/^skip:\d+$/.test(decoded)) return { status: 400, body: { message: 'Invalid cursor' } };
    start = Number(decoded.slice(5));
  }
  const all = sorted(contentOf(state));
  const events = all.slice(start, start + EVENTS_PER_PAGE);
  const next = start + EVENTS_PER_PAGE;
  const headers = next < all.length ? { Link: `</events?cursor=${encodeURIComponent(Buffer.from(`skip:${next}`).toString('base64'))}>; rel="next"` } : {};
  return { status: 200, body: { message: 'success', events }, headers };
}

module.exports = [
  { method: 'GET', path: '/events/list', permission: 'events.list', handle: listNames, noBody: true, rateLimit: EVENTS_LIMIT },
  { method: 'GET', path: '/events', permission: 'events.get', handle: listEvents, noBody: true, rateLimit: EVENTS_LIMIT },
];
