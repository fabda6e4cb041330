import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../resource';
import { addAliasOperation, addAliasProperties } from './addAlias';
import { deleteNotice, deleteOperation, deleteProperties } from './delete';
import { aliasProperties } from './fields/alias';
import { upsertAdvancedOptions } from './fields/customAttributes';
import { identityProperties } from './fields/identity';
import { getOperation, getProperties, lookUpByProperty } from './get';
import { getOptions } from './getOptions';
import { occurrenceProperties } from './fields/occurrence';
import { userOptionsProperty } from './fields/options';
import { updateExistingOnlyOption, updateExistingOnlyProperty } from './fields/updateExistingOnly';
import { identifyOperation, identifyProperties } from './identify';
import { trackEventOperation, trackEventProperties } from './trackEvent';
import { trackPurchaseOperation, trackPurchaseProperties } from './trackPurchase';
import { upsertOperation, upsertProperties } from './upsert';

const [identifyByProperty, ...identifierFields] = identityProperties;

// The User operations, one file each (https://www.braze.com/docs/api/endpoints/user_data/).
const operations = [
	addAliasOperation,
	upsertOperation,
	deleteOperation,
	getOperation,
	identifyOperation,
	trackEventOperation,
	trackPurchaseOperation,
];

/** The User form, in order: fields several operations share are listed once (see fields/). */
export const userProperties: INodeProperties[] = resourceProperties(
	'user',
	operations,
	[
		deleteNotice,
		// Identify User By and Get's Look Up By, then the identifier fields they both show.
		identifyByProperty,
		lookUpByProperty,
		...identifierFields,
		...getProperties,
		...upsertProperties,
		...trackEventProperties,
		...trackPurchaseProperties,
		...occurrenceProperties,
		updateExistingOnlyProperty,
		...identifyProperties,
		...aliasProperties,
		...addAliasProperties,
		...deleteProperties,
		userOptionsProperty(
			'user',
			operations.map((operation) => operation.value),
			[updateExistingOnlyOption, ...upsertAdvancedOptions, ...getOptions],
		),
	],
	'upsert',
);
