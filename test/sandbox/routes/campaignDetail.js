'use strict';
// What the stand-in knows of a campaign beyond its list entry: its channels and message
// variations, for /campaigns/details, /campaigns/data_series and /sends/data_series. A seeded
// campaign (seedList('campaigns', …)) may name its own `channels`.
const CHANNELS = { 'cmp-welcome-0001': ['email', 'ios_push'] };

/** The campaign's channels: email unless said otherwise. */
function channelsOf(campaign) {
  return campaign.channels || CHANNELS[campaign.id] || ['email'];
}

/** One message variation id per channel, fixed for the campaign. */
function variationId(campaign, channel) {
  return `${campaign.id}-var-${channel}`;
}

module.exports = { channelsOf, variationId };
