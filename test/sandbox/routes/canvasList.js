'use strict';
// GET /canvas/list (Braze export: canvas.list permission; `canvases`, 100 per `page`).
const { canvases, pagedList } = require('./catalogue');

module.exports = { method: 'GET', path: '/canvas/list', permission: 'canvas.list', handle: pagedList('canvases', canvases, { archiveFilters: true }), noBody: true };
