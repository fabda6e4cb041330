import type { INodePropertyOptions } from 'n8n-workflow';

import { BrazeTrigger } from '../../nodes/BrazeTrigger/BrazeTrigger.node';

describe('Braze Trigger description', () => {
	const { description } = new BrazeTrigger();

	it("follows n8n's trigger conventions: a name ending in Trigger, no input, not a tool", () => {
		expect(description.name).toBe('brazeTrigger');
		expect(description.displayName).toBe('Braze Trigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.icon).toEqual({ light: 'file:braze.svg', dark: 'file:braze.dark.svg' });
		expect(description.subtitle).toBeTruthy();
		expect(description.webhooks).toEqual([
			expect.objectContaining({ httpMethod: 'POST', responseMode: 'onReceived' }),
		]);
	});

	it('is protected unless the user picks None, which is named unsafe', () => {
		const authentication = description.properties.find((p) => p.name === 'authentication');
		expect(authentication?.default).toBe('urlToken');
		const none = (authentication?.options as INodePropertyOptions[]).find(
			(o) => o.value === 'none',
		);
		expect(none?.name).toBe('None (Unsafe)');
		expect(description.credentials?.[0]).toMatchObject({
			name: 'brazePostbackApi',
			required: true,
		});
	});

	it('starts on all five statuses by default', () => {
		const events = description.properties.find((p) => p.name === 'events');
		expect(events?.default).toEqual(['sent', 'processed', 'delivered', 'aborted', 'bounced']);
	});
});
