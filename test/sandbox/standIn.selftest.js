'use strict';
// Self-test of the Braze stand-in. Run: node --test test/sandbox/*.selftest.js   (or this file alone)
const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const path = require('node:path');
const { startBrazeStandIn, DEFAULT_API_KEYS, ALL_PERMISSIONS } = require('./index');

// The stand-in's clock: it moves only when a test moves it, so rate-limit figures are exact.
const clock = { ms: Date.now() };
let standIn;
before(async () => {
  standIn = await startBrazeStandIn({ now: () => clock.ms });
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

async function call(p, body, { key = 'local-dev-key', method = 'POST', raw, signal, to = standIn } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  const res = await fetch(to.url + p, {
    method,
    headers,
    body: method === 'GET' ? undefined : raw !== undefined ? raw : JSON.stringify(body),
    signal,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}
const send = (body, opts) => call('/messages/send', body, opts);
const turn = () => new Promise((r) => setImmediate(r));
/** Turns the event loop until `condition()` holds (no timer, no threshold), or the test ends. */
async function until(condition, signal) {
  while (!condition()) {
    signal.throwIfAborted();
    await turn();
  }
}

/** A test that turns the event loop until something happens fails, rather than hangs, if it never does. */
const HELD = { timeout: 5000 };

/**
 * A second stand-in whose slow faults wait until the test releases them: `held` lists each
 * delay asked for ({ ms, release, socket }).
 */
async function withHeldDelays(fn) {
  const held = [];
  const local = await startBrazeStandIn({
    sleep: (ms, req) => new Promise((release) => held.push({ ms, release, socket: req.socket })),
  });
  try {
    await fn({ local, held });
  } finally {
    for (const { release } of held) release();
    await local.close();
  }
}
const days = (n) => new Date(Date.now() + n * 86400000).toISOString();

// One valid messaging object per channel.
const VALID = {
  android_push: { alert: 'Hi', title: 'Hello', extra: { k: 'v' }, priority: 1, android_priority: 'high', time_to_live: 2419200, buttons: [{ text: 'Open', action: 'URI', uri: 'https://x.test' }] },
  apple_push: { alert: { title: 'Hello!', body: 'Message here' }, badge: 1, interruption_level: 'time-sensitive', relevance_score: 0.5, apns_priority: 10, asset_url: 'https://x.test/a.png', asset_file_type: 'png' },
  content_card: { type: 'CLASSIC', title: 'T', description: 'D', time_to_live: 3600, pinned: true },
  email: { app_id: 'app-1', from: 'Shop <shop@example.com>', subject: 'S', body: '<p>Hi</p>' },
  kindle_push: { alert: 'Hi', title: 'Hello', priority: 0 },
  web_push: { alert: 'Hi', title: 'Hello', buttons: [{ text: 'Go', action: 'URI', uri: 'https://x.test' }] },
  webhook: { url: 'https://example.com/hook', request_method: 'POST', request_headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' },
  whats_app: { app_id: 'app-1', subscription_group_id: 'sg-1', message_type: 'text_response_message', message: { body: 'Hi' } },
  sms: { app_id: 'app-1', subscription_group_id: 'sg-1', body: 'Hi', link_shortening_enabled: true },
};
const to = (messages, extra = {}) => ({ external_user_ids: ['u1'], messages, ...extra });
const one = (channel, patch = {}) => to({ [channel]: { ...VALID[channel], ...patch } });
const without = (channel, field) => {
  const copy = { ...VALID[channel] };
  delete copy[field];
  return to({ [channel]: copy });
};
const wa = (message_type, message) => to({ whats_app: { ...VALID.whats_app, message_type, message } });

describe('health and routing', () => {
  test('GET / and /health answer without auth and are not recorded', async () => {
    for (const p of ['/', '/health']) {
      const r = await call(p, undefined, { method: 'GET', key: null });
      assert.equal(r.status, 200);
      assert.deepEqual(r.json, { ok: true });
    }
    assert.equal(standIn.requests.length, 0);
  });
  test('unknown path -> 404 Not Found', async () => {
    const r = await call('/nope', {});
    assert.equal(r.status, 404);
    assert.equal(r.json.message, 'Not Found');
  });
});

describe('auth', () => {
  test('missing key -> 401', async () => {
    const r = await send(one('sms'), { key: null });
    assert.equal(r.status, 401);
    assert.match(r.json.message, /^Invalid API key/);
  });
  test('unknown key -> 401 without echoing the key', async () => {
    const r = await send(one('sms'), { key: 'super-secret-key-12345' });
    assert.equal(r.status, 401);
    assert.match(r.json.message, /^Invalid API key/);
    assert.ok(!r.text.includes('super-secret-key-12345'));
    assert.ok(!r.text.includes('secret'));
  });
  test('quoted key is not the key (Braze: 401)', async () => {
    const r = await send(one('sms'), { key: '"local-dev-key"' });
    assert.equal(r.status, 401);
  });
  test('key without messages.send -> 403 Access Denied', async () => {
    const r = await send(one('sms'), { key: 'no-send-key' });
    assert.equal(r.status, 403);
    assert.equal(r.json.message, 'Access Denied');
    assert.equal(standIn.deliveries.size, 0);
  });
  test('default keys', () => {
    assert.deepEqual([...DEFAULT_API_KEYS['local-dev-key']], [...ALL_PERMISSIONS]);
    assert.ok(!DEFAULT_API_KEYS['no-send-key'].includes('messages.send'));
    assert.equal(DEFAULT_API_KEYS['no-send-key'].length, ALL_PERMISSIONS.length - 1);
  });
  test('custom apiKeys option', async () => {
    const other = await startBrazeStandIn({ apiKeys: { k1: ['messages.send'] } });
    try {
      const ok = await fetch(`${other.url}/messages/send`, { method: 'POST', headers: { Authorization: 'Bearer k1' }, body: JSON.stringify(one('sms')) });
      assert.equal(ok.status, 201);
      const denied = await fetch(`${other.url}/messages/send`, { method: 'POST', headers: { Authorization: 'Bearer local-dev-key' }, body: '{}' });
      assert.equal(denied.status, 401);
    } finally {
      await other.close();
    }
  });
});

describe('valid sends -> 201 + dispatch_id', () => {
  for (const channel of Object.keys(VALID)) {
    test(channel, async () => {
      const r = await send(one(channel));
      assert.equal(r.status, 201, JSON.stringify(r.json));
      assert.equal(r.json.message, 'success');
      assert.equal(typeof r.json.dispatch_id, 'string');
      assert.equal(r.json.errors, undefined);
    });
  }
  test('all channels in one request; dispatch ids are unique', async () => {
    const a = await send(to(VALID));
    const b = await send(to(VALID));
    assert.equal(a.status, 201, JSON.stringify(a.json));
    assert.notEqual(a.json.dispatch_id, b.json.dispatch_id);
  });
  const waValid = {
    template_message: { template_name: 't', template_language_code: 'en', header_variables: { 0: 'a' }, body_variables: { 0: 'x', 1: 'y' }, button_variables: { 1: 'path' }, header_media_uri: 'https://x.test/i.png' },
    text_image_response_message: { image_uri: 'https://x.test/i.png', caption: 'c' },
    quick_reply_response_message: { body: 'b', header_text: 'h', buttons: [{ text: 'Yes' }, { text: 'No' }] },
    list_response_message: { body: 'b', list: { list_button_text: 'Pick', list_sections: [{ section_title: 's', list_rows: Array.from({ length: 10 }, (_, i) => ({ row_title: `r${i}` })) }] } },
    flow_response_message: { body: 'b', flow_button: { caption: '12345678901234567890', flow_id: 'f1' } },
  };
  for (const [type, message] of Object.entries(waValid)) {
    test(`whats_app ${type}`, async () => {
      const r = await send(wa(type, message));
      assert.equal(r.status, 201, JSON.stringify(r.json));
    });
  }
  test('silent pushes: send_to_sync / content-available without alert', async () => {
    const r = await send(to({ android_push: { send_to_sync: true, extra: { a: '1' } }, apple_push: { 'content-available': true } }));
    assert.equal(r.status, 201, JSON.stringify(r.json));
  });
  test('email with email_template_id only; out-of-range android priority is accepted (Braze makes it 0)', async () => {
    const r = await send(to({ email: { app_id: 'a', from: 'x@example.com', email_template_id: 'tpl' }, android_push: { ...VALID.android_push, priority: 7 } }));
    assert.equal(r.status, 201, JSON.stringify(r.json));
  });
  test('campaign_id with message_variation_id on every object', async () => {
    const r = await send(to({ apple_push: { alert: 'a', message_variation_id: 'iosPush-640' }, sms: { ...VALID.sms, message_variation_id: 'sms-1' } }, { campaign_id: 'c1' }));
    assert.equal(r.status, 201, JSON.stringify(r.json));
  });
  test('exactly 50 ids + aliases; 236-byte alias; 64-char send_id', async () => {
    const body = {
      external_user_ids: Array.from({ length: 49 }, (_, i) => `u${i}`),
      user_aliases: [{ alias_name: 'é'.repeat(118), alias_label: 'l'.repeat(236) }],
      send_id: 's'.repeat(64),
      messages: { sms: VALID.sms },
    };
    const r = await send(body);
    assert.equal(r.status, 201, JSON.stringify(r.json));
  });
  test('unknown-* users: 201 with non-fatal errors, not delivered', async () => {
    const r = await send({ external_user_ids: ['u1', 'unknown-x'], user_aliases: [{ alias_name: 'unknown-a', alias_label: 'crm' }], messages: { sms: VALID.sms } });
    assert.equal(r.status, 201);
    assert.deepEqual(r.json.errors, ['external_user_id unknown-x is not a known user', 'user_alias crm:unknown-a is not a known user']);
    assert.deepEqual([...standIn.deliveries], [['external:u1', 1]]);
  });
});

describe('rules -> 400 with the right message', () => {
  const TOO_MANY = 'The max number of external_ids and aliases per request was exceeded';
  const longAlert = 'x'.repeat(2000);
  const cases = [
    // [title, body, expected message, optional regex on errors]
    ['no messages', { external_user_ids: ['u1'] }, 'No message to send'],
    ['empty messages', to({}), 'No message to send'],
    ['no recipients', { messages: { sms: VALID.sms } }, 'No Recipients'],
    ['empty recipient arrays', { external_user_ids: [], user_aliases: [], messages: { sms: VALID.sms } }, 'No Recipients'],
    ['broadcast true with ids', to({ sms: VALID.sms }, { broadcast: true }), 'Bad Request', /broadcast/],
    ['segment without broadcast', { segment_id: 'seg', messages: { sms: VALID.sms } }, 'Bad Request', /broadcast must be true/],
    ['audience with broadcast false', { broadcast: false, audience: { push_subscription_status: { comparison: 'is', value: 'opted_in' } }, messages: { sms: VALID.sms } }, 'Bad Request', /broadcast must be true/],
    ['broadcast as string', { segment_id: 'seg', broadcast: 'true', messages: { sms: VALID.sms } }, 'Bad Request', /broadcast must be a boolean/],
    ['51 ids + aliases', { external_user_ids: Array.from({ length: 30 }, (_, i) => `u${i}`), user_aliases: Array.from({ length: 21 }, (_, i) => ({ alias_name: `a${i}`, alias_label: 'crm' })), messages: { sms: VALID.sms } }, TOO_MANY],
    ['external_user_ids as string', { external_user_ids: 'u1', messages: { sms: VALID.sms } }, 'Bad Request', /external_user_ids must be an array/],
    ['user_aliases as object', { user_aliases: { alias_name: 'a', alias_label: 'b' }, messages: { sms: VALID.sms } }, 'Bad Request', /user_aliases must be an array/],
    ['alias name > 236 bytes', { user_aliases: [{ alias_name: 'é'.repeat(119), alias_label: 'crm' }], messages: { sms: VALID.sms } }, 'Bad Request', /236 bytes/],
    ['alias missing label', { user_aliases: [{ alias_name: 'a' }], messages: { sms: VALID.sms } }, 'Bad Request', /alias_label is required/],
    ['send_id 65 chars', to({ sms: VALID.sms }, { send_id: 's'.repeat(65) }), 'Bad Request', /send_id/],
    ['send_id non-ASCII', to({ sms: VALID.sms }, { send_id: 'café' }), 'Bad Request', /ASCII/],
    ['override_frequency_capping as string', to({ sms: VALID.sms }, { override_frequency_capping: 'false' }), 'Bad Request', /boolean/],
    ['recipient_subscription_state enum', to({ sms: VALID.sms }, { recipient_subscription_state: 'everyone' }), 'Bad Request', /recipient_subscription_state/],
    ['undocumented top-level field', to({ sms: VALID.sms }, { email_addresses: ['a@b.c'] }), 'Bad Request', /email_addresses is not a documented field/],
    ['unknown messaging object', to({ windows_phone8_push: { toast_content: 'x' } }), 'Bad Request', /not a messaging object/],
    ['messaging object is not an object', to({ sms: 'hello' }), 'Bad Request', /must be an object/],
    ['campaign_id without message_variation_id', to({ sms: VALID.sms }, { campaign_id: 'c1' }), 'Message Variant Unspecified'],
    // required fields
    ['android missing title', without('android_push', 'title'), 'Bad Request', /android_push.title is required/],
    ['apple missing alert', without('apple_push', 'alert'), 'Bad Request', /apple_push.alert is required/],
    ['apple alert object missing body', one('apple_push', { alert: { title: 't' } }), 'Bad Request', /alert.body is required/],
    ['content_card missing description', without('content_card', 'description'), 'Bad Request', /description is required/],
    ['email missing from', without('email', 'from'), 'Bad Request', /email.from is required/],
    ['email missing app_id', without('email', 'app_id'), 'Bad Request', /email.app_id is required/],
    ['kindle missing alert', without('kindle_push', 'alert'), 'Bad Request', /kindle_push.alert is required/],
    ['web_push missing title', without('web_push', 'title'), 'Bad Request', /web_push.title is required/],
    ['webhook missing request_method', without('webhook', 'request_method'), 'Bad Request', /request_method is required/],
    ['webhook missing url', without('webhook', 'url'), 'Bad Request', /webhook.url is required/],
    ['whats_app missing subscription_group_id', without('whats_app', 'subscription_group_id'), 'Bad Request', /subscription_group_id is required/],
    ['whats_app missing message', without('whats_app', 'message'), 'Bad Request', /message is required/],
    ['sms missing body', without('sms', 'body'), 'Bad Request', /sms.body is required/],
    ['sms missing subscription_group_id', without('sms', 'subscription_group_id'), 'Bad Request', /subscription_group_id is required/],
    ['wa template missing language', wa('template_message', { template_name: 't' }), 'Bad Request', /template_language_code is required/],
    ['wa image missing image_uri', wa('text_image_response_message', { caption: 'c' }), 'Bad Request', /image_uri is required/],
    ['wa quick reply missing buttons', wa('quick_reply_response_message', { body: 'b' }), 'Bad Request', /buttons is required/],
    ['wa list missing list', wa('list_response_message', { body: 'b' }), 'Bad Request', /list is required/],
    ['wa flow missing flow_id', wa('flow_response_message', { body: 'b', flow_button: { caption: 'c' } }), 'Bad Request', /flow_id is required/],
    ['wa text missing body', wa('text_response_message', {}), 'Bad Request', /message.body is required/],
    // JSON types
    ['android priority as string', one('android_push', { priority: '1' }), 'Bad Request', /priority must be an integer/],
    ['apple badge not integer', one('apple_push', { badge: 1.5 }), 'Bad Request', /badge must be an integer/],
    ['web require_interaction as string', one('web_push', { require_interaction: 'true' }), 'Bad Request', /boolean/],
    ['content card time_to_live as string', one('content_card', { time_to_live: '3600' }), 'Bad Request', /integer/],
    ['webhook body as object', one('webhook', { body: { a: 1 } }), 'Bad Request', /webhook.body must be a string/],
    ['sms body as number', one('sms', { body: 5 }), 'Bad Request', /string/],
    ['email null subject', one('email', { subject: null }), 'Bad Request', /null/],
    ['undocumented channel field', one('content_card', { message: 'x' }), 'Bad Request', /content_card.message is not a documented field/],
    // enums
    ['interruption_level', one('apple_push', { interruption_level: 'urgent' }), 'Bad Request', /interruption_level/],
    ['asset_file_type', one('apple_push', { asset_file_type: 'jpeg' }), 'Bad Request', /asset_file_type/],
    ['content card type', one('content_card', { type: 'IMAGE' }), 'Bad Request', /type must be one of/],
    ['webhook request_method', one('webhook', { request_method: 'PATCH' }), 'Bad Request', /request_method/],
    ['android_priority', one('android_push', { android_priority: 'max' }), 'Bad Request', /android_priority/],
    ['android button action', one('android_push', { buttons: [{ text: 't', action: 'OPEN' }] }), 'Bad Request', /action must be one of/],
    ['web push button has no DEEP_LINK', one('web_push', { buttons: [{ text: 't', action: 'DEEP_LINK' }] }), 'Bad Request', /action must be one of/],
    ['whats_app message_type', one('whats_app', { message_type: 'document_message' }), 'Bad Request', /message_type/],
    // ranges
    ['android time_to_live > 2419200', one('android_push', { time_to_live: 2419201 }), 'Bad Request', /at most 2419200/],
    ['apns_priority 11', one('apple_push', { apns_priority: 11 }), 'Bad Request', /apns_priority/],
    ['apns_priority 0', one('apple_push', { apns_priority: 0 }), 'Bad Request', /apns_priority/],
    ['relevance_score 1.5', one('apple_push', { relevance_score: 1.5 }), 'Bad Request', /relevance_score/],
    // conflicts
    ['asset_url without asset_file_type', to({ apple_push: { alert: 'a', asset_url: 'https://x.test/a.png' } }), 'Bad Request', /asset_file_type is required/],
    ['send_to_sync with alert', one('android_push', { send_to_sync: true }), 'Bad Request', /send_to_sync/],
    ['quick reply with header_text and header_image_uri', wa('quick_reply_response_message', { body: 'b', header_text: 'h', header_image_uri: 'https://x.test/i.png', buttons: [{ text: 'a' }] }), 'Bad Request', /not both/],
    ['apple extra with aps', one('apple_push', { extra: { aps: 1 } }), 'Invalid Extra Push Payload'],
    ['apple extra with ab', one('apple_push', { extra: { ab: 1 } }), 'Invalid Extra Push Payload'],
    ['apple extra not a dictionary', one('apple_push', { extra: 'k=v' }), 'Invalid Extra Push Payload'],
    ['android extra is an array', one('android_push', { extra: ['a'] }), 'Invalid Extra Push Payload'],
    ['apple buttons without category', one('apple_push', { buttons: [{ action_id: 'ab_pb_yes' }] }), 'Bad Request', /category/],
    ['apple app-defined category button without uri', one('apple_push', { category: 'my_cat', buttons: [{ action_id: 'x', action: 'URI' }] }), 'Bad Request', /uri is required/],
    ['apple default category wrong action', one('apple_push', { category: 'ab_cat_yes_no', buttons: [{ action_id: 'ab_pb_no', action: 'URI' }] }), 'Bad Request', /CLOSE/],
    // sizes
    ['apple payload > 1912 bytes', one('apple_push', { alert: longAlert }), 'Apple Push Length Exceeded'],
    ['android alert + extra > 4000 bytes', one('android_push', { alert: 'x'.repeat(3000), extra: { big: 'y'.repeat(1000) } }), 'Android Push Length Exceeded'],
    ['wa list > 10 rows', wa('list_response_message', { body: 'b', list: { list_button_text: 'p', list_sections: [{ section_title: 'a', list_rows: Array.from({ length: 6 }, () => ({ row_title: 'r' })) }, { section_title: 'b', list_rows: Array.from({ length: 5 }, () => ({ row_title: 'r' })) }] } }), 'Bad Request', /at most 10 rows/],
    ['wa list without sections', wa('list_response_message', { body: 'b', list: { list_button_text: 'p', list_sections: [] } }), 'Bad Request', /at least 1 section/],
    ['wa flow caption > 20 chars', wa('flow_response_message', { body: 'b', flow_button: { caption: '123456789012345678901', flow_id: 'f' } }), 'Bad Request', /20 characters/],
    // content card / email
    ['captioned image without image_url', one('content_card', { type: 'CAPTIONED_IMAGE' }), 'Bad Request', /image_url is required/],
    ['banner without image_url', one('content_card', { type: 'BANNER' }), 'Bad Request', /image_url is required/],
    ['card without time_to_live or expire_at', without('content_card', 'time_to_live'), 'Bad Request', /time_to_live or expire_at/],
    ['card expire_at > 30 days', to({ content_card: { type: 'CLASSIC', title: 't', description: 'd', expire_at: days(40) } }), 'Bad Request', /30 days/],
    ['card expire_at not ISO 8601', to({ content_card: { type: 'CLASSIC', title: 't', description: 'd', expire_at: 'tomorrow' } }), 'Bad Request', /ISO 8601/],
    ['email without body or template', without('email', 'body'), 'Bad Request', /body or email_template_id/],
    ['email from not an address', one('email', { from: 'Shop' }), 'Bad Request', /from must be an address/],
  ];
  for (const [title, body, message, errors] of cases) {
    test(title, async () => {
      const r = await send(body);
      assert.equal(r.status, 400, `${title}: ${JSON.stringify(r.json)}`);
      assert.equal(r.json.message, message, JSON.stringify(r.json));
      assert.ok(Array.isArray(r.json.errors) && r.json.errors.length > 0);
      if (errors) assert.match(r.json.errors.join(' | '), errors);
      assert.equal(standIn.deliveries.size, 0);
    });
  }

  test('not JSON -> 400 Bad Request', async () => {
    const r = await send(undefined, { raw: '{"external_user_ids": [' });
    assert.equal(r.status, 400);
    assert.equal(r.json.message, 'Bad Request');
  });
  test('JSON array body -> 400 Bad Request', async () => {
    const r = await send([1]);
    assert.equal(r.status, 400);
    assert.equal(r.json.message, 'Bad Request');
  });
  test('body over 4 MB -> 413', async () => {
    const r = await send(undefined, { raw: JSON.stringify({ pad: 'x'.repeat(4 * 1024 * 1024) }) });
    assert.equal(r.status, 413);
    assert.equal(standIn.requests.at(-1).status, 413);
  });
  test('content card expire_at within 30 days is accepted', async () => {
    const r = await send(to({ content_card: { type: 'BANNER', title: '', description: '', image_url: 'https://x.test/b.png', expire_at: days(10), expire_in_local_time: false } }));
    assert.equal(r.status, 201, JSON.stringify(r.json));
  });
  test('android alert + extra of exactly 4000 bytes is accepted', async () => {
    const extra = { k: 'v' }; // {"k":"v"} = 9 bytes
    const r = await send(one('android_push', { alert: 'x'.repeat(4000 - 9), extra }));
    assert.equal(r.status, 201, JSON.stringify(r.json));
  });
});

describe('connected audience', () => {
  const bc = (audience) => ({ broadcast: true, audience, messages: { sms: VALID.sms } });
  const ok = {
    'string equals': { custom_attribute: { custom_attribute_name: 'eye_color', comparison: 'equals', value: 'blue' } },
    'array includes_value': { custom_attribute: { custom_attribute_name: 'favorite_foods', comparison: 'includes_value', value: 'pizza' } },
    'time x days ago': { custom_attribute: { custom_attribute_name: 'last_purchase_time', comparison: 'less_than_x_days_ago', value: 2 } },
    'exists without value': { custom_attribute: { custom_attribute_name: 'vip', comparison: 'exists' } },
    'boolean does_not_equal': { custom_attribute: { custom_attribute_name: 'vip', comparison: 'does_not_equal', value: true } },
    'push is opted_in': { push_subscription_status: { comparison: 'is', value: 'opted_in' } },
    'email is_not subscribed': { email_subscription_status: { comparison: 'is_not', value: 'subscribed' } },
    'last_used_app after (+0000)': { last_used_app: { comparison: 'after', value: '2019-07-22T13:17:55+0000' } },
    'nested AND/OR': {
      AND: [
        { custom_attribute: { custom_attribute_name: 'age', comparison: 'greater_than', value: 18 } },
        { OR: [{ push_subscription_status: { comparison: 'is', value: 'opted_in' } }, { email_subscription_status: { comparison: 'is', value: 'opted_in' } }] },
      ],
    },
  };
  for (const [title, audience] of Object.entries(ok)) {
    test(`accepts ${title}`, async () => {
      const r = await send(bc(audience));
      assert.equal(r.status, 201, JSON.stringify(r.json));
    });
  }
  const bad = {
    'unknown filter': [{ interacted_with_campaign: { campaign_id: 'c' } }, /not a connected audience filter/],
    'empty AND': [{ AND: [] }, /non-empty array/],
    'OR not an array': [{ OR: { a: 1 } }, /non-empty array/],
    'two keys in one node': [{ AND: [{ last_used_app: { comparison: 'after', value: '2020-01-01' } }], OR: [] }, /exactly one key/],
    'unknown comparison': [{ custom_attribute: { custom_attribute_name: 'a', comparison: 'contains', value: 'x' } }, /not a connected audience comparison/],
    'greater_than with a string': [{ custom_attribute: { custom_attribute_name: 'a', comparison: 'greater_than', value: '5' } }, /must be a number/],
    'x_days with a date': [{ custom_attribute: { custom_attribute_name: 'a', comparison: 'less_than_x_days_ago', value: '2020-01-01' } }, /number of days/],
    'after with a non-ISO value': [{ custom_attribute: { custom_attribute_name: 'a', comparison: 'after', value: 'yesterday' } }, /ISO 8601/],
    'matches_regex with a number': [{ custom_attribute: { custom_attribute_name: 'a', comparison: 'matches_regex', value: 5 } }, /string/],
    'equals without value': [{ custom_attribute: { custom_attribute_name: 'a', comparison: 'equals' } }, /value is required/],
    'push status bad value': [{ push_subscription_status: { comparison: 'is', value: 'yes' } }, /value must be one of/],
    'last_used_app bad comparison': [{ last_used_app: { comparison: 'equals', value: '2020-01-01T00:00:00Z' } }, /comparison must be one of/],
  };
  for (const [title, [audience, errors]] of Object.entries(bad)) {
    test(`rejects ${title}`, async () => {
      const r = await send(bc(audience));
      assert.equal(r.status, 400, JSON.stringify(r.json));
      assert.equal(r.json.message, 'Bad Request');
      assert.match(r.json.errors.join(' | '), errors);
    });
  }
});

describe('rate limit', () => {
  test('default: 250000/hour headers on every response, reset on the next clock hour', async () => {
    for (const key of ['local-dev-key', 'nope-key-123', 'no-send-key']) {
      const r = await send(one('sms'), { key });
      assert.equal(r.headers.get('x-ratelimit-limit'), '250000');
      const reset = Number(r.headers.get('x-ratelimit-reset'));
      assert.equal(reset, (Math.floor(clock.ms / 3600000) + 1) * 3600);
    }
    const bad = await send({});
    assert.equal(bad.status, 400);
    assert.ok(bad.headers.get('x-ratelimit-remaining'));
  });
  test('custom window: remaining counts down, then 429 Rate Limited', async () => {
    standIn.setRateLimit({ limit: 2, windowMs: 10000 });
    const a = await send(one('sms'));
    const b = await send(one('sms'));
    const c = await send(one('sms'));
    assert.deepEqual([a.status, b.status, c.status], [201, 201, 429]);
    assert.deepEqual([a, b, c].map((r) => r.headers.get('x-ratelimit-remaining')), ['1', '0', '0']);
    assert.equal(c.headers.get('x-ratelimit-limit'), '2');
    assert.equal(c.json.message, 'Rate Limited');
    const reset = Number(c.headers.get('x-ratelimit-reset'));
    assert.equal(reset, Math.ceil((clock.ms + 10000) / 1000));
    assert.equal(standIn.deliveries.get('external:u1'), 2);
  });
  test('window ends -> allowed again; setRateLimit(null) restores the default', async () => {
    standIn.setRateLimit({ limit: 1, windowMs: 200 });
    assert.equal((await send(one('sms'))).status, 201);
    assert.equal((await send(one('sms'))).status, 429);
    clock.ms += 199;
    assert.equal((await send(one('sms'))).status, 429);
    clock.ms += 1;
    assert.equal((await send(one('sms'))).status, 201);
    standIn.setRateLimit(null);
    assert.equal((await send(one('sms'))).headers.get('x-ratelimit-limit'), '250000');
  });
});

describe('faults', () => {
  test('rateLimited: 429 with reset in resetInSeconds, nothing delivered', async () => {
    standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 2 });
    const r = await send(one('sms'));
    assert.equal(r.status, 429);
    assert.equal(r.json.message, 'Rate Limited');
    assert.equal(r.headers.get('x-ratelimit-remaining'), '0');
    const reset = Number(r.headers.get('x-ratelimit-reset'));
    assert.equal(reset, Math.ceil((clock.ms + 2000) / 1000));
    assert.equal(standIn.deliveries.size, 0);
    assert.equal((await send(one('sms'))).status, 201, 'consumed by one request');
  });
  for (const status of [500, 502, 503, 504]) {
    test(`serverError ${status}`, async () => {
      standIn.queueFaults({ type: 'serverError', status });
      const r = await send(one('sms'));
      assert.equal(r.status, status);
      assert.equal(typeof r.json.message, 'string');
      assert.equal(standIn.deliveries.size, 0);
    });
  }
  test('drop: socket destroyed, nothing delivered', async () => {
    standIn.queueFaults({ type: 'drop' });
    await assert.rejects(send(one('sms')));
    assert.equal(standIn.deliveries.size, 0);
    assert.equal(standIn.requests[0].status, null);
    assert.equal(standIn.requests[0].fault, 'drop');
    assert.equal(standIn.accepted().length, 0);
  });
  test('acceptThenDrop: delivered, answer lost', async () => {
    standIn.queueFaults({ type: 'acceptThenDrop' });
    await assert.rejects(send(one('sms')));
    assert.equal(standIn.deliveries.get('external:u1'), 1);
    assert.equal(standIn.requests[0].status, 201);
    assert.equal(standIn.requests[0].fault, 'acceptThenDrop');
  });
  test('acceptThenSlow: delivered at once, answered after delayMs (or never, if the client gives up)', HELD, async (t) => {
    await withHeldDelays(async ({ local, held }) => {
      local.queueFaults({ type: 'acceptThenSlow', delayMs: 400 }, { type: 'acceptThenSlow', delayMs: 150 });
      const giveUp = new AbortController();
      const abandoned = send(one('sms'), { to: local, signal: giveUp.signal });
      await until(() => held.length === 1, t.signal);
      assert.equal(held[0].ms, 400);
      assert.equal(local.deliveries.get('external:u1'), 1, 'delivered before the answer');
      assert.equal(local.accepted().length, 1, 'counted as accepted before the answer');
      assert.equal(local.requests[0].status, 201);
      giveUp.abort();
      await assert.rejects(abandoned);
      const answered = send(one('sms'), { to: local });
      await until(() => held.length === 2, t.signal);
      assert.equal(held[1].ms, 150);
      held[1].release();
      assert.equal((await answered).status, 201);
      assert.equal(local.deliveries.get('external:u1'), 2);
    });
  });
  test('slow: answered late and delivered if the client waits', HELD, async (t) => {
    await withHeldDelays(async ({ local, held }) => {
      local.queueFaults({ type: 'slow', delayMs: 150 });
      const answered = send(one('sms'), { to: local });
      await until(() => held.length === 1, t.signal);
      assert.equal(held[0].ms, 150);
      assert.equal(local.deliveries.size, 0, 'not acted on during the delay');
      held[0].release();
      assert.equal((await answered).status, 201);
      assert.equal(local.deliveries.get('external:u1'), 1);
    });
  });
  test('slow: nothing delivered if the client gives up during the delay', HELD, async (t) => {
    await withHeldDelays(async ({ local, held }) => {
      local.queueFaults({ type: 'slow', delayMs: 300 });
      const giveUp = new AbortController();
      const abandoned = send(one('sms'), { to: local, signal: giveUp.signal });
      await until(() => held.length === 1, t.signal);
      giveUp.abort();
      await assert.rejects(abandoned);
      await until(() => held[0].socket.destroyed, t.signal);
      held[0].release();
      await until(() => local.requests[0].status !== undefined, t.signal);
      assert.equal(local.requests[0].status, null);
      assert.equal(local.deliveries.size, 0);
    });
  });
  test('malformedJson: 200 with a body that is not JSON, nothing delivered', async () => {
    standIn.queueFaults({ type: 'malformedJson' });
    const r = await send(one('sms'));
    assert.equal(r.status, 200);
    assert.equal(r.json, undefined);
    assert.throws(() => JSON.parse(r.text));
    assert.equal(standIn.deliveries.size, 0);
  });
  test('faults are consumed in order, only by matching paths, and only after auth', async () => {
    standIn.queueFaults({ type: 'serverError', status: 503, path: '/sends/id/create' }, { type: 'serverError', status: 500 }, { type: 'rateLimited' });
    assert.equal((await send(one('sms'), { key: 'bad-key-000' })).status, 401); // does not consume
    assert.equal((await send(one('sms'))).status, 500);
    assert.equal((await send(one('sms'))).status, 429);
    assert.equal((await send(one('sms'))).status, 201);
    assert.equal(standIn.pendingFaults(), 1);
    assert.equal((await call('/sends/id/create', { campaign_id: 'c' })).status, 503);
    assert.equal(standIn.pendingFaults(), 0);
  });
  test('echoHeaders with a status: that status, the request headers echoed (key plain, Base64, URL-encoded), nothing delivered', async () => {
    standIn.queueFaults({ type: 'echoHeaders', status: 400 });
    const r = await send(one('sms'));
    assert.equal(r.status, 400);
    assert.match(r.json.message, /Bearer local-dev-key/);
    assert.equal(r.json.request_headers.authorization, 'Bearer local-dev-key');
    assert.ok(r.json.errors.includes(`key (base64): ${Buffer.from('local-dev-key').toString('base64')}`));
    assert.ok(r.json.errors.includes(`key (url): ${encodeURIComponent('local-dev-key')}`));
    assert.equal(r.headers.get('x-echo-authorization'), 'Bearer local-dev-key');
    assert.equal(standIn.deliveries.size, 0);
  });
  test("echoHeaders without a status: Braze's answer, delivered, with the echo added", async () => {
    standIn.queueFaults({ type: 'echoHeaders' });
    const r = await send(one('sms'));
    assert.equal(r.status, 201);
    assert.equal(r.json.message, 'success');
    assert.equal(typeof r.json.dispatch_id, 'string');
    assert.equal(r.json.request_headers.authorization, 'Bearer local-dev-key');
    assert.ok(r.json.errors.includes('authorization: Bearer local-dev-key'));
    assert.equal(standIn.deliveries.get('external:u1'), 1);
  });
  test('invalid fault definitions throw', () => {
    assert.throws(() => standIn.queueFaults({ type: 'explode' }));
    assert.throws(() => standIn.queueFaults({ type: 'serverError', status: 418 }));
    assert.throws(() => standIn.queueFaults({ type: 'echoHeaders', status: 99 }));
  });
});

describe('holds', () => {
  test('a held path answers nobody until its condition is met, then everybody', HELD, async (t) => {
    const fromBoth = (reqs) => ['a-', 'b-'].every((p) => reqs.some((r) => r.rawBody.includes(`"${p}`)));
    standIn.hold('/messages/send', fromBoth);
    let firstAnswered = false;
    const first = send({ ...one('sms'), external_user_ids: ['a-1'] }).then((r) => {
      firstAnswered = true;
      return r;
    });
    await until(() => standIn.requests.some((r) => r.rawBody.includes('"a-1"')), t.signal);
    for (let i = 0; i < 20; i++) await turn();
    assert.equal(firstAnswered, false, 'the first sender waits for the second');
    assert.equal(standIn.requests[0].status, undefined);
    const second = await send({ ...one('sms'), external_user_ids: ['b-1'] });
    assert.equal(second.status, 201);
    assert.equal((await first).status, 201);
    assert.equal((await send(one('sms'))).status, 201, 'an open hold holds nothing more');
  });

  test('reset() lets held requests through', HELD, async (t) => {
    standIn.hold('/messages/send', () => false);
    const held = send(one('sms'));
    await until(() => standIn.requests.length === 1 && standIn.requests[0].rawBody !== '', t.signal);
    standIn.reset();
    assert.equal((await held).status, 201);
  });
});

describe('recording and deliveries', () => {
  test('requests records everything, accepted() only 2xx', async () => {
    await send(one('sms'), { key: null });
    await send(one('sms'), { key: 'no-send-key' });
    await send({});
    const ok = await send(one('sms'));
    assert.deepEqual(standIn.requests.map((r) => r.status), [401, 403, 400, 201]);
    assert.equal(standIn.accepted().length, 1);
    const rec = standIn.accepted()[0];
    assert.equal(rec.method, 'POST');
    assert.equal(rec.path, '/messages/send');
    assert.equal(rec.headers.authorization, 'Bearer local-dev-key');
    assert.deepEqual(rec.body, one('sms'));
    assert.equal(rec.rawBody, JSON.stringify(one('sms')));
    assert.deepEqual(rec.response, ok.json);
  });
  test('counts once per recipient per accepted send; keys by kind', async () => {
    await send({ external_user_ids: ['u1', 'u2', 'u1'], user_aliases: [{ alias_name: 'n', alias_label: 'crm' }], messages: { sms: VALID.sms, email: VALID.email } });
    await send(one('sms'));
    await send({ broadcast: true, segment_id: 'seg-1', messages: { sms: VALID.sms } });
    await send({ broadcast: true, audience: { push_subscription_status: { comparison: 'is', value: 'opted_in' } }, messages: { sms: VALID.sms } });
    await send({ external_user_ids: ['u3'], segment_id: 'seg-1', messages: { sms: VALID.sms } }); // intersection: u3 only
    assert.deepEqual(Object.fromEntries(standIn.deliveries), {
      'external:u1': 2,
      'external:u2': 1,
      'alias:crm:n': 1,
      'segment:seg-1': 1,
      audience: 1,
      'external:u3': 1,
    });
  });
  test('reset() clears requests, deliveries, faults and the rate limit', async () => {
    standIn.setRateLimit({ limit: 1, windowMs: 60000 });
    standIn.queueFaults({ type: 'drop' });
    await send(one('sms'), { key: null });
    standIn.reset();
    assert.equal(standIn.requests.length, 0);
    assert.equal(standIn.pendingFaults(), 0);
    assert.equal((await send(one('sms'))).status, 201);
    assert.equal((await send(one('sms'))).status, 201);
  });
});

describe('other endpoints', () => {
  test('schedule create -> update -> delete', async () => {
    const body = { broadcast: true, segment_id: 'seg', schedule: { time: days(1) }, messages: { sms: VALID.sms } };
    const c = await call('/messages/schedule/create', body, { key: 'no-send-key' });
    assert.equal(c.status, 201, JSON.stringify(c.json));
    assert.equal(typeof c.json.schedule_id, 'string');
    assert.equal(standIn.deliveries.size, 0);
    // Braze documents dashboard broadcasts only; the stand-in never lists API schedules.
    const list = await call(`/messages/scheduled_broadcasts?end_time=${encodeURIComponent(days(60))}`, undefined, { method: 'GET' });
    assert.equal(list.json.scheduled_broadcasts.some((b) => b.id === c.json.schedule_id), false);
    const u = await call('/messages/schedule/update', { schedule_id: c.json.schedule_id, schedule: { time: days(2) } });
    assert.equal(u.status, 200, JSON.stringify(u.json));
    assert.equal((await call('/messages/schedule/delete', { schedule_id: c.json.schedule_id })).status, 200);
    assert.equal((await call('/messages/schedule/delete', { schedule_id: c.json.schedule_id })).status, 400);
  });
  test('schedule create needs schedule and rejects override_frequency_capping', async () => {
    const r = await call('/messages/schedule/create', { external_user_ids: ['u1'], override_frequency_capping: true, messages: { sms: VALID.sms } });
    assert.equal(r.status, 400);
    assert.match(r.json.errors.join(' | '), /schedule is required/);
    assert.match(r.json.errors.join(' | '), /override_frequency_capping is not a documented field/);
  });
  test('sends/id/create', async () => {
    const r = await call('/sends/id/create', { campaign_id: 'c1', send_id: 'my-send' });
    assert.deepEqual(r.json, { message: 'success', send_id: 'my-send' });
    assert.equal((await call('/sends/id/create', {})).status, 400);
  });
  test('campaigns/trigger/send', async () => {
    const r = await call('/campaigns/trigger/send', { campaign_id: 'c1', recipients: [{ external_user_id: 'u1', trigger_properties: { a: 1 } }, { email: 'a@b.test', prioritization: ['identified'] }] });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    assert.equal(standIn.deliveries.get('email:a@b.test'), 1);
    const bad = await call('/campaigns/trigger/send', { campaign_id: 'c1', recipients: [{ email: 'a@b.test' }] });
    assert.equal(bad.status, 400);
    assert.match(bad.json.errors.join(), /prioritization is required/);
  });
  test('canvas/trigger/send (+ paused notice)', async () => {
    const r = await call('/canvas/trigger/send', { canvas_id: 'cv', recipients: [{ external_user_id: 'u1', context: { a: 1 } }] });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    const p = await call('/canvas/trigger/send', { canvas_id: 'paused-cv', broadcast: true });
    assert.match(p.json.notice, /paused/);
    assert.equal(standIn.deliveries.size, 1);
    assert.equal((await call('/canvas/trigger/send', { canvas_id: 'cv' }, { key: 'no-send-key' })).status, 400); // broadcast needed
  });
});

test('CLI prints the listening line and logs requests without keys', { timeout: 10000 }, async () => {
  const child = spawn(process.execPath, [path.join(__dirname, 'cli.js'), '--port', '0'], { env: { ...process.env, NODE_TEST_CONTEXT: '' } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 5000);
      child.stdout.on('data', () => {
        const m = /^Braze stand-in listening on (http:\/\/127\.0\.0\.1:\d+) \(API key: local-dev-key\)$/m.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const post = (key) => fetch(`${url}/messages/send`, { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body: JSON.stringify(one('sms')) });
    assert.equal((await post('local-dev-key')).status, 201);
    assert.equal((await post('my-secret-key-987')).status, 401);
    await new Promise((resolve) => {
      const logged = () => /-> 401/.test(out) && resolve();
      logged();
      child.stdout.on('data', logged);
    });
    const logLines = out.split('\n').slice(1).join('\n');
    assert.match(logLines, /POST \/messages\/send -> 201/);
    assert.match(logLines, /-> 401/);
    assert.ok(!logLines.includes('local-dev-key') && !logLines.includes('my-s'), logLines);
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  }
});
