'use strict';
// The query rules shared by Braze's analytics exports (`*/data_series`, `/canvas/data_summary`),
// reference §21.2 and §25–§27: `length` (days before `ending_at`, an integer in a documented
// range), `ending_at` / `starting_at` (ISO 8601 date-times; `ending_at` defaults to the time of the
// request), and ids the stand-in knows. Every answer's numbers are made up, but the same for the
// same id and day, so tests can compare two runs.
// https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaign_analytics
const { isIso8601, parseIso8601 } = require('./check');

const DAY = 86400000;
const BOOLEAN_TEXT = ['true', 'false'];

/** A whole number in a query string, or NaN. */
function wholeNumber(text) {
  return /^\d+$/.test(text) ? Number(text) : NaN;
}

/** `length`: required unless `optional`; an integer from min to max. Returns the number or undefined. */
function checkLength(query, problems, { min = 1, max, optional = false }) {
  const text = query.length;
  if (text === undefined || text === '') {
    if (!optional) problems.bad('length is required');
    return undefined;
  }
  const length = wholeNumber(text);
  if (Number.isNaN(length) || length < min || length > max) {
    problems.bad(`length must be an integer from ${min} to ${max}, got "${text}"`);
    return undefined;
  }
  return length;
}

/** An ISO 8601 date-time query parameter; its epoch ms, or undefined (absent or refused). */
function checkTime(query, name, problems, { required = false } = {}) {
  const text = query[name];
  if (text === undefined || text === '') {
    if (required) problems.bad(`${name} is required`);
    return undefined;
  }
  if (!isIso8601(text)) {
    problems.bad(`${name} must be an ISO 8601 date-time such as 2018-06-27T23:59:59-05:00, got "${text}"`);
    return undefined;
  }
  return parseIso8601(text);
}

/** An optional true/false query parameter. */
function checkBoolean(query, name, problems) {
  const text = query[name];
  if (text === undefined) return false;
  if (!BOOLEAN_TEXT.includes(text)) problems.bad(`${name} must be true or false, got "${text}"`);
  return text === 'true';
}

/** A required id parameter, in Braze's words when it is missing. */
function checkId(query, name, noun, problems) {
  const id = query[name];
  if (typeof id !== 'string' || id === '') problems.bad(`${name} must be a string of the ${noun} api identifier`);
  return id;
}

/** Refuses query parameters the endpoint does not document (strict mode). */
function checkKnown(query, known, problems, ctx) {
  if (ctx && ctx.strict === false) return;
  for (const name of Object.keys(query)) if (!known.includes(name)) problems.bad(`${name} is not a documented query parameter`);
}

/** The `length` days that end on ending_at's (UTC) date, oldest first, as YYYY-MM-DD. */
function daysEndingAt(endMs, length) {
  const last = Math.floor(endMs / DAY) * DAY;
  return Array.from({ length }, (_, i) => new Date(last - (length - 1 - i) * DAY).toISOString().slice(0, 10));
}

/** The days from starting_at's date to ending_at's, oldest first. */
function daysBetween(startMs, endMs) {
  const first = Math.floor(startMs / DAY);
  const last = Math.floor(endMs / DAY);
  return daysEndingAt(endMs, last - first + 1);
}

/** A made-up count from 0 to scale-1, fixed for the same words (an id, a day, a metric). */
function count(scale, ...words) {
  let hash = 2166136261;
  for (const char of words.join('|')) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash % scale;
}

/** The answer Braze gives an id it does not know (INFERRED from its "Invalid Campaign ID" error). */
function unknownId(noun) {
  return { status: 400, body: { message: `Invalid ${noun} ID`, errors: [`No ${noun.toLowerCase()} found for this ${noun.toLowerCase()}_id in this workspace`] } };
}

module.exports = { DAY, checkLength, checkTime, checkBoolean, checkId, checkKnown, daysEndingAt, daysBetween, count, unknownId };
