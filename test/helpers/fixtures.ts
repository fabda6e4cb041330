/** `count` distinct user IDs: u0, u1, … */
export const users = (count: number, prefix = 'u') =>
	Array.from({ length: count }, (_, index) => `${prefix}${index}`);

// Minimal valid messages, as the fields of Message › Send or Schedule: tests add the operation,
// the recipients and what they check.
export const emailMessage = {
	channels: ['email'],
	emailAppId: 'app-1',
	emailFrom: 'Acme <news@acme.com>',
	emailBody: '<p>Hi</p>',
};
export const applePushMessage = { channels: ['apple_push'], applePushAlert: 'Hi' };
/** The SMS message, and the messages.sms object Braze receives for it. */
export const smsMessage = {
	channels: ['sms'],
	smsAppId: 'app-1',
	smsSubscriptionGroupId: 'group-1',
	smsBody: 'Your sale starts now',
};
export const smsWire = {
	app_id: 'app-1',
	subscription_group_id: 'group-1',
	body: 'Your sale starts now',
};

/** Minimal valid sends; tests add the recipients. */
export const emailSend = { resource: 'message', operation: 'send', ...emailMessage };
export const smsSend = { resource: 'message', operation: 'send', ...smsMessage };

/**
 * Campaign and Canvas: the two API-triggered resources, which share their Trigger and Schedule
 * operations and differ in the names below. The parametrised suites run over both.
 */
export const TRIGGER_RESOURCES = [
	{
		label: 'Campaign',
		resource: 'campaign',
		/** As the node's sentences name it ("the campaign audience"). */
		noun: 'campaign',
		idField: 'campaignId',
		idName: 'Campaign ID',
		id: 'camp-1',
		idKey: 'campaign_id',
		/** Where the API paths and the permissions start: /campaigns/trigger/send, campaigns.trigger.send. */
		path: '/campaigns/trigger',
		permission: 'campaigns.trigger',
		propertiesField: 'triggerProperties',
		propertiesKey: 'trigger_properties',
		propertiesLabel: 'Trigger Properties',
		propertiesNoun: 'trigger properties',
		propertiesTooLarge: 'Trigger Properties are 51.0 KB; Braze accepts at most 50 KB',
		propertiesTooLargeFix: /pass large data by reference/,
	},
	{
		label: 'Canvas',
		resource: 'canvas',
		noun: 'Canvas',
		idField: 'canvasId',
		idName: 'Canvas ID',
		id: 'cnv-1',
		idKey: 'canvas_id',
		path: '/canvas/trigger',
		permission: 'canvas.trigger',
		propertiesField: 'context',
		propertiesKey: 'context',
		propertiesLabel: 'Context',
		propertiesNoun: 'context',
		propertiesTooLarge: 'Context is 51.0 KB; Braze accepts at most 50 KB',
		propertiesTooLargeFix: /Shorten the Context values/,
	},
] as const;

export type TriggerResource = (typeof TRIGGER_RESOURCES)[number];
