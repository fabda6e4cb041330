'use strict';
// The email list writes, each { "email": string | [string] (≤ 50) }:
// - POST /email/bounce/remove (email.bounce.remove): off the hard bounce list;
// - POST /email/spam/remove (email.spam.remove): off the spam list;
// - POST /email/blocklist and its legacy twin /email/blacklist (both email.blacklist): unsubscribed
//   and marked hard-bounced.
// https://www.braze.com/docs/api/endpoints/email/post_remove_hard_bounces
// https://www.braze.com/docs/api/endpoints/email/post_remove_spam
// https://www.braze.com/docs/api/endpoints/email/post_blocklist
const { Problems } = require('../rules/check');
const { LISTS, EMAIL, entriesOf, addTo, removeFrom, bounceTime } = require('../rules/hygieneLists');

function emailWrite(apply) {
  return ({ body, ctx, state }) => {
    const problems = new Problems();
    if (ctx.strict !== false) for (const key of Object.keys(body)) if (key !== 'email') problems.bad(`body.${key} is not a documented field`);
    if (problems.any) return { status: 400, body: problems.toBody() };
    const emails = entriesOf(body, 'email', { allowString: true, format: EMAIL, formatWords: 'an email address' });
    if (emails.answer) return emails.answer;
    apply(state, emails.list, ctx.now);
    return { status: 201, body: { message: 'success' } };
  };
}

const blocklist = emailWrite((state, list, now) => {
  addTo(state, LISTS.hardBounces, list, now, bounceTime);
  addTo(state, LISTS.unsubscribes, list, now);
});

module.exports = [
  { method: 'POST', path: '/email/bounce/remove', permission: 'email.bounce.remove', handle: emailWrite((state, list) => removeFrom(state, LISTS.hardBounces, list)) },
  { method: 'POST', path: '/email/spam/remove', permission: 'email.spam.remove', handle: emailWrite((state, list) => removeFrom(state, LISTS.spam, list)) },
  { method: 'POST', path: '/email/blocklist', permission: 'email.blacklist', handle: blocklist },
  { method: 'POST', path: '/email/blacklist', permission: 'email.blacklist', handle: blocklist },
];
