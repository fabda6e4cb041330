'use strict';
// Braze's email and SMS hygiene lists as the stand-in keeps them: unsubscribed addresses, hard
// bounces, spam reports and invalid phone numbers, each a list of records as Braze lists them,
// in state.seeded (index.js: a test adds records with seedList(key, records); reset() clears them).
// The read endpoints filter and page them; the write endpoints change them.
// https://www.braze.com/docs/api/endpoints/email/get_query_unsubscribed_email_addresses
// https://www.braze.com/docs/api/endpoints/email/get_list_hard_bounces
// https://www.braze.com/docs/api/endpoints/sms/get_query_invalid_numbers
const { Problems } = require('./check');

/** state.seeded keys, and each record's timestamp field. */
const LISTS = {
  unsubscribes: { key: 'email.unsubscribes', at: 'unsubscribed_at', id: 'email' },
  hardBounces: { key: 'email.hardBounces', at: 'hard_bounced_at', id: 'email' },
  spam: { key: 'email.spam', at: 'spam_at', id: 'email' },
  invalidPhones: { key: 'sms.invalidPhoneNumbers', at: 'invalid_detected_at', id: 'phone' },
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[1-9]\d{6,14}$/; // E.164; Braze's own examples leave out the "+"
const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 100;
const MAX_ENTRIES = 50;

function recordsOf(state, list) {
  return state.seeded.get(list.key) || [];
}
function setRecords(state, list, records) {
  state.seeded.set(list.key, records);
}

/** A record's time in ms: ISO 8601, or Braze's "2016-08-25 15:24:32 +0000" (hard bounces). */
function timeOf(text) {
  const iso = String(text).replace(/ ([+-]\d{2}):?(\d{2})$/, '$1:$2').replace(' ', 'T');
  return Date.parse(iso);
}
/** Braze's two timestamp styles, for a record the stand-in adds. */
const isoTime = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const bounceTime = (ms) => `${isoTime(ms).slice(0, 10)} ${isoTime(ms).slice(11, 19)} +0000`;
const sameId = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();

/** A YYYY-MM-DD date as Braze reads it: midnight UTC at its start (ms), or NaN. */
function dayStart(text) {
  if (!DAY.test(text)) return NaN;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return new Date(ms).toISOString().slice(0, 10) === text ? ms : NaN;
}

/** A whole number from the query, or `fallback` when absent; NaN when not one. */
function whole(value, fallback) {
  if (value === undefined) return fallback;
  return /^\d+$/.test(value) ? Number(value) : NaN;
}

/**
 * The query of a list read: dates (each YYYY-MM-DD, midnight UTC, start before end), limit
 * (1–500, default 100) and offset (0-based: the number of records to skip, default 0), and the
 * parameters the endpoint knows besides (`known`). Strict mode refuses any other.
 * Returns { problems, start, end, limit, offset }.
 */
function readListQuery(query, ctx, known) {
  const problems = new Problems();
  const start = query.start_date === undefined ? undefined : dayStart(query.start_date);
  const end = query.end_date === undefined ? undefined : dayStart(query.end_date);
  if (Number.isNaN(start)) problems.bad(`start_date must be a date as YYYY-MM-DD, got "${query.start_date}"`);
  if (Number.isNaN(end)) problems.bad(`end_date must be a date as YYYY-MM-DD, got "${query.end_date}"`);
  if (start !== undefined && end !== undefined && !(start < end)) problems.bad('start_date must be earlier than end_date');
  const limit = whole(query.limit, DEFAULT_LIMIT);
  const offset = whole(query.offset, 0);
  if (Number.isNaN(limit) || limit < 1 || limit > MAX_LIMIT) problems.bad(`limit must be a whole number from 1 to ${MAX_LIMIT}, got "${query.limit}"`);
  if (Number.isNaN(offset)) problems.bad(`offset must be a whole number from 0, got "${query.offset}"`);
  if (!ctx || ctx.strict !== false) {
    for (const name of Object.keys(query)) {
      if (!['start_date', 'end_date', 'limit', 'offset', ...known].includes(name)) problems.bad(`${name} is not a documented query parameter`);
    }
  }
  return { problems, start, end, limit, offset };
}

/**
 * The records of `list` in [start, end) (midnight UTC to midnight UTC), newest first unless
 * `ascending`, then the page at offset.
 */
function pageOf(state, list, { start, end, limit, offset }, ascending = false) {
  const dated = recordsOf(state, list)
    .map((record) => ({ record, at: timeOf(record[list.at]) }))
    .filter(({ at }) => (start === undefined || at >= start) && (end === undefined || at < end));
  dated.sort((a, b) => (ascending ? a.at - b.at : b.at - a.at));
  return dated.slice(offset, offset + limit).map(({ record }) => record);
}

/** The records naming these ids (emails or phones), newest first. */
function lookUp(state, list, ids) {
  return recordsOf(state, list)
    .filter((record) => ids.some((id) => sameId(record[list.id], id)))
    .sort((a, b) => timeOf(b[list.at]) - timeOf(a[list.at]));
}

/**
 * A write's list of entries (`field`: email or phone_numbers): a string or a list of at most 50,
 * each in its format. Returns the list, or a 400 answer.
 */
function entriesOf(body, field, { allowString, format, formatWords }) {
  const problems = new Problems();
  const value = body[field];
  const list = typeof value === 'string' && allowString ? [value] : value;
  if (value === undefined) problems.bad(`body.${field} is required`);
  else if (!Array.isArray(list)) problems.bad(`body.${field} must be ${allowString ? 'a string or ' : ''}an array of strings`);
  else if (list.length === 0) problems.bad(`body.${field} must not be empty`);
  else if (list.length > MAX_ENTRIES) problems.bad(`body.${field} holds ${list.length}; at most ${MAX_ENTRIES}`);
  else {
    list.forEach((entry, i) => {
      if (typeof entry !== 'string' || !format.test(entry)) problems.bad(`body.${field}[${i}] must be ${formatWords}, got ${JSON.stringify(entry)}`);
    });
  }
  return problems.any ? { answer: { status: 400, body: problems.toBody() } } : { list };
}

/** Adds or replaces the records of `ids` in `list`, stamped `ms`. */
function addTo(state, list, ids, ms, stamp = isoTime) {
  const kept = recordsOf(state, list).filter((record) => !ids.some((id) => sameId(record[list.id], id)));
  setRecords(state, list, [...kept, ...ids.map((id) => ({ [list.id]: id, [list.at]: stamp(ms) }))]);
}

/** Removes the records of `ids` from `list`. */
function removeFrom(state, list, ids) {
  setRecords(state, list, recordsOf(state, list).filter((record) => !ids.some((id) => sameId(record[list.id], id))));
}

module.exports = {
  LISTS, EMAIL, PHONE, MAX_LIMIT, readListQuery, pageOf, lookUp, entriesOf, addTo, removeFrom, isoTime, bounceTime,
};
