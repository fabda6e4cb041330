'use strict';
// What the stand-in's data series share (reference §28): `length` and `ending_at` read as Braze
// documents them, and made-up counts fixed by the time. Not a route.
const { isIso8601, parseIso8601 } = require('../rules/check');
const { bad } = require('./contentStore');

const DAY = 86400000;
/** A fixed count for a day: the base, give or take a little by the date. */
function countFor(base, dayMs, salt) {
  const wobble = ((dayMs / DAY) * 7 + salt.length * 13) % 21;
  return Math.round(base * (0.9 + wobble / 100));
}

/** `length` and `ending_at` read as Braze documents them; an answer (a 400) when they are not. */
function readSeries(query, now, maxLength = 100) {
  if (query.length === undefined) return { error: bad('length is required') };
  if (!/^\d+$/.test(query.length) || Number(query.length) < 1 || Number(query.length) > maxLength) {
    return { error: bad(`length must be a whole number from 1 to ${maxLength}`) };
  }
  if (query.ending_at !== undefined && !isIso8601(query.ending_at)) return { error: bad('ending_at must be an ISO 8601 date and time') };
  const end = query.ending_at === undefined ? now : parseIso8601(query.ending_at);
  return { length: Number(query.length), end };
}

module.exports = { DAY, readSeries, countFor };
