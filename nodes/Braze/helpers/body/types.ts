import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

// The bodies Braze receives, as the steps leave them (before the steps run, a routed value
// can still be text where a number belongs). Object types are `type` aliases, not interfaces,
// so that they fit n8n's IDataObject.

/** A user named by an alias (https://www.braze.com/docs/api/objects_filters/user_alias_object). */
export type UserAlias = { alias_name: string; alias_label: string };

/**
 * One user of a campaign or Canvas trigger, named by exactly one identifier, with their own
 * properties (https://www.braze.com/docs/api/objects_filters/recipient_object).
 */
export type RecipientObject = {
	external_user_id?: string;
	user_alias?: UserAlias;
	email?: string;
	braze_id?: string;
	prioritization?: string[];
	send_to_existing_only?: boolean;
	attributes?: IDataObject;
	trigger_properties?: IDataObject;
	context?: IDataObject;
};

/** The users one request names; a chunk of a long send names at most 50 of them. */
export type NamedUsers = {
	external_user_ids?: string[];
	user_aliases?: UserAlias[];
	recipients?: RecipientObject[];
};

/** `messages`: one messaging object per selected channel, keyed by Braze's name for it. */
export type Messages = { [channel: string]: IDataObject };

/** What a JSON field holds, pasted and parsed or given by an expression, before a step checks it. */
export type PastedJson = IDataObject[string];

/** A Connected Audience filter's value, as Braze takes it. */
export type AudienceValue = string | number | boolean;

/** How one Connected Audience filter compares, and with what. */
export type AudienceCondition = { comparison: string; value?: AudienceValue };

/** A custom attribute filter names its attribute; exists and does_not_exist take no value. */
export type CustomAttributeCondition = AudienceCondition & { custom_attribute_name: string };

/**
 * A Connected Audience (https://www.braze.com/docs/api/objects_filters/connected_audience):
 * an object with exactly one of these keys, a filter, or AND / OR over filters and groups.
 */
export type ConnectedAudience = {
	AND?: ConnectedAudience[];
	OR?: ConnectedAudience[];
	custom_attribute?: CustomAttributeCondition;
	push_subscription_status?: AudienceCondition;
	email_subscription_status?: AudienceCondition;
	last_used_app?: AudienceCondition;
};

/** `schedule` (https://www.braze.com/docs/api/objects_filters/schedule_object). */
export type Schedule = { time: string; in_local_time?: boolean; at_optimal_time?: boolean };

/**
 * The body of any operation, with every key Braze documents for them:
 * /messages/send and /messages/schedule/create, update and delete
 * (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_messages),
 * /campaigns/trigger/send and /canvas/trigger/send, and /sends/id/create.
 */
export interface BrazeBody extends IDataObject, NamedUsers {
	segment_id?: string;
	/** Built from the form, or as pasted; the audience rules check it before anything is sent. */
	audience?: ConnectedAudience | PastedJson;
	broadcast?: boolean;
	campaign_id?: string;
	canvas_id?: string;
	send_id?: string;
	override_frequency_capping?: boolean;
	recipient_subscription_state?: string;
	messages?: Messages;
	schedule?: Schedule;
	schedule_id?: string;
	trigger_properties?: IDataObject;
	context?: IDataObject;
	attachments?: Array<{ file_name: string; url: string }>;
}

/**
 * One named step of an operation's body preparation: it reads what it needs, completes or
 * checks its part of the body, and throws a NodeOperationError naming the field otherwise.
 * The executor runs an operation's steps in order once every field has routed its value.
 */
export type BodyStep = (context: IExecuteSingleFunctions, body: BrazeBody) => void;
