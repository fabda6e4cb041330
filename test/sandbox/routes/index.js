'use strict';
// The route table. A new endpoint = one file exporting { method, path, permission, handle } + one line here.
// handle({ body, query, ctx, state }) -> { status, body, deliver?: recipientKey[] }
module.exports = [
  require('./messagesSend'),
  ...require('./schedule'),
  require('./sendsId'),
  ...require('./trigger'),
  require('./campaignsList'),
  require('./canvasList'),
  require('./segmentsList'),
  require('./templatesEmailList'),
  require('./usersTrack'),
  ...require('./usersIdentity'),
  require('./subscriptionStatus'),
  ...require('./triggerSchedule'),
  require('./scheduledBroadcasts'),
  require('./transactional'),
  ...require('./liveActivity'),
];
