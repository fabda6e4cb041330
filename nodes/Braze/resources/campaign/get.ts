import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { answerRecord } from '../../shared/reads/output';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';

/**
 * Campaign › Get: GET /campaigns/details?campaign_id=…[&post_launch_draft_version=true], the
 * campaign's settings and its messages keyed by message variation; Braze's answer does not name
 * the campaign, so the output adds campaign_id
 * (https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaign_details).
 */
export const getCampaignOperation: OperationSpec = {
	name: 'Get',
	value: 'get',
	action: 'Get a campaign',
	description:
		"Read one campaign's details by its ID: name, description, channels, tags, whether it is enabled or archived, schedule type, first and last send; with Output › Raw also its messages and conversion events. One output item, with campaign_id.",
	url: '/campaigns/details',
	method: 'GET',
	permission: 'campaigns.details',
	prepare: [keepOnlyKeys(['campaign_id', 'post_launch_draft_version'])],
	echoBodyKeys: ['campaign_id'],
	outputItems: answerRecord,
	shape: {
		id: ['campaign_id'],
		simplified: [
			'name',
			'description',
			'channels',
			'tags',
			'enabled',
			'archived',
			'schedule_type',
			'first_sent',
			'last_sent',
		],
	},
	onUnclearAnswer: askAgain(CHANGES.read),
};
