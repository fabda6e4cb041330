'use strict';
// GET /sms/invalid_phone_numbers (sms.invalid_phone_numbers): the numbers found invalid between
// the dates, newest first, paged by limit (≤ 500) and offset, optionally of one `reason`
// (provider_error, deactivated); or the numbers of phone_numbers[]=… (E.164) looked up, when the
// dates are ignored. "You must provide either a start_date and an end_date OR phone_numbers."
// https://www.braze.com/docs/api/endpoints/sms/get_query_invalid_numbers
const { LISTS, PHONE, readListQuery, pageOf, lookUp } = require('../rules/hygieneLists');

const REASONS = ['provider_error', 'deactivated'];
const PHONES = 'phone_numbers[]';

function handle({ query, ctx, state }) {
  const read = readListQuery(query, ctx, [PHONES, 'reason']);
  const { problems } = read;
  const phones = ctx.search ? ctx.search.getAll(PHONES) : query[PHONES] === undefined ? [] : [query[PHONES]];
  if (ctx.search && [...ctx.search.keys()].some((key) => /^phone_numbers(\[\d+\])?$/.test(key))) problems.bad('phone_numbers must be sent as phone_numbers[]=…, one per number');
  phones.forEach((phone, i) => {
    if (!PHONE.test(phone)) problems.bad(`phone_numbers[${i}] must be an E.164 number, got "${phone}"`);
  });
  if (!phones.length && (query.start_date === undefined || query.end_date === undefined)) problems.bad('either start_date and end_date, or phone_numbers, is required');
  if (query.reason !== undefined && !REASONS.includes(query.reason)) problems.bad(`reason must be provider_error or deactivated, got "${query.reason}"`);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const ofReason = (records) => (query.reason === undefined ? records : records.filter((record) => record.reason === query.reason));
  if (phones.length) {
    const found = ofReason(lookUp(state, LISTS.invalidPhones, phones.map((phone) => phone.replace(/^\+?/, '+'))));
    return { status: 200, body: { sms: found.slice(read.offset, read.offset + read.limit), message: 'success' } };
  }
  // The reason filter applies before paging: filter the whole list, then page it.
  const all = pageOf(state, LISTS.invalidPhones, { ...read, offset: 0, limit: Infinity });
  return { status: 200, body: { sms: ofReason(all).slice(read.offset, read.offset + read.limit), message: 'success' } };
}

module.exports = { method: 'GET', path: '/sms/invalid_phone_numbers', permission: 'sms.invalid_phone_numbers', handle, noBody: true };
