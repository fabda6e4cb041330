'use strict';
// GET /segments/details?segment_id=… (segments.details permission, reference §25.2): one segment's
// name, descriptions, dates, tags and teams; no segment_id in the answer.
// https://www.braze.com/docs/api/endpoints/export/segments/get_segment_details
const { Problems } = require('../rules/check');
const { checkId, checkKnown, unknownId } = require('../rules/series');
const { segments, findRecord } = require('./catalogue');

const CREATED = '2025-11-02T08:30:00+00:00';

function handle({ query, ctx, state }) {
  const problems = new Problems();
  const id = checkId(query, 'segment_id', 'segment', problems);
  checkKnown(query, ['segment_id'], problems, ctx);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const segment = findRecord('segments', segments, state, id);
  if (!segment) return unknownId('Segment');
  return {
    status: 200,
    body: {
      message: 'success',
      created_at: CREATED,
      updated_at: segment.last_edited,
      name: segment.name,
      description: `Users in ${segment.name}: filters set in the dashboard`,
      text_description: `The ${segment.name} segment`,
      tags: segment.tags,
      teams: ['Lifecycle'],
    },
  };
}

module.exports = { method: 'GET', path: '/segments/details', permission: 'segments.details', handle, noBody: true };
