'use strict';
// POST /users/track: create or update profiles, record events and purchases.
// https://www.braze.com/docs/api/endpoints/user_data/post_user_track
// Stand-in conventions: an identifier starting with "blocked-" gets Braze's non-fatal
// "blacklisted" error for that object (the others are processed); profiles are kept in
// state.profiles so a later send or test can see what was created.
const { Problems, checkValue } = require('../rules/check');
const { checkAttributes, checkEvent, checkPurchase, profileKey } = require('../rules/users');

const ARRAYS = { attributes: checkAttributes, events: checkEvent, purchases: checkPurchase };
// Newest docs: 75 objects combined across the three arrays; legacy: 75 per array; MAU CY 24-25: 50 combined.
const CAPS = { combined: { total: 75 }, perArray: { each: 75 }, mau: { total: 50 } };
const TOO_MANY = 'Max Input Length Exceeded';

function handle({ body, ctx, state }) {
  const problems = new Problems();
  const cap = CAPS[state.usersTrackCap || 'combined'];
  let total = 0;
  for (const key of Object.keys(body)) {
    if (!(key in ARRAYS) && ctx.strict !== false) problems.bad(`body.${key} is not a documented field`);
  }
  for (const [name, check] of Object.entries(ARRAYS)) {
    const list = body[name];
    if (list === undefined) continue;
    if (!checkValue(list, name, { type: 'array' }, problems, ctx)) continue;
    list.forEach((o, i) => check(o, `${name}[${i}]`, problems, ctx));
    total += list.length;
    if (cap.each && list.length > cap.each) problems.add(TOO_MANY, `${list.length} ${name} objects given; at most ${cap.each} per request`);
  }
  if (cap.total && total > cap.total) problems.add(TOO_MANY, `${total} objects given across attributes, events and purchases; at most ${cap.total} per request`);
  if (total === 0 && !problems.any) problems.bad('Give at least one of attributes, events or purchases');
  if (problems.any) return { status: 400, body: problems.toBody() };

  const answer = { message: 'success' };
  const errors = [];
  for (const name of Object.keys(ARRAYS)) {
    const list = body[name];
    if (list === undefined) continue;
    let processed = 0;
    list.forEach((o, index) => {
      const key = profileKey(o);
      const value = key.slice(key.indexOf(':') + 1);
      if (value.startsWith('blocked-')) {
        errors.push({ type: `provided ${key.slice(0, key.indexOf(':')) === 'external' ? 'external_id' : 'identifier'} is blacklisted and disallowed`, input_array: name, index });
        return;
      }
      apply(state.profiles, key, name, o);
      processed += 1;
    });
    answer[`${name}_processed`] = processed;
  }
  if (errors.length) answer.errors = errors;
  return { status: 201, body: answer };
}

/** Records the object on its profile; Update Only (explicit, or implied by an alias) creates nothing. */
function apply(profiles, key, name, o) {
  const updateOnly = o._update_existing_only === true || (o.user_alias !== undefined && o._update_existing_only !== false);
  let profile = profiles.get(key);
  if (!profile) {
    if (updateOnly) return;
    profile = { attributes: {}, events: [], purchases: [] };
    profiles.set(key, profile);
  }
  if (name === 'attributes') Object.assign(profile.attributes, o);
  else profile[name].push(o);
}

module.exports = { method: 'POST', path: '/users/track', permission: 'users.track', handle, CAPS };
