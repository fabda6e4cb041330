'use strict';
// GET /canvas/details?canvas_id=…[&post_launch_draft_version=true] (canvas.details, reference
// §27.2): the Canvas's settings, variants and steps; no canvas_id in the answer. With
// post_launch_draft_version=true, a Canvas with a draft shows the draft's changes (here: its
// description).
// https://www.braze.com/docs/api/endpoints/export/canvas/get_canvas_details
const { Problems } = require('../rules/check');
const { checkBoolean, checkId, checkKnown, unknownId } = require('../rules/series');
const { canvases, findRecord } = require('./catalogue');
const { stepsOf, variantsOf } = require('./canvasShape');

const CREATED = '2025-09-15T10:00:00+00:00';
const WITH_DRAFT = new Set(['cnv-onboard-0001']);

function handle({ query, ctx, state }) {
  const problems = new Problems();
  const id = checkId(query, 'canvas_id', 'Canvas', problems);
  const draftVersion = checkBoolean(query, 'post_launch_draft_version', problems);
  checkKnown(query, ['canvas_id', 'post_launch_draft_version'], problems, ctx);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const canvas = findRecord('canvases', canvases, state, id);
  if (!canvas) return unknownId('Canvas');
  const hasDraft = WITH_DRAFT.has(id);
  const steps = stepsOf(canvas).filter((step) => !step.deleted);
  return {
    status: 200,
    body: {
      created_at: CREATED,
      updated_at: canvas.last_edited,
      name: canvas.name,
      description: draftVersion && hasDraft ? `${canvas.name} (draft changes)` : `${canvas.name}, a journey of ${steps.length} steps`,
      archived: canvas.archived === true,
      draft: false,
      enabled: canvas.archived !== true,
      has_post_launch_draft: hasDraft,
      schedule_type: 'action_based',
      first_entry: '2025-09-16T00:00:00+00:00',
      last_entry: '2026-01-14T23:00:00+00:00',
      channels: ['email'],
      variants: variantsOf(canvas).map((variant) => ({ ...variant, first_step_ids: [steps[0].id] })),
      tags: canvas.tags,
      teams: ['Lifecycle'],
      steps: steps.map((step, i) => ({
        name: step.name,
        type: 'message',
        id: step.id,
        next_step_ids: steps[i + 1] ? [steps[i + 1].id] : [],
        next_paths: steps[i + 1] ? [{ name: null, next_step_id: steps[i + 1].id }] : [],
        channels: ['email'],
        messages: { [`${step.id}-email`]: { channel: 'email', name: step.name, subject: step.name } },
      })),
      message: 'success',
    },
  };
}

module.exports = { method: 'GET', path: '/canvas/details', permission: 'canvas.details', handle, noBody: true };
