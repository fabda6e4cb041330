import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { keysOf, seriesItems } from '../../shared/reads/output';
import { addEndingAt } from '../../shared/reads/period';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';

/**
 * Campaign › Get Analytics: GET /campaigns/data_series, per day for `length` days (1–100) up to
 * ending_at: unique recipients, conversions, revenue and each channel's counters per message
 * variation. The endpoint has its own limit, 50,000 requests a minute, apart from the hourly
 * pool (https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaign_analytics,
 * https://www.braze.com/docs/api/api_limits), so its requests are paced on their own.
 */
export const getCampaignAnalyticsOperation: OperationSpec = {
	name: 'Get Analytics',
	value: 'getAnalytics',
	action: "Get a campaign's analytics",
	description:
		"Read a campaign's numbers per day (1 to 100 days up to Ending At), e.g. to post yesterday's sends, opens and clicks to Slack or a sheet. One output item per day: campaign_id, time, unique_recipients, conversions, revenue, and message_totals (sent, opens, clicks… summed over channels and variations); Output › Raw adds messages per channel.",
	url: '/campaigns/data_series',
	method: 'GET',
	permission: 'campaigns.data_series',
	rateLimitBucket: 'campaigns.data_series',
	prepare: [keepOnlyKeys(['campaign_id', 'length']), addEndingAt],
	echoBodyKeys: ['campaign_id'],
	outputItems: seriesItems({
		points: (json) => json.data,
		listName: 'data',
		carry: keysOf('campaign_id'),
		totals: true,
	}),
	shape: {
		id: ['campaign_id', 'time'],
		simplified: [
			'unique_recipients',
			'conversions',
			'conversions_by_send_time',
			'revenue',
			'message_totals',
		],
	},
	onUnclearAnswer: askAgain(CHANGES.read),
};
