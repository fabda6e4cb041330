'use strict';
// GET /campaigns/details?campaign_id=…[&post_launch_draft_version=true] (campaigns.details,
// reference §26.2): the campaign's settings and messages (keyed by message variation id); no
// campaign_id in the answer. With post_launch_draft_version=true, a campaign that has a draft
// shows the draft's changes (here: the email subject).
// https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaign_details
const { Problems } = require('../rules/check');
const { checkBoolean, checkId, checkKnown, unknownId } = require('../rules/series');
const { campaigns, findRecord } = require('./catalogue');
const { channelsOf, variationId } = require('./campaignDetail');

const CREATED = '2025-10-01T12:00:00+00:00';
/** Campaigns with changes saved as a post-launch draft. */
const WITH_DRAFT = new Set(['cmp-welcome-0001']);

function message(campaign, channel, draft) {
  if (channel === 'email') {
    return { channel, name: 'Email', subject: draft ? `${campaign.name} (draft)` : campaign.name, body: '<p>Hi {{${first_name}}}</p>', from: 'Acme <hello@acme.example>', reply_to: 'support@acme.example', title: campaign.name, extras: [] };
  }
  return { channel, name: 'Push', alert: `${campaign.name}!`, title: campaign.name, extras: {} };
}

function handle({ query, ctx, state }) {
  const problems = new Problems();
  const id = checkId(query, 'campaign_id', 'campaign', problems);
  const draftVersion = checkBoolean(query, 'post_launch_draft_version', problems);
  checkKnown(query, ['campaign_id', 'post_launch_draft_version'], problems, ctx);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const campaign = findRecord('campaigns', campaigns, state, id);
  if (!campaign) return unknownId('Campaign');
  const hasDraft = WITH_DRAFT.has(id);
  const channels = channelsOf(campaign);
  const messages = Object.fromEntries(channels.map((channel) => [variationId(campaign, channel), message(campaign, channel, draftVersion && hasDraft)]));
  return {
    status: 200,
    body: {
      message: 'success',
      created_at: CREATED,
      updated_at: campaign.last_edited,
      archived: campaign.archived === true,
      draft: false,
      enabled: campaign.archived !== true,
      has_post_launch_draft: hasDraft,
      name: campaign.name,
      description: `${campaign.name}, sent by the lifecycle team`,
      schedule_type: campaign.is_api_campaign ? 'api_triggered' : 'time_based',
      channels,
      first_sent: '2025-10-02T09:00:00+00:00',
      last_sent: '2026-01-14T09:00:00+00:00',
      tags: campaign.tags,
      teams: ['Lifecycle'],
      messages,
      conversion_behaviors: [{ type: 'Opens Email', window: 86400 }],
    },
  };
}

module.exports = { method: 'GET', path: '/campaigns/details', permission: 'campaigns.details', handle, noBody: true };
