import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { setPath } from '../values/object';
import { bodyOf } from '../body/requestBody';
import { invalidInput } from '../validation/invalidInput';
import { entriesParameter } from './parameters';

interface PushButtonsOptions {
	channelName: string;
	parameterPath: string;
	bodyPath: string;
	/** Braze's allowed button actions for this channel. */
	actions: string[];
	/** Apple buttons are named by action_id (from a category); Android and web ones by text. */
	labelKey: 'text' | 'action_id';
	withWebview: boolean;
}

const ACTIONS: Record<string, { name: string; description: string }> = {
	OPEN_APP: { name: 'Open App', description: 'Opens the app (OPEN_APP)' },
	URI: { name: 'Open URI', description: "Opens the button's URI, a web URL (URI)" },
	DEEP_LINK: {
		name: 'Deep Link',
		description: "Opens the button's URI as a deep link into the app (DEEP_LINK)",
	},
	CLOSE: { name: 'Close', description: 'Dismisses the notification (CLOSE)' },
};

/** Action buttons of a push notification, sent as Braze's array of button objects. */
export function pushButtonsField(options: PushButtonsOptions): INodeProperties {
	const labelField: INodeProperties =
		options.labelKey === 'text'
			? {
					displayName: 'Text',
					name: 'text',
					type: 'string',
					default: '',
					description: 'The button label',
				}
			: {
					displayName: 'Action ID',
					name: 'actionId',
					type: 'string',
					default: '',
					description:
						'The button of the category, e.g. ab_pb_accept for the Accept button of ab_cat_accept_decline',
				};
	const values: INodeProperties[] = [
		labelField,
		{
			displayName: 'Action',
			name: 'action',
			type: 'options',
			default: 'OPEN_APP',
			description: 'What a tap on the button does',
			options: options.actions.map((value) => ({ ...ACTIONS[value], value })),
		},
		{
			displayName: 'URI',
			name: 'uri',
			type: 'string',
			default: '',
			description: 'The web URL or deep link to open (for the URI and Deep Link actions)',
		},
	];
	if (options.withWebview) {
		values.push({
			displayName: 'Use Webview',
			name: 'useWebview',
			type: 'boolean',
			default: true,
			description: 'Whether a web URL opens inside the app rather than in the browser',
		});
	}
	return {
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button',
		default: {},
		description: 'Action buttons shown with the notification',
		options: [{ displayName: 'Button', name: 'button', values }],
		routing: {
			send: {
				preSend: [
					async function sendPushButtons(
						this: IExecuteSingleFunctions,
						requestOptions: IHttpRequestOptions,
					): Promise<IHttpRequestOptions> {
						const entries = entriesParameter(this, `${options.parameterPath}.button`);
						const buttons = entries.map((entry, index) => {
							const label = String(
								(options.labelKey === 'text' ? entry.text : entry.actionId) ?? '',
							).trim();
							if (!label) {
								throw invalidInput(
									this,
									`${options.channelName} › Button ${index + 1} has no ${options.labelKey === 'text' ? 'Text' : 'Action ID'}`,
									'Fill it in, or remove the button.',
								);
							}
							const action = String(entry.action ?? options.actions[0]);
							const uri = String(entry.uri ?? '').trim();
							if ((action === 'URI' || action === 'DEEP_LINK') && !uri) {
								throw invalidInput(
									this,
									`${options.channelName} › Button ${index + 1} opens a URI but has none`,
									"Fill in the button's URI, or choose another action.",
								);
							}
							const button: IDataObject = { [options.labelKey]: label, action };
							if (uri) button.uri = uri;
							if (options.withWebview && entry.useWebview !== undefined)
								button.use_webview = entry.useWebview;
							return button;
						});
						if (buttons.length) setPath(bodyOf(requestOptions), options.bodyPath, buttons);
						return requestOptions;
					},
				],
			},
		},
	};
}
