/** `count` distinct user IDs: u0, u1, … */
export const users = (count: number, prefix = 'u') =>
	Array.from({ length: count }, (_, index) => `${prefix}${index}`);

/** A minimal valid email send; tests add the recipients. */
export const emailSend = {
	resource: 'message',
	operation: 'send',
	channels: ['email'],
	emailAppId: 'app-1',
	emailFrom: 'Acme <news@acme.com>',
	emailBody: '<p>Hi</p>',
};
