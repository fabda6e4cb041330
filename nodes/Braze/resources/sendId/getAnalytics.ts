import type { INodeProperties } from 'n8n-workflow';

import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { showFor } from '../../helpers/form/displayOptions';
import { brazeIdLocator } from '../../helpers/form/locator';
import { keysOf, seriesItems } from '../../shared/reads/output';
import { addEndingAt } from '../../shared/reads/period';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';

/**
 * Send ID › Get Analytics: GET /sends/data_series, one tracked send of an API campaign per day for
 * `length` days (1–100) up to ending_at. Braze keeps these numbers 14 days after the send, and
 * counts a conversion for the most recent send ID the user received
 * (https://www.braze.com/docs/api/endpoints/export/campaigns/get_send_analytics).
 */
const show = showFor('sendId', ['getAnalytics']);

export const getSendAnalyticsProperties: INodeProperties[] = [
	{
		displayName: 'Campaign ID',
		name: 'campaignId',
		...brazeIdLocator('searchApiCampaigns', 'cmp-0a1b2c3d'),
		required: true,
		description:
			'The API campaign the send belongs to: pick it from the list, or give its API identifier. Sent as campaign_id.',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'campaign_id' } },
	},
	{
		displayName: 'Send ID',
		name: 'sendId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.send_id }}',
		description:
			'The send to report on: the send_id given to Message › Send or Campaign › Trigger (Send ID › Create outputs one). Braze keeps its numbers for 14 days after the send.',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'send_id' } },
	},
];

export const getSendAnalyticsOperation: OperationSpec = {
	name: 'Get Analytics',
	value: 'getAnalytics',
	action: "Get a send's analytics",
	description:
		"Read one tracked send of an API campaign per day (1 to 100 days up to Ending At; Braze keeps them 14 days after the send), e.g. to compare today's send with last week's. One output item per day: campaign_id, send_id, time, unique_recipients, conversions, revenue, and message_totals (sent, delivered, opens… summed over channels); Output › Raw adds messages per channel.",
	url: '/sends/data_series',
	method: 'GET',
	permission: 'sends.data_series',
	prepare: [keepOnlyKeys(['campaign_id', 'send_id', 'length']), addEndingAt],
	echoBodyKeys: ['campaign_id', 'send_id'],
	outputItems: seriesItems({
		points: (json) => json.data,
		listName: 'data',
		carry: keysOf('campaign_id', 'send_id'),
		totals: true,
	}),
	shape: {
		id: ['campaign_id', 'send_id', 'time'],
		simplified: ['unique_recipients', 'conversions', 'revenue', 'message_totals'],
	},
	onUnclearAnswer: askAgain(CHANGES.read),
};
