import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../helpers/validation/invalidInput';
import { describeValue } from '../../../helpers/values/describe';

/**
 * The profile fields /users/export/ids can return, by Braze's name, with the form's words. The
 * endpoint's field table, plus campaigns_received, canvases_received and cards_clicked, which its
 * rate-limit note and answer use:
 * https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier
 */
const EXPORT_FIELDS: ReadonlyArray<[string, string, string]> = [
	['apps', 'Apps', 'The apps the user has used: sessions, first and last use'],
	['attributed_ad', 'Attributed Ad', 'The ad the install is attributed to'],
	['attributed_adgroup', 'Attributed Ad Group', 'The ad group the install is attributed to'],
	['attributed_campaign', 'Attributed Campaign', 'The campaign the install is attributed to'],
	['attributed_source', 'Attributed Source', 'The source the install is attributed to'],
	['braze_id', 'Braze ID', 'The ID Braze gave the user; always exported'],
	[
		'campaigns_received',
		'Campaigns Received',
		"Every campaign the user received. Slow, and it keeps requests off Braze's faster limit of 40 a second.",
	],
	[
		'canvases_received',
		'Canvases Received',
		"Every Canvas the user entered. Slow, and it keeps requests off Braze's faster limit of 40 a second.",
	],
	['cards_clicked', 'Cards Clicked', 'The Content Cards the user clicked'],
	['country', 'Country', 'ISO 3166-1 alpha-2 code, e.g. GB'],
	['created_at', 'Created At', 'When the profile was created'],
	['custom_attributes', 'Custom Attributes', 'All of them: Braze exports none alone'],
	['custom_events', 'Custom Events', 'Name, first and last time, count'],
	['devices', 'Devices', 'Model, OS, carrier and ad IDs of each device'],
	['dob', 'Date of Birth', 'YYYY-MM-DD'],
	['email', 'Email', 'The email address'],
	['email_subscribe', 'Email Subscription', 'opted_in, subscribed or unsubscribed'],
	['external_id', 'External ID', 'Your ID for the user; always exported'],
	['first_name', 'First Name', "The user's first name"],
	['gender', 'Gender', 'M, F, O, N or P'],
	['home_city', 'Home City', "The user's home city"],
	['language', 'Language', 'ISO 639-1 code, e.g. en'],
	['last_coordinates', 'Last Coordinates', 'The last known location, as Braze gives it'],
	['last_name', 'Last Name', "The user's last name"],
	['phone', 'Phone', 'The phone number (E.164)'],
	['purchases', 'Purchases', 'Product, first and last time, count'],
	['push_subscribe', 'Push Subscription', 'opted_in, subscribed or unsubscribed'],
	['push_tokens', 'Push Tokens', 'The push tokens of each app and device'],
	['random_bucket', 'Random Bucket', "The user's random bucket number (0–9999)"],
	['time_zone', 'Time Zone', 'IANA time zone, e.g. Europe/London'],
	['total_revenue', 'Total Revenue', 'Revenue from all purchases'],
	['uninstalled_at', 'Uninstalled At', 'When the app was uninstalled, if it was'],
	['user_aliases', 'User Aliases', "The user's aliases (name and label); always exported"],
];

/** Exported whatever is picked: each output says whose profile it is, and items find their user by them. */
const ALWAYS_EXPORTED = ['braze_id', 'external_id', 'user_aliases'];

export const fieldsToExportProperty: INodeProperties = {
	displayName: 'Fields to Export',
	name: 'fieldsToExport',
	type: 'multiOptions',
	// What a workflow usually reads before a send: the identity, contact, subscription and custom data.
	default: [
		'braze_id',
		'country',
		'custom_attributes',
		'email',
		'email_subscribe',
		'external_id',
		'first_name',
		'language',
		'last_name',
		'phone',
		'push_subscribe',
		'time_zone',
		'user_aliases',
	],
	description:
		'The profile fields Braze returns. External ID, Braze ID and User Aliases are always exported. Fewer fields answer faster; Campaigns Received and Canvases Received are the slowest. Custom Attributes returns all of them: keep the one you need with Output › Selected Fields (e.g. custom_attributes.plan).',
	options: EXPORT_FIELDS.map(([value, name, description]) => ({ name, value, description })).sort(
		(a, b) => a.name.localeCompare(b.name),
	),
	displayOptions: { show: { resource: ['user'], operation: ['get'] } },
};

const DEFAULT_EXPORT_FIELDS = fieldsToExportProperty.default as string[];

/** Braze's name of a field, from its name or its label as the list shows it ("First Name"). */
const BY_NAME = new Map(
	EXPORT_FIELDS.flatMap(([value, name]) => [
		[value, value],
		[name.toLowerCase(), value],
	]),
);

const LIST_URL = 'https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier';

/**
 * Fields to Export, checked: each one Braze's (from the list, or an expression giving names or
 * labels, as a list or separated by commas), plus the IDs, in the list's order. An unknown field
 * is refused before anything is sent: Braze would refuse the whole request.
 */
export function fieldsToExport(context: IExecuteSingleFunctions): string[] {
	const raw: unknown = context.getNodeParameter('fieldsToExport', DEFAULT_EXPORT_FIELDS);
	if (!Array.isArray(raw) && typeof raw !== 'string') {
		throw invalidInput(
			context,
			`Fields to Export must be a list of field names, but it is ${describeValue(raw)}`,
			'Pick the fields from the list, or give an expression that returns their names, e.g. ["first_name", "email"] or "first_name, email".',
		);
	}
	const entries = (Array.isArray(raw) ? raw.map(String) : raw.split(','))
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	const picked = new Set(ALWAYS_EXPORTED);
	for (const entry of entries) {
		const field = BY_NAME.get(entry) ?? BY_NAME.get(entry.toLowerCase());
		if (field === undefined) throw unknownField(context, entry);
		picked.add(field);
	}
	return EXPORT_FIELDS.map(([value]) => value).filter((value) => picked.has(value));
}

function unknownField(context: IExecuteSingleFunctions, entry: string) {
	if (entry.startsWith('custom_attributes.')) {
		return invalidInput(
			context,
			`Fields to Export: "${entry}" cannot be exported alone`,
			'Braze exports custom attributes only all together: pick Custom Attributes, then keep the one you need with Output › Selected Fields (e.g. custom_attributes.plan).',
		);
	}
	return invalidInput(
		context,
		`Fields to Export: "${entry}" is not a field Braze exports`,
		`Pick the fields from the list. An expression must give Braze's field names (e.g. first_name, email_subscribe, custom_attributes), as a list or separated by commas: ${LIST_URL}`,
	);
}
