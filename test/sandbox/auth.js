'use strict';
// API keys and permissions (reference §8). Keys are never echoed back in full.

const ALL_PERMISSIONS = Object.freeze([
  'messages.send',
  'messages.schedule.create',
  'messages.schedule.update',
  'messages.schedule.delete',
  'messages.schedule_broadcasts',
  'messages.live_activity.start',
  'messages.live_activity.update',
  'campaigns.trigger.send',
  'campaigns.trigger.schedule.create',
  'campaigns.trigger.schedule.update',
  'campaigns.trigger.schedule.delete',
  'canvas.trigger.send',
  'canvas.trigger.schedule.create',
  'canvas.trigger.schedule.update',
  'canvas.trigger.schedule.delete',
  'sends.id.create',
  'transactional.send',
  'campaigns.list',
  'canvas.list',
  'segments.list',
  'segments.details',
  'segments.data_series',
  'campaigns.details',
  'campaigns.data_series',
  'sends.data_series',
  'canvas.details',
  'canvas.data_series',
  'canvas.data_summary',
  'templates.email.list',
  'templates.email.info',
  'templates.email.create',
  'templates.email.update',
  'content_blocks.list',
  'content_blocks.info',
  'content_blocks.create',
  'content_blocks.update',
  'kpi.dau.data_series',
  'kpi.mau.data_series',
  'kpi.new_users.data_series',
  'kpi.uninstalls.data_series',
  'events.list',
  'events.get',
  'events.data_series',
  'catalogs.get',
  'catalogs.create',
  'catalogs.delete',
  'catalogs.create_fields',
  'catalogs.delete_fields',
  'catalogs.get_items',
  'catalogs.get_item',
  'catalogs.create_item',
  'catalogs.update_item',
  'catalogs.replace_item',
  'catalogs.delete_item',
  'catalogs.add_items',
  'catalogs.update_items',
  'catalogs.replace_items',
  'catalogs.delete_items',
  'users.track',
  'users.identify',
  'users.alias.new',
  'users.delete',
  'users.export.ids',
  'subscription.status.set',
  'email.unsubscribe',
  'email.hard_bounces',
  'email.status',
  'email.bounce.remove',
  'email.spam.remove',
  'email.blacklist',
  'sms.invalid_phone_numbers',
  'sms.invalid_phone_numbers.remove',
]);

const DEFAULT_API_KEYS = Object.freeze({
  'local-dev-key': ALL_PERMISSIONS,
  'no-send-key': Object.freeze(ALL_PERMISSIONS.filter((p) => p !== 'messages.send')),
  // A key made for data sync only: it may update users but send nothing.
  'users-only-key': Object.freeze(['users.track', 'users.identify', 'users.alias.new', 'users.delete', 'subscription.status.set']),
});

/** A hint that lets a human tell keys apart without revealing one: "loca…" or "…". */
function maskKey(key) {
  return key && key.length >= 8 ? `${key.slice(0, 4)}…` : '…';
}

/**
 * Returns null when allowed, else { status, body }.
 * Braze wants exactly `Authorization: Bearer <key>`; a quoted key is a different (unknown) key.
 */
function authorize(headers, apiKeys, permission) {
  const match = /^Bearer (.+)$/.exec(headers.authorization || '');
  const key = match ? match[1] : undefined;
  if (!key || !Object.prototype.hasOwnProperty.call(apiKeys, key)) {
    const why = key ? `Invalid API key: ${maskKey(key)}` : 'Invalid API key: no "Authorization: Bearer <key>" header';
    return { status: 401, body: { message: why } };
  }
  if (permission && !apiKeys[key].includes(permission)) {
    return {
      status: 403,
      body: {
        message: 'Access Denied',
        errors: [`The REST API key you are using does not have sufficient permissions: ${permission} is required`],
      },
    };
  }
  return null;
}

module.exports = { ALL_PERMISSIONS, DEFAULT_API_KEYS, authorize, maskKey };
