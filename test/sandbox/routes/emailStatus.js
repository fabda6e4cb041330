'use strict';
// POST /email/status (email.status): sets the global email subscription state of up to 50
// addresses, also of addresses no user has yet. Unsubscribed adds them to the unsubscribe list;
// subscribed or opted_in takes them off it.
// https://www.braze.com/docs/api/endpoints/email/post_email_subscription_status
const { Problems } = require('../rules/check');
const { LISTS, EMAIL, entriesOf, addTo, removeFrom } = require('../rules/hygieneLists');

const STATES = ['subscribed', 'unsubscribed', 'opted_in'];

function handle({ body, ctx, state }) {
  const problems = new Problems();
  if (ctx.strict !== false) for (const key of Object.keys(body)) if (!['email', 'subscription_state'].includes(key)) problems.bad(`body.${key} is not a documented field`);
  if (body.subscription_state === undefined) problems.bad('body.subscription_state is required');
  else if (!STATES.includes(body.subscription_state)) problems.bad(`body.subscription_state must be one of ${STATES.join(', ')}, got ${JSON.stringify(body.subscription_state)}`);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const emails = entriesOf(body, 'email', { allowString: true, format: EMAIL, formatWords: 'an email address' });
  if (emails.answer) return emails.answer;
  if (body.subscription_state === 'unsubscribed') addTo(state, LISTS.unsubscribes, emails.list, ctx.now);
  else removeFrom(state, LISTS.unsubscribes, emails.list);
  return { status: 201, body: { message: 'success' } };
}

module.exports = { method: 'POST', path: '/email/status', permission: 'email.status', handle };
