import { androidPushChannel } from './androidPush';
import { applePushChannel } from './applePush';
import { contentCardChannel } from './contentCard';
import { emailChannel } from './email';
import { kindlePushChannel } from './kindlePush';
import type { BrazeChannel } from './types';
import { webhookChannel } from './webhook';
import { webPushChannel } from './webPush';
import { smsChannel } from './sms';
import { whatsAppChannel } from './whatsApp';

/** The nine messaging objects of /messages/send (https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_messages), in the order the form shows them. */
export const channels: BrazeChannel[] = [
	emailChannel,
	applePushChannel,
	androidPushChannel,
	kindlePushChannel,
	webPushChannel,
	contentCardChannel,
	webhookChannel,
	smsChannel,
	whatsAppChannel,
];
