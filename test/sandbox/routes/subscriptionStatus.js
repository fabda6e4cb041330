'use strict';
// POST /v2/subscription/status/set: subscribe or unsubscribe users from email or SMS groups.
// https://www.braze.com/docs/api/endpoints/subscription_groups/post_update_user_subscription_group_status_v2
// Stand-in convention: a group id starting with "sms-" is an SMS group, any other an email group.
const { Problems, checkFields } = require('../rules/check');
const { E164 } = require('../rules/users');

const MAX = 50;
const ENTRY = {
  type: 'object',
  fields: {
    subscription_group_id: { type: 'string', required: true, nonEmpty: true },
    subscription_state: { type: 'string', required: true, enum: ['subscribed', 'unsubscribed'] },
    external_ids: { type: 'array', nonEmpty: true, items: { type: 'string', nonEmpty: true } },
    emails: { type: 'array', nonEmpty: true, items: { type: 'string', nonEmpty: true } },
    phones: { type: 'array', nonEmpty: true, items: { type: 'string', nonEmpty: true } },
    use_double_opt_in_logic: { type: 'boolean' },
  },
};

function handle({ body, ctx, state }) {
  const problems = new Problems();
  if (!checkFields(body, 'body', { subscription_groups: { type: 'array', required: true, nonEmpty: true, items: ENTRY } }, problems, ctx) || !Array.isArray(body.subscription_groups)) {
    return { status: 400, body: problems.toBody() };
  }
  const groups = body.subscription_groups;
  const anyEmails = groups.some((g) => g && g.emails !== undefined);
  const anyPhones = groups.some((g) => g && g.phones !== undefined);
  if (anyEmails && anyPhones) problems.bad('emails and phones cannot be in the same request');
  groups.forEach((g, i) => {
    if (!g || typeof g !== 'object') return;
    const path = `subscription_groups[${i}]`;
    const lists = ['external_ids', 'emails', 'phones'].filter((k) => g[k] !== undefined);
    if (lists.length === 0) problems.bad(`${path} needs external_ids, emails or phones`);
    for (const k of lists) if (Array.isArray(g[k]) && g[k].length > MAX) problems.bad(`${path}.${k} holds ${g[k].length}; at most ${MAX}`);
    for (const [j, p] of (Array.isArray(g.phones) ? g.phones : []).entries()) {
      if (typeof p === 'string' && !E164.test(p)) problems.bad(`${path}.phones[${j}] must be E.164 (like +12223334444), got ${JSON.stringify(p)}`);
    }
    const sms = String(g.subscription_group_id).startsWith('sms-');
    if (g.use_double_opt_in_logic !== undefined && !sms) problems.bad(`${path}.use_double_opt_in_logic applies to SMS groups only`);
    if (g.emails !== undefined && sms) problems.bad(`${path}: emails can't be set on an SMS group`);
    if (g.phones !== undefined && !sms) problems.bad(`${path}: phones can't be set on an email group`);
  });
  if (problems.any) return { status: 400, body: problems.toBody() };
  for (const g of groups) {
    for (const [kind, list] of [['external', g.external_ids], ['email', g.emails], ['phone', g.phones]]) {
      for (const id of list || []) state.subscriptions.set(`${g.subscription_group_id}|${kind}:${id}`, g.subscription_state);
    }
  }
  return { status: 201, body: { message: 'success' } };
}

module.exports = { method: 'POST', path: '/v2/subscription/status/set', permission: 'subscription.status.set', handle };
