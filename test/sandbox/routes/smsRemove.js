'use strict';
// POST /sms/invalid_phone_numbers/remove (sms.invalid_phone_numbers.remove): takes up to 50
// numbers (phone_numbers, E.164) off the invalid list.
// https://www.braze.com/docs/api/endpoints/sms/post_remove_invalid_numbers
const { Problems } = require('../rules/check');
const { LISTS, PHONE, entriesOf, removeFrom } = require('../rules/hygieneLists');

function handle({ body, ctx, state }) {
  const problems = new Problems();
  if (ctx.strict !== false) for (const key of Object.keys(body)) if (key !== 'phone_numbers') problems.bad(`body.${key} is not a documented field`);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const phones = entriesOf(body, 'phone_numbers', { allowString: false, format: PHONE, formatWords: 'an E.164 number' });
  if (phones.answer) return phones.answer;
  removeFrom(state, LISTS.invalidPhones, phones.list.map((phone) => phone.replace(/^\+?/, '+')));
  return { status: 201, body: { message: 'success' } };
}

module.exports = { method: 'POST', path: '/sms/invalid_phone_numbers/remove', permission: 'sms.invalid_phone_numbers.remove', handle };
