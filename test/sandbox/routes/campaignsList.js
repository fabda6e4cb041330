'use strict';
// GET /campaigns/list (Braze export: campaigns.list permission; `campaigns`, 100 per `page`).
const { campaigns, pagedList } = require('./catalogue');

module.exports = { method: 'GET', path: '/campaigns/list', permission: 'campaigns.list', handle: pagedList('campaigns', campaigns, { archiveFilters: true }), noBody: true };
