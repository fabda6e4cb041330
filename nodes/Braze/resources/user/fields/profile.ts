import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { textField } from '../../../helpers/validation/fieldValues';
import { invalidInput } from '../../../helpers/validation/invalidInput';
import type { Checked } from '../../../helpers/validation/userData';
import { accepted, emailAddress, phoneNumber, shortText } from '../../../helpers/validation/userData';
import { isPlainObject } from '../../../helpers/values/object';
import { birthDate, countryCode, languageCode, timeZone } from './profileRules';

const SUBSCRIBE_STATES = [
	{ name: 'Opted In', value: 'opted_in', description: 'Explicitly opted in' },
	{ name: 'Subscribed', value: 'subscribed', description: 'Neither opted in nor out' },
	{ name: 'Unsubscribed', value: 'unsubscribed', description: 'Explicitly opted out' },
];

/**
 * Braze's standard profile fields. Their values are read whole (`profileAttributes`) and written
 * once, under the keys of PROFILE_KEYS, into the user's attributes object.
 * https://www.braze.com/docs/api/objects_filters/user_attributes_object
 */
export const profileFieldsProperty: INodeProperties = {
	displayName: 'Profile Fields',
	name: 'profile',
	type: 'collection',
	placeholder: 'Add Profile Field',
	default: {},
	description:
		"Braze's standard profile fields to set (on Transactional Email › Send: before the email is made). A field left out is not changed.",
	displayOptions: {
		show: { resource: ['user', 'transactional'], operation: ['upsert', 'send'] },
	},
	options: [
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'US',
			description: 'Two-letter ISO 3166-1 country code (country)',
		},
		{
			displayName: 'Date of Birth',
			name: 'dob',
			type: 'string',
			default: '',
			placeholder: '1980-12-21',
			description: 'YYYY-MM-DD (dob)',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'The email address on the profile (email)',
		},
		{
			displayName: 'Email Subscription',
			name: 'emailSubscribe',
			type: 'options',
			options: SUBSCRIBE_STATES,
			default: 'subscribed',
			description: "The user's global email subscription state (email_subscribe)",
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			description: 'First name (first_name)',
		},
		{
			displayName: 'Gender',
			name: 'gender',
			type: 'options',
			options: [
				{ name: 'Female', value: 'F', description: 'Sent as F' },
				{ name: 'Male', value: 'M', description: 'Sent as M' },
				{ name: 'Not Applicable', value: 'N', description: 'Sent as N' },
				{ name: 'Other', value: 'O', description: 'Sent as O' },
				{ name: 'Prefer Not to Say', value: 'P', description: 'Sent as P' },
			],
			default: 'P',
			description: 'Gender (gender)',
		},
		{
			displayName: 'Home City',
			name: 'homeCity',
			type: 'string',
			default: '',
			description: 'Home city (home_city)',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: '',
			placeholder: 'en',
			description:
				'Two-letter ISO 639-1 language code (language); it wins over the device language',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			description: 'Last name (last_name)',
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			placeholder: '+14155552671',
			description: 'Phone number in E.164 form (phone)',
		},
		{
			displayName: 'Push Subscription',
			name: 'pushSubscribe',
			type: 'options',
			options: SUBSCRIBE_STATES,
			default: 'subscribed',
			description: "The user's global push subscription state (push_subscribe)",
		},
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: '',
			placeholder: 'America/New_York',
			description: 'IANA time zone name (time_zone); Braze ignores other values',
		},
	],
};

/** Each profile field's key in Braze's user attributes object, by the field's name. */
export const PROFILE_KEYS: Record<string, string> = {
	country: 'country',
	dob: 'dob',
	email: 'email',
	emailSubscribe: 'email_subscribe',
	firstName: 'first_name',
	gender: 'gender',
	homeCity: 'home_city',
	language: 'language',
	lastName: 'last_name',
	phone: 'phone',
	pushSubscribe: 'push_subscribe',
	timeZone: 'time_zone',
};

/**
 * The item's profile fields as Braze's attribute keys and values, checked (formats, pick-list
 * values, no blank value sent by accident); {} when none is filled in. User › Create or Update
 * and Transactional Email › Send put them in the attributes object they build.
 */
export function profileAttributes(context: IExecuteSingleFunctions): IDataObject {
	const given = context.getNodeParameter('profile', {});
	const attributes: IDataObject = {};
	if (isPlainObject(given)) {
		for (const [name, value] of Object.entries(given)) {
			const key = PROFILE_KEYS[name];
			if (key !== undefined) attributes[key] = value;
		}
	}
	checkProfileFields(context, attributes);
	return attributes;
}

/** Profile keys whose text is checked and written the way Braze wants it. */
const FORMATS: Record<string, { label: string; check: (text: string) => Checked<string> }> = {
	country: { label: 'Country', check: countryCode },
	dob: { label: 'Date of Birth', check: (text) => birthDate(text) },
	email: { label: 'Email', check: emailAddress },
	language: { label: 'Language', check: languageCode },
	phone: { label: 'Phone', check: phoneNumber },
	time_zone: { label: 'Time Zone', check: timeZone },
};
const TEXT_KEYS: Record<string, string> = {
	first_name: 'First Name',
	last_name: 'Last Name',
	home_city: 'Home City',
};

/**
 * Keys set from a pick-list. The editor offers only the list, but an expression can give
 * anything, and Braze refuses the whole object for a value outside it.
 */
const CHOICE_KEYS = ['gender', 'email_subscribe', 'push_subscribe'];

/** The profile field written to Braze's key `key`. */
const profileOption = (key: string) =>
	(profileFieldsProperty.options as INodeProperties[]).find(
		(option) => PROFILE_KEYS[option.name] === key,
	) as INodeProperties;

/** A pick-list field's value, one of its list's values: "F", or "Female" as the list shows it. */
function checkChoice(context: IExecuteSingleFunctions, attributes: IDataObject, key: string): void {
	const field = profileOption(key);
	const choices = (field.options ?? []) as INodePropertyOptions[];
	const given = textField(context, attributes[key], `Profile Fields › ${field.displayName}`);
	if (given === '') {
		delete attributes[key];
		return;
	}
	const choice = choices.find(
		(option) => String(option.value) === given || option.name.toLowerCase() === given.toLowerCase(),
	);
	if (choice === undefined) {
		throw invalidInput(
			context,
			`Profile Fields › ${field.displayName} cannot be "${given.slice(0, 40)}"`,
			`Give one of: ${choices.map((option) => `${String(option.value)} (${option.name})`).join(', ')}; check the expression that fills it.`,
		);
	}
	attributes[key] = choice.value;
}

/** Checks the profile attributes in place: formats, and no empty values sent by accident. */
function checkProfileFields(
	context: IExecuteSingleFunctions,
	attributes: IDataObject,
): void {
	for (const key of CHOICE_KEYS) if (key in attributes) checkChoice(context, attributes, key);
	for (const [key, { label, check }] of Object.entries(FORMATS)) {
		if (!(key in attributes)) continue;
		const text = textField(context, attributes[key], `Profile Fields › ${label}`);
		if (text === '') {
			delete attributes[key];
			continue;
		}
		attributes[key] = accepted(context, `Profile Fields › ${label}: `, check(text));
	}
	for (const [key, label] of Object.entries(TEXT_KEYS)) {
		if (!(key in attributes)) continue;
		const text = textField(context, attributes[key], `Profile Fields › ${label}`);
		if (text === '') delete attributes[key];
		else attributes[key] = accepted(context, `Profile Fields › ${label} `, shortText(text));
	}
}
