import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/form/displayOptions';
import { brazeIdLocator } from '../../helpers/form/locator';
import { optionsPropertyFor } from '../../shared/options';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resendIf } from '../../transport/request/unclearAnswers';

const show = showFor('sendId', ['create']);

export const createProperties: INodeProperties[] = [
	{
		displayName: 'Campaign ID',
		name: 'campaignId',
		...brazeIdLocator('searchCampaigns', 'cmp-0a1b2c3d'),
		required: true,
		description:
			"The API campaign the send ID is for: its API identifier, from the campaign's page or Settings › APIs and Identifiers",
		displayOptions: show,
		routing: { send: { type: 'body', property: 'campaign_id' } },
	},
	{
		displayName: 'Send ID',
		name: 'sendId',
		type: 'string',
		default: '',
		placeholder: 'spring-sale-2026',
		description:
			'The send ID to create (ASCII, at most 64 characters). Leave empty to let Braze generate one. Braze allows 100 custom send IDs per day per workspace; each send ID and campaign pair counts.',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'send_id' } },
	},
	optionsPropertyFor(
		'sendId',
		'create',
		['dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'timeout'],
		'Dry run, timeout, and how to handle rate limits and server errors for this request',
	),
];

export const createOperation: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create a send ID',
	description:
		'Create a send ID for an API campaign, to report the analytics of one send of it on their own, e.g. one newsletter issue (the Create Send ID endpoint). Braze allows 100 custom send IDs per day per workspace. Outputs send_id and message; pass send_id to Campaign › Trigger or Message › Send.',
	url: '/sends/id/create',
	permission: 'sends.id.create',
	// A named send ID is created once; an empty one makes Braze generate a new one each time.
	onUnclearAnswer: resendIf((body) => Boolean(body.send_id), CHANGES.sendId),
	// Campaign ID and Send ID are checked as they are typed (helpers/validation/brazeId.ts).
	prepare: [],
};
