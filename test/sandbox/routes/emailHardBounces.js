'use strict';
// GET /email/hard_bounces (email.hard_bounces): the addresses that hard-bounced between the dates,
// newest first, paged by limit (≤ 500) and offset; or one `email` looked up (the dates are then
// ignored). end_date is required, and start_date or email.
// https://www.braze.com/docs/api/endpoints/email/get_list_hard_bounces
const { LISTS, readListQuery, pageOf, lookUp } = require('../rules/hygieneLists');

function handle({ query, ctx, state }) {
  const read = readListQuery(query, ctx, ['email']);
  const { problems } = read;
  if (query.end_date === undefined) problems.bad('end_date is required');
  if (query.start_date === undefined && query.email === undefined) problems.bad('either start_date or email is required');
  if (problems.any) return { status: 400, body: problems.toBody() };
  if (query.email !== undefined) {
    // Braze: "limit/offset together with email can return an empty response".
    const paged = query.limit !== undefined || query.offset !== undefined;
    return { status: 200, body: { emails: paged ? [] : lookUp(state, LISTS.hardBounces, [query.email]), message: 'success' } };
  }
  return { status: 200, body: { emails: pageOf(state, LISTS.hardBounces, read), message: 'success' } };
}

module.exports = { method: 'GET', path: '/email/hard_bounces', permission: 'email.hard_bounces', handle, noBody: true };
