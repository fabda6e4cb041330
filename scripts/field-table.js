#!/usr/bin/env node
'use strict';
// Prints the field table of docs/fields.md from the node's own description, so it cannot drift:
// every field of Message › Send with the Braze key it fills. `npm run fields`.
require('./ts-require');
const path = require('path');

const { Braze } = require(path.resolve(__dirname, '../nodes/Braze/Braze.node.ts'));
const { PROFILE_KEYS } = require(path.resolve(__dirname, '../nodes/Braze/resources/user/fields/profile.ts'));

// Fields whose value is built by a named preSend function rather than routed by key.
const BUILT_FIELDS = {
	externalUserIds: 'external_user_ids',
	userAliases: 'user_aliases[] (alias_name, alias_label)',
	channels: 'messages.<channel> (which objects are sent)',
	applePushAlert: 'messages.apple_push.alert (string, or alert object .body)',
	applePushTitle: 'messages.apple_push.alert.title',
	'applePushOptions.titleLocKey': 'messages.apple_push.alert.title_loc_key',
	'applePushOptions.titleLocArgs': 'messages.apple_push.alert.title_loc_args[]',
	'applePushOptions.actionLocKey': 'messages.apple_push.alert.action_loc_key',
	'applePushOptions.locKey': 'messages.apple_push.alert.loc_key',
	'applePushOptions.locArgs': 'messages.apple_push.alert.loc_args[]',
	'applePushOptions.alertSound': 'messages.apple_push.alert.sound',
	'applePushOptions.buttons': 'messages.apple_push.buttons[] (action_id, action, uri, use_webview)',
	'androidPushOptions.buttons': 'messages.android_push.buttons[] (text, action, uri, use_webview)',
	'webPushOptions.buttons': 'messages.web_push.buttons[] (text, action, uri)',
	'emailOptions.attachments': 'messages.email.attachments[] (file_name, url, basic_auth_credential)',
	'smsOptions.mediaItems': 'messages.sms.media_items[]',
	whatsAppBodyVariables: 'messages.whats_app.message.body_variables ({"0": …, "1": …})',
	whatsAppHeaderVariable: 'messages.whats_app.message.header_variables ({"0": …})',
	whatsAppButtonVariable: 'messages.whats_app.message.button_variables ({"<button index>": …})',
	whatsAppButtons: 'messages.whats_app.message.buttons[] (text)',
	whatsAppListSections: 'messages.whats_app.message.list.list_sections[] (section_title, list_rows[] (row_title, row_description))',
	'androidPushOptions.conversationMessages': 'messages.android_push.conversation_data.messages[] (text, timestamp, person_id)',
	'androidPushOptions.conversationPersons': 'messages.android_push.conversation_data.persons[] (id, name)',
	'androidPushOptions.conversationReplyPersonId': 'messages.android_push.conversation_data.reply_person_id',
	'androidPushOptions.conversationShortcutId': 'messages.android_push.conversation_data.shortcut_id',
	contentCardExpiry: '(chooses time_to_live or expire_at)',
	// Message › Schedule / Update Schedule (reference §9.1–9.2).
	scheduleTime: 'schedule.time (UTC ISO 8601; without time zone for local/optimal time)',
	inLocalTime: 'schedule.in_local_time',
	atOptimalTime: 'schedule.at_optimal_time',
	updateTime: '(Update Schedule: whether schedule is sent)',
	updateMessages: '(Update Schedule: whether messages is sent)',
	// Message › List Scheduled (reference §19): a query parameter.
	endTime: 'end_time (query string; the date only, as YYYY-MM-DDT00:00:00Z)',
	// Node behaviour, not part of the request.
	'options.dryRun': '(not sent: outputs the request bodies instead of calling Braze)',
	'options.batchItems': '(not sent: items with the same message share requests of up to 50 recipients)',
	'options.maxWaitOnRateLimit': '(not sent: how long the node waits on a 429)',
	'options.retryServerErrors': '(not sent: whether the node retries a 5xx)',
	'options.timeout': '(not sent: how long the node waits for an answer)',
	// Version 2's Simplify (transport/simplify.ts).
	simplify: '(not sent: leaves the request bookkeeping out of the output)',
	// Version 2's Send To and Email Content (shared/sendTo.ts, channels/email.ts).
	sendTo: 'which of external_user_ids / user_aliases, segment_id, audience are sent; broadcast (true without named users)',
	emailContent: '(which of messages.email.body and messages.email.email_template_id is sent)',
	audienceMode: 'audience (built from the form, pasted as JSON, or none)',
	audienceCombinator: 'audience.AND / audience.OR (top level)',
	audienceFilters:
		'audience.AND[] or .OR[] (custom_attribute, push_subscription_status, email_subscription_status, last_used_app)',
	audienceGroups: 'audience.AND[] or .OR[] → nested {"AND": […]} or {"OR": […]}',
	audienceJson: 'audience (a Connected Audience object)',
};
const KEY_VALUE_TARGETS = {
	'applePushOptions.extra': 'messages.apple_push.extra',
	'androidPushOptions.extra': 'messages.android_push.extra',
	'kindlePushOptions.extra': 'messages.kindle_push.extra',
	'webPushOptions.extra': 'messages.web_push.extra',
	'contentCardOptions.extra': 'messages.content_card.extra',
	'emailOptions.extras': 'messages.email.extras',
	'emailOptions.headers': 'messages.email.headers',
	'webhookOptions.requestHeaders': 'messages.webhook.request_headers',
};

function brazeKey(property, parameterPath) {
	if (property.name === 'additionalJson') return `merged under the channel's object`;
	const routed = property.routing && property.routing.send && property.routing.send.property;
	if (typeof routed === 'string' && !routed.startsWith('=')) return routed;
	if (KEY_VALUE_TARGETS[parameterPath]) return `${KEY_VALUE_TARGETS[parameterPath]} (object)`;
	return BUILT_FIELDS[parameterPath];
}

/**
 * Every user-facing field of the node: [label, parameter path, Braze key]. A field defined
 * more than once alike (the same field shown for several operations) is listed once.
 */
function sendFieldRows() {
	const rows = [];
	const seen = new Set();
	const push = (row) => {
		const key = row.join('\u0000');
		if (seen.has(key)) return;
		seen.add(key);
		rows.push(row);
	};
	const { properties } = new Braze().description;
	for (const property of properties) {
		if (['resource', 'operation'].includes(property.name)) continue;
		// The table covers the Message resource; other resources document their fields in
		// docs/campaigns-and-canvases.md.
		const resources = property.displayOptions && property.displayOptions.show && property.displayOptions.show.resource;
		if (resources && !resources.includes('message')) continue;
		if (property.type === 'collection') {
			for (const option of property.options) {
				const parameterPath = `${property.name}.${option.name}`;
				const prefix = property.name === 'options' ? 'Options' : property.displayName;
				push([`${prefix} › ${option.displayName}`, parameterPath, brazeKey(option, parameterPath)]);
			}
			continue;
		}
		push([property.displayName, property.name, brazeKey(property, property.name)]);
	}
	return rows;
}

// The User and Subscription Group fields that a body step builds (resources/user, subscriptionGroup).
const USER_BUILT_FIELDS = {
	identifyBy: '(which identifier each object carries; on Delete, which list: external_ids, braze_ids, user_aliases, email_addresses, phone_numbers; on Get, as Look Up By: external_ids, user_aliases, braze_id, email_address or phone)',
	externalId: 'attributes[] / events[] / purchases[] .external_id',
	aliasName: '… .user_alias.alias_name',
	aliasLabel: '… .user_alias.alias_label',
	brazeId: '… .braze_id',
	email: '… .email',
	phone: '… .phone (E.164)',
	updateExistingOnly: '… ._update_existing_only',
	subscriptionGroups: 'attributes[].subscription_groups[] (subscription_group_id, subscription_state)',
	customAttributes: 'attributes[].<name> (value by type, {"inc"}, {"add"}, {"remove"} or null)',
	nestedAttributes: 'attributes[].<name> (objects and arrays of objects)',
	mergeObjects: 'attributes[]._merge_objects',
	eventName: 'events[].name',
	time: 'events[].time / purchases[].time',
	properties: 'events[].properties / purchases[].properties',
	appId: 'events[].app_id / purchases[].app_id',
	productId: 'purchases[].product_id',
	currency: 'purchases[].currency',
	price: 'purchases[].price',
	quantity: 'purchases[].quantity',
	identifyExternalId: 'aliases_to_identify[].external_id',
	newAliasName: 'aliases_to_identify[].user_alias.alias_name / user_aliases[].alias_name',
	newAliasLabel: 'aliases_to_identify[].user_alias.alias_label / user_aliases[].alias_label',
	aliasExternalId: 'user_aliases[].external_id',
	confirmDelete: '(not sent: must be on for anything to be deleted)',
	deletePrioritization: 'email_addresses[].prioritization / phone_numbers[].prioritization',
	subscriptionGroupId: 'subscription_groups[].subscription_group_id',
	subscriptionState: 'subscription_groups[].subscription_state',
	usersBy: '(which list: external_ids, emails, phones)',
	subscriptionUsers: 'subscription_groups[].external_ids / emails / phones',
	useDoubleOptIn: 'subscription_groups[].use_double_opt_in_logic',
	'options.objectsPerRequest': '(not sent: how many objects one /users/track request carries)',
	// User › Get (resources/user/get.ts).
	fieldsToExport: 'fields_to_export (plus external_id, braze_id, user_aliases)',
	output: '(not sent: Simplified, Raw or Selected Fields of each user)',
	outputFields: '(not sent: the fields Selected Fields keeps)',
	'options.ifNotFound': '(not sent: fail the item, or output found: false)',
	'options.lookupsPerRequest': '(not sent: how many external_ids and user_aliases one /users/export/ids request carries)',
	// Version 2 moved these into Options (resources/user/fields/movedToOptions.ts).
	'options.updateExistingOnly': '… ._update_existing_only',
	'options.nestedAttributes': 'attributes[].<name> (objects and arrays of objects)',
	'options.mergeObjects': 'attributes[]._merge_objects',
};

/**
 * The fields shown for the resources `shows` accepts, collections expanded: [label, parameter
 * path, Braze key], each path once (a field shown for several operations is defined alike).
 */
function fieldRows(shows, keyOf) {
	const rows = [];
	const seen = new Set();
	for (const property of new Braze().description.properties) {
		if (['resource', 'operation'].includes(property.name) || property.type === 'notice') continue;
		const resources = (property.displayOptions && property.displayOptions.show && property.displayOptions.show.resource) || [];
		if (!shows(resources)) continue;
		const prefix = property.name === 'options' ? 'Options' : property.displayName;
		const entries =
			property.type === 'collection'
				? property.options.map((option) => [`${prefix} › ${option.displayName}`, `${property.name}.${option.name}`, option])
				: [[property.displayName, property.name, property]];
		for (const [label, parameterPath, field] of entries) {
			if (seen.has(parameterPath)) continue;
			seen.add(parameterPath);
			rows.push([label, parameterPath, keyOf(field, parameterPath)]);
		}
	}
	return rows;
}

const routedKey = (property) => {
	const routed = property.routing && property.routing.send && property.routing.send.property;
	return typeof routed === 'string' && !routed.startsWith('=') ? routed : undefined;
};

/** The fields of the User and Subscription Group resources: [label, parameter path, Braze key]. */
function userFieldRows() {
	return fieldRows(
		(resources) => resources.some((resource) => resource === 'user' || resource === 'subscriptionGroup'),
		(property, parameterPath) => {
			const routed = routedKey(property);
			if (routed !== undefined) return routed.replace('[0]', '[]');
			const [collection, name] = parameterPath.split('.');
			if (collection === 'profile' && PROFILE_KEYS[name]) return `attributes[].${PROFILE_KEYS[name]}`;
			return USER_BUILT_FIELDS[parameterPath] ?? BUILT_FIELDS[parameterPath];
		},
	);
}

// The Live Activity fields a body step builds (resources/liveActivity). They win over
// BUILT_FIELDS: the audience goes out as custom_audience there.
const LIVE_ACTIVITY_BUILT_FIELDS = {
	activityAttributes: 'activity_attributes (object)',
	contentState: 'content_state (object)',
	staleDate: 'stale_date (UTC ISO 8601)',
	dismissalDate: 'dismissal_date (UTC ISO 8601)',
	notificationTitle: 'notification.alert.title',
	notificationBody: 'notification.alert.body',
	'notificationOptions.alertSound': 'notification.alert.sound',
	sendTo: 'which of external_user_ids / user_aliases, segment_id, custom_audience are sent',
	audienceMode: 'custom_audience (built from the form, pasted as JSON, or none)',
	audienceCombinator: 'custom_audience.AND / custom_audience.OR (top level)',
	audienceFilters: 'custom_audience.AND[] or .OR[] (as on Send)',
	audienceGroups: 'custom_audience.AND[] or .OR[] → nested {"AND": […]} or {"OR": […]}',
	audienceJson: 'custom_audience (a Connected Audience object)',
};

/** The fields of Live Activity › Start and Update: [label, parameter path, Braze key]. */
function liveActivityFieldRows() {
	return fieldRows(
		(resources) => resources.includes('liveActivity'),
		(property, parameterPath) =>
			LIVE_ACTIVITY_BUILT_FIELDS[parameterPath] ?? routedKey(property) ?? BUILT_FIELDS[parameterPath],
	);
}

function readFieldDoc() {
	return require('fs').readFileSync(path.resolve(__dirname, '../docs/fields.md'), 'utf8');
}

module.exports = { sendFieldRows, userFieldRows, liveActivityFieldRows, readFieldDoc };

if (require.main === module) {
	const rows = sendFieldRows();
	const userRows = userFieldRows();
	const liveActivityRows = liveActivityFieldRows();
	const missing = [...rows, ...userRows, ...liveActivityRows].filter((row) => !row[2]);
	if (missing.length) {
		console.error(`No Braze key known for: ${missing.map((row) => row[1]).join(', ')}`);
		process.exit(1);
	}
	console.log('| Field | Parameter | Braze key |\n|---|---|---|');
	for (const [label, parameter, key] of rows) console.log(`| ${label} | \`${parameter}\` | \`${key}\` |`);
	console.log('\n## User and Subscription Group\n\n| Field | Parameter | Braze key |\n|---|---|---|');
	for (const [label, parameter, key] of userRows) console.log(`| ${label} | \`${parameter}\` | \`${key}\` |`);
	console.log('\n## Live Activity\n\n| Field | Parameter | Braze key |\n|---|---|---|');
	for (const [label, parameter, key] of liveActivityRows) console.log(`| ${label} | \`${parameter}\` | \`${key}\` |`);
}
