// How much one request may hold. Braze documents its postback as one event, nested two levels
// deep (the event and its metadata object), with text fields only
// (https://www.braze.com/docs/user_guide/message_building_by_channel/email/transactional_message_api_campaign/tracking_transactional_emails).
// The node accepts more than that, within these bounds, so that nothing it emits makes the next
// node fail and one request cannot start a huge execution.

/**
 * Events in one request. Braze documents one (and no batching); a list, which the node accepts
 * for senders that batch, starts one execution with one item per event, so it is capped here.
 */
export const MAX_EVENTS_PER_REQUEST = 100;

/**
 * Levels of objects and lists in one event: Braze's has 2 (the event, its metadata). The rest
 * leaves room for nested fields Braze may add, far below the depth at which n8n's own steps fail.
 */
export const MAX_EVENT_DEPTH = 10;
