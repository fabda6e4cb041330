'use strict';
// WhatsApp object (reference §3.8): `message` is shaped by `message_type`.
const { checkFields, isPlainObject, has } = require('../check');

const str = { type: 'string' };
const reqStr = { type: 'string', required: true, nonEmpty: true };

const MESSAGE_FIELDS = {
  template_message: {
    template_name: reqStr,
    template_language_code: reqStr,
    header_variables: { type: 'object' },
    body_variables: { type: 'object' },
    button_variables: { type: 'object' },
    header_media_uri: str,
    header_image_uri: str, // older docs' name for header_media_uri
  },
  text_response_message: { body: reqStr, preview_url: { type: 'boolean' } },
  text_image_response_message: { image_uri: reqStr, caption: str },
  quick_reply_response_message: {
    body: reqStr,
    header_image_uri: str,
    header_text: str,
    footer: str,
    buttons: { type: 'array', required: true, nonEmpty: true, items: { type: 'object', fields: { text: reqStr } } },
  },
  list_response_message: {
    header: str,
    body: reqStr,
    footer: str,
    list: {
      type: 'object',
      required: true,
      fields: {
        list_button_text: reqStr,
        list_sections: {
          type: 'array',
          required: true,
          items: {
            type: 'object',
            fields: {
              section_title: reqStr,
              list_rows: {
                type: 'array',
                required: true,
                items: { type: 'object', fields: { row_title: reqStr, row_description: str } },
              },
            },
          },
        },
      },
    },
  },
  flow_response_message: {
    header_text: str,
    body: reqStr,
    footer: str,
    flow_button: {
      type: 'object',
      required: true,
      fields: {
        caption: { type: 'string', required: true, nonEmpty: true, maxLength: 20 },
        flow_id: reqStr,
        generate_custom_attribute: { type: 'boolean' }, // placement is ambiguous in the docs: accept both
      },
    },
    generate_custom_attribute: { type: 'boolean' },
  },
};
const MESSAGE_TYPES = Object.keys(MESSAGE_FIELDS);
const MAX_LIST_ROWS = 10;

const fields = {
  app_id: reqStr,
  subscription_group_id: reqStr,
  message_variation_id: str,
  message_type: { type: 'string', required: true, enum: MESSAGE_TYPES },
  message: { type: 'object', required: true, skip: true }, // checked per message_type below
};

function check(obj, path, problems, ctx) {
  if (!checkFields(obj, path, fields, problems, ctx)) return;
  const mpath = `${path}.message`;
  if (!has(obj, 'message')) {
    problems.bad(`${mpath} is required`);
    return;
  }
  const msgFields = MESSAGE_FIELDS[obj.message_type];
  if (!isPlainObject(obj.message)) {
    problems.bad(`${mpath} must be an object`);
    return;
  }
  if (!msgFields) return; // message_type already reported
  checkFields(obj.message, mpath, msgFields, problems, ctx);
  const m = obj.message;

  if (obj.message_type === 'template_message') {
    // Only one header variable and one button variable (the CTA URL path) exist.
    if (isPlainObject(m.header_variables) && Object.keys(m.header_variables).length > 1) {
      problems.bad(`${mpath}.header_variables may hold at most 1 variable`);
    }
    if (isPlainObject(m.button_variables) && Object.keys(m.button_variables).length > 1) {
      problems.bad(`${mpath}.button_variables may hold at most 1 variable`);
    }
  }
  if (obj.message_type === 'quick_reply_response_message' && has(m, 'header_text') && has(m, 'header_image_uri')) {
    problems.bad(`${mpath}: use header_text or header_image_uri, not both`);
  }
  if (obj.message_type === 'list_response_message' && isPlainObject(m.list) && Array.isArray(m.list.list_sections)) {
    const sections = m.list.list_sections;
    if (sections.length === 0) problems.bad(`${mpath}.list.list_sections needs at least 1 section`);
    const rows = sections.reduce((n, s) => n + (isPlainObject(s) && Array.isArray(s.list_rows) ? s.list_rows.length : 0), 0);
    if (rows > MAX_LIST_ROWS) problems.bad(`${mpath}.list has ${rows} rows; at most ${MAX_LIST_ROWS} rows in total are allowed`);
  }
}

module.exports = { key: 'whats_app', fields, check, MESSAGE_TYPES };
