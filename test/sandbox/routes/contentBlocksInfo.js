'use strict';
// GET /content_blocks/info?content_block_id=…&include_inclusion_data=… (content_blocks.info;
// reference §30.5), with Braze's error texts. Braze does not show the shape of an
// inclusion_data entry; the stand-in gives the message variation's API identifier.
// https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/get_see_email_content_blocks_information
const { contentOf, bad, unknownParameter } = require('./contentStore');

function handle({ query, ctx, state }) {
  const unknown = unknownParameter(query, ctx, ['content_block_id', 'include_inclusion_data']);
  if (unknown) return unknown;
  const id = query.content_block_id;
  if (id === undefined || id.trim() === '') return bad('Content Block ID cannot be blank');
  const block = contentOf(state).blocks.find((b) => b.content_block_id === id);
  if (!block) return bad('Content Block ID is invalid for this workspace');
  const include = query.include_inclusion_data;
  if (include !== undefined && include !== 'true' && include !== 'false') return bad('Include Inclusion Data—error');
  const { state: blockState, ...shown } = block;
  void blockState; // Braze's answer does not say whether a block is active or a draft.
  const inclusions = Array.from({ length: block.inclusion_count }, (_, i) => `msg-variation-${i + 1}`);
  return {
    status: 200,
    body: {
      ...shown,
      ...(include === 'true' ? { inclusion_data: inclusions } : {}),
      message: 'success',
    },
  };
}

module.exports = { method: 'GET', path: '/content_blocks/info', permission: 'content_blocks.info', handle, noBody: true };
