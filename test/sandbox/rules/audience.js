'use strict';
// Connected Audience object (reference §4): one filter, or {"AND"|"OR": [non-empty array]}.
const { checkFields, isPlainObject, isIso8601 } = require('./check');

const SUBSCRIPTION = {
  comparison: { type: 'string', required: true, enum: ['is', 'is_not'] },
  value: { type: 'string', required: true, enum: ['opted_in', 'subscribed', 'unsubscribed'] },
};

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
const isStr = (v) => typeof v === 'string';
const isBool = (v) => typeof v === 'boolean';

// The stand-in cannot know an attribute's data type, so a comparison passes if it is valid for
// SOME type (String/Array/Numeric/Boolean/Time) and the value's JSON type fits it.
const COMPARISONS = {
  equals: { fits: (v) => isStr(v) || isNum(v) || isBool(v), want: 'a string, number or boolean' },
  not_equal: { fits: (v) => isStr(v) || isNum(v), want: 'a string or number' },
  does_not_equal: { fits: isBool, want: 'a boolean' },
  matches_regex: { fits: isStr, want: 'a string' },
  does_not_match_regex: { fits: isStr, want: 'a string' },
  includes_value: { fits: (v) => isStr(v) || isNum(v), want: 'a string or number' },
  does_not_include_value: { fits: (v) => isStr(v) || isNum(v), want: 'a string or number' },
  greater_than: { fits: isNum, want: 'a number' },
  greater_than_or_equal_to: { fits: isNum, want: 'a number' },
  less_than: { fits: isNum, want: 'a number' },
  less_than_or_equal_to: { fits: isNum, want: 'a number' },
  less_than_x_days_ago: { fits: isNum, want: 'a number of days' },
  greater_than_x_days_ago: { fits: isNum, want: 'a number of days' },
  less_than_x_days_in_the_future: { fits: isNum, want: 'a number of days' },
  greater_than_x_days_in_the_future: { fits: isNum, want: 'a number of days' },
  after: { fits: isIso8601, want: 'an ISO 8601 date-time string' },
  before: { fits: isIso8601, want: 'an ISO 8601 date-time string' },
  exists: { noValue: true },
  does_not_exist: { noValue: true },
};

const FILTERS = {
  custom_attribute(f, path, problems, ctx) {
    const ok = checkFields(
      f,
      path,
      { custom_attribute_name: { type: 'string', required: true, nonEmpty: true }, comparison: { type: 'string', required: true }, value: { type: 'string', skip: true } },
      problems,
      ctx,
    );
    if (!ok || typeof f.comparison !== 'string') return;
    const rule = COMPARISONS[f.comparison];
    if (!rule) {
      problems.bad(`${path}.comparison "${f.comparison}" is not a connected audience comparison`);
    } else if (!rule.noValue) {
      if (f.value === undefined) problems.bad(`${path}.value is required for comparison ${f.comparison}`);
      else if (!rule.fits(f.value)) problems.bad(`${path}.value must be ${rule.want} for comparison ${f.comparison}`);
    }
  },
  push_subscription_status: (f, path, problems, ctx) => checkFields(f, path, SUBSCRIPTION, problems, ctx),
  email_subscription_status: (f, path, problems, ctx) => checkFields(f, path, SUBSCRIPTION, problems, ctx),
  last_used_app: (f, path, problems, ctx) =>
    checkFields(f, path, { comparison: { type: 'string', required: true, enum: ['after', 'before'] }, value: { type: 'iso8601', required: true } }, problems, ctx),
};

function checkAudience(node, path, problems, ctx) {
  if (!isPlainObject(node)) {
    problems.bad(`${path} must be an object (a filter, or {"AND": [...]} / {"OR": [...]})`);
    return;
  }
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    problems.bad(`${path} must have exactly one key (AND, OR or a filter name), got ${keys.length}`);
    return;
  }
  const [key] = keys;
  const p = `${path}.${key}`;
  if (key === 'AND' || key === 'OR') {
    if (!Array.isArray(node[key]) || node[key].length === 0) {
      problems.bad(`${p} must be a non-empty array`);
      return;
    }
    node[key].forEach((child, i) => checkAudience(child, `${p}[${i}]`, problems, ctx));
  } else if (FILTERS[key]) {
    FILTERS[key](node[key], p, problems, ctx);
  } else {
    problems.bad(`${p} is not a connected audience filter; use custom_attribute, push_subscription_status, email_subscription_status or last_used_app`);
  }
}

module.exports = { checkAudience, COMPARISONS, FILTER_TYPES: Object.keys(FILTERS) };
