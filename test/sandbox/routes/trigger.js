'use strict';
// POST /campaigns/trigger/send and /canvas/trigger/send (reference §2.2, §9.5, §9.6).
// Content lives in the dashboard; the request names the campaign/Canvas and the recipients.
const { Problems, checkFields, checkValue, isPlainObject, bytes } = require('../rules/check');
const { checkAudience } = require('../rules/audience');
const { MAX_IDS, TOO_MANY } = require('../rules/recipients');
const { newId } = require('./ids');

const PRIORITIZATION = ['identified', 'unidentified', 'most_recently_updated', 'least_recently_updated'];
const ALIAS = { type: 'object', fields: { alias_name: { type: 'string', required: true, nonEmpty: true, maxBytes: 236 }, alias_label: { type: 'string', required: true, nonEmpty: true, maxBytes: 236 } } };

function recipientFields(kind) {
  const ids = kind === 'campaign' ? ['external_user_id', 'user_alias', 'email', 'braze_id'] : ['external_user_id', 'user_alias', 'email'];
  const props = kind === 'campaign' ? { trigger_properties: { type: 'object' }, canvas_entry_properties: { type: 'object' } } : { context: { type: 'object' }, canvas_entry_properties: { type: 'object' } };
  return {
    ids,
    fields: {
      external_user_id: { type: 'string', nonEmpty: true },
      user_alias: ALIAS,
      email: { type: 'string', nonEmpty: true },
      ...(kind === 'campaign' ? { braze_id: { type: 'string', nonEmpty: true } } : {}),
      prioritization: { type: 'array', items: { type: 'string', enum: PRIORITIZATION } },
      send_to_existing_only: { type: 'boolean' },
      attributes: { type: 'object' },
      ...props,
    },
  };
}

function checkRecipient(r, path, spec, problems, ctx) {
  // prioritization is documented as a list; accept a single string too.
  const normalised = isPlainObject(r) && typeof r.prioritization === 'string' ? { ...r, prioritization: [r.prioritization] } : r;
  if (!checkFields(normalised, path, spec.fields, problems, ctx)) return;
  const given = spec.ids.filter((k) => r[k] !== undefined);
  if (given.length !== 1) problems.bad(`${path} needs exactly one of ${spec.ids.join(', ')}`);
  if (r.email !== undefined && r.prioritization === undefined) problems.bad(`${path}.prioritization is required with email`);
  if (r.user_alias !== undefined && r.send_to_existing_only !== undefined) problems.bad(`${path}.send_to_existing_only is not allowed with user_alias`);
  if (r.send_to_existing_only === false && r.attributes === undefined) problems.bad(`${path}.attributes is required when send_to_existing_only is false`);
}

function makeHandler(kind) {
  const idField = kind === 'campaign' ? 'campaign_id' : 'canvas_id';
  const spec = recipientFields(kind);
  const top =
    kind === 'campaign'
      ? {
          campaign_id: { type: 'string', required: true, nonEmpty: true },
          send_id: { type: 'string', nonEmpty: true, maxLength: 64 },
          trigger_properties: { type: 'object' },
          attachments: { type: 'array', items: { type: 'object', fields: { file_name: { type: 'string', required: true }, url: { type: 'string', required: true } } } },
        }
      : { canvas_id: { type: 'string', required: true, nonEmpty: true }, context: { type: 'object' }, canvas_entry_properties: { type: 'object' } };
  const fields = { ...top, broadcast: { type: 'boolean' }, audience: { type: 'object', skip: true }, recipients: { type: 'array', skip: true } };

  const handle = function handle({ body, ctx }) {
    const problems = new Problems();
    checkTriggerBody(body, problems, ctx, fields);
    if (problems.any) return { status: 400, body: problems.toBody() };
    return accepted(body);
  };
  handle.check = checkTriggerBody;
  handle.fields = fields;
  handle.accepted = accepted;
  return handle;

  /** The rules of a trigger body (also used by the schedule endpoints, with their own fields). */
  function checkTriggerBody(body, problems, ctx, bodyFields = fields) {
    checkFields(body, 'body', bodyFields, problems, ctx);
    if (body.audience !== undefined) checkAudience(body.audience, 'audience', problems, ctx);
    const recipients = body.recipients;
    if (recipients !== undefined && checkValue(recipients, 'recipients', { type: 'array' }, problems, ctx)) {
      recipients.forEach((r, i) => checkRecipient(r, `recipients[${i}]`, spec, problems, ctx));
      if (recipients.length > MAX_IDS) problems.add(TOO_MANY, `${recipients.length} recipients given; at most ${MAX_IDS} per request`);
    }
    const named = Array.isArray(recipients) && recipients.length > 0;
    if (!named && body.broadcast !== true) problems.bad('broadcast must be true when recipients is omitted');
    if (named && body.broadcast === true) problems.bad('broadcast must not be true when recipients are given');
    if (body.attachments !== undefined && body.broadcast === true) problems.bad('attachments are not allowed with broadcast: true');
    const props = body.context !== undefined ? body.context : body.canvas_entry_properties;
    if (kind === 'canvas' && isPlainObject(props) && bytes(JSON.stringify(props)) > 50 * 1024) {
      problems.bad('context must be at most 50 KB');
    }
  }

  function accepted(body) {
    const answer = { dispatch_id: newId(), message: 'success' };
    // Stand-in convention: a Canvas id starting with paused-/archived- behaves like such a Canvas.
    const state = kind === 'canvas' && /^(paused|archived)-/.exec(body.canvas_id);
    if (state) {
      answer.notice = state[1] === 'paused'
        ? 'The Canvas is paused. Resume the Canvas to ensure trigger requests will take effect.'
        : 'The Canvas is archived. Unarchive the Canvas to ensure trigger requests will take effect.';
      return { status: 201, body: { notice: answer.notice, dispatch_id: answer.dispatch_id, message: 'success' }, deliver: [] };
    }
    const { keys, errors } = resolve(body, idField);
    if (errors.length) answer.errors = errors;
    return { status: 201, body: answer, deliver: keys };
  }
}



function resolve(body, idField) {
  const keys = new Set();
  const errors = [];
  for (const r of body.recipients || []) {
    const key = r.external_user_id !== undefined ? `external:${r.external_user_id}`
      : r.user_alias !== undefined ? `alias:${r.user_alias.alias_label}:${r.user_alias.alias_name}`
      : r.email !== undefined ? `email:${r.email}` : `braze:${r.braze_id}`;
    const name = key.slice(key.lastIndexOf(':') + 1);
    if (name.startsWith('unknown-') && r.send_to_existing_only !== false) errors.push(`recipient ${key} is not a known user`);
    else keys.add(key);
  }
  if (!body.recipients || body.recipients.length === 0) keys.add(body.audience !== undefined ? 'audience' : `${idField.replace('_id', '')}:${body[idField]}`);
  return { keys: [...keys], errors };
}

const routes = [
  { method: 'POST', path: '/campaigns/trigger/send', permission: 'campaigns.trigger.send', handle: makeHandler('campaign') },
  { method: 'POST', path: '/canvas/trigger/send', permission: 'canvas.trigger.send', handle: makeHandler('canvas') },
];

module.exports = routes;
module.exports.makeHandler = makeHandler;
