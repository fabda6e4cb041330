'use strict';
// GET /email/unsubscribes (email.unsubscribe): the addresses that unsubscribed between the dates,
// newest first unless sort_direction=asc, paged by limit (≤ 500) and offset; or one `email` looked up.
// "You must provide an end_date, as well as either an email or a start_date."
// https://www.braze.com/docs/api/endpoints/email/get_query_unsubscribed_email_addresses
const { LISTS, readListQuery, pageOf, lookUp } = require('../rules/hygieneLists');

function handle({ query, ctx, state }) {
  const read = readListQuery(query, ctx, ['email', 'sort_direction']);
  const { problems } = read;
  if (query.end_date === undefined) problems.bad('end_date is required');
  if (query.start_date === undefined && query.email === undefined) problems.bad('either start_date or email is required');
  if (query.sort_direction !== undefined && !['asc', 'desc'].includes(query.sort_direction)) problems.bad(`sort_direction must be asc or desc, got "${query.sort_direction}"`);
  if (problems.any) return { status: 400, body: problems.toBody() };
  if (query.email !== undefined) {
    // Braze: with limit or offset, an email lookup "can return an empty response".
    const paged = query.limit !== undefined || query.offset !== undefined;
    return { status: 200, body: { emails: paged ? [] : lookUp(state, LISTS.unsubscribes, [query.email]), message: 'success' } };
  }
  return { status: 200, body: { emails: pageOf(state, LISTS.unsubscribes, read, query.sort_direction === 'asc'), message: 'success' } };
}

module.exports = { method: 'GET', path: '/email/unsubscribes', permission: 'email.unsubscribe', handle, noBody: true };
