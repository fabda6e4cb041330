import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { canonicalJson } from '../../helpers/values/object';
import type { OperationSpec } from '../../transport/operation';
import type { BatchSpec } from '../../transport/sharedRequests';
import { askAgain } from '../../transport/request/unclearAnswers';
import { fieldsToExport, fieldsToExportProperty } from './fields/exportFields';
import { foundUsers, lookupOf, matchingShare } from './getAnswer';
import { ifNotFound, lookupsPerRequest } from './getOptions';

/**
 * User › Get: POST /users/export/ids, a read that changes nothing in Braze
 * (https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier).
 * Braze takes up to 50 external IDs and aliases in one request, or one Braze ID, email address or
 * phone number alone (the safe reading of "only one of these identifiers can be included per
 * request"). So items looked up by External ID or User Alias share requests of up to 50 (when
 * their Fields to Export are the same); the others make one request each. Each item gets the
 * users its own identifier matches, never another item's.
 */
export const lookUpByProperty: INodeProperties = {
	displayName: 'Look Up By',
	name: 'identifyBy',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Braze ID', value: 'brazeId', description: 'The ID Braze gave the user' },
		{
			name: 'Email',
			value: 'email',
			description: 'The email address on the profile; every profile with it is returned',
		},
		{
			name: 'External ID',
			value: 'externalId',
			description: "Your own ID for the user, e.g. the CRM contact's ID",
		},
		{
			name: 'Phone',
			value: 'phone',
			description: 'The phone number on the profile (E.164); every profile with it is returned',
		},
		{ name: 'User Alias', value: 'userAlias', description: 'An alias name and label' },
	],
	default: 'externalId',
	description:
		'How to find the user. Items looked up by External ID or User Alias share requests (up to 50 users each); by Braze ID, Email or Phone, Braze takes one per request. An email or phone shared by several profiles returns each of them.',
	displayOptions: { show: { resource: ['user'], operation: ['get'] } },
};

export const getProperties: INodeProperties[] = [fieldsToExportProperty];

/** Braze's body key for each kind of identifier: lists take several users, the rest one. */
const BODY_KEYS: Record<string, (value: IDataObject[string]) => IDataObject> = {
	external_id: (value) => ({ external_ids: [value] }),
	user_alias: (value) => ({ user_aliases: [value] }),
	braze_id: (value) => ({ braze_id: value }),
	email: (value) => ({ email_address: value }),
	phone: (value) => ({ phone: value }),
};

/** The body: the item's identifier under Braze's key, and the fields (always sent: newer workspaces must). */
export function buildExportBody(context: IExecuteSingleFunctions, body: IDataObject): void {
	const [[kind, value]] = Object.entries(lookupOf(context));
	const fields = fieldsToExport(context);
	ifNotFound(context); // checked before anything is sent
	// Exactly the keys Braze documents: the identifier and the fields, nothing routed besides.
	for (const key of Object.keys(body)) delete body[key];
	Object.assign(body, BODY_KEYS[kind](value), { fields_to_export: fields });
}

/** External IDs and aliases of items whose Fields to Export are the same share requests. */
export const exportBatch: BatchSpec = {
	arrays: ['external_ids', 'user_aliases'],
	limits: (context) => ({ total: lookupsPerRequest(context) }),
	describe: (objects) => objects,
	share: (_context, body) =>
		body.external_ids || body.user_aliases
			? { key: canonicalJson(body.fields_to_export), body }
			: undefined,
	output: matchingShare,
	sharingNote: (limits) =>
		`Items looked up by External ID or User Alias, with the same Fields to Export, share requests of up to ${String(limits.total)} users.`,
};

export const getOperation: OperationSpec = {
	name: 'Get',
	value: 'get',
	action: 'Get a user',
	description:
		"Look up a Braze user's profile by external ID, alias, Braze ID, email or phone, e.g. to check a contact's subscription, plan or name before deciding what to send. Returns the fields picked in Fields to Export.",
	url: '/users/export/ids',
	permission: 'users.export.ids',
	prepare: [buildExportBody],
	// A read: asked again after a 5xx or a timeout, never recorded as sent.
	onUnclearAnswer: askAgain({
		change: 'the lookup',
		outcome: 'no profile was read',
		next: 'This request changes nothing in Braze: run it again.',
	}),
	// 250 a minute on newer workspaces, 2,500 on older ones: paced by its own headers.
	rateLimitBucket: 'users.export.ids',
	outputsDispatchId: false,
	batch: exportBatch,
	outputItems: foundUsers,
	shape: {
		// `found` stays like the IDs: a workflow routes on it (Options › If Not Found).
		id: ['found', 'external_id', 'braze_id'],
		simplified: [
			'email',
			'first_name',
			'last_name',
			'phone',
			'email_subscribe',
			'push_subscribe',
			'custom_attributes',
			'user_aliases',
		],
	},
};
