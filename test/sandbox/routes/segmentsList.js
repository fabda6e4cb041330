'use strict';
// GET /segments/list (Braze export: segments.list permission; `segments`, 100 per `page`).
const { segments, pagedList } = require('./catalogue');

module.exports = { method: 'GET', path: '/segments/list', permission: 'segments.list', handle: pagedList('segments', segments), noBody: true };
