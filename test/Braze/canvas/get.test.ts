import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { expectPermissionNamed } from '../../helpers/limitedKey';
import { API_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

async function get(parameters: Record<string, unknown>, typeVersion = 2) {
	return await runBrazeNode({
		parameters: {
			resource: 'canvas',
			operation: 'get',
			canvasId: rl('cnv-onboard-0001'),
			...parameters,
		} as never,
		credentials: standInCredentials(standIn),
		typeVersion,
	});
}

describe('Canvas Journey › Get', () => {
	it('GET /canvas/details?canvas_id=…; Simplified: canvas_id and nine fields', async () => {
		const result = await get({});
		expect(result.error).toBeUndefined();
		expect(
			standIn.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', '/canvas/details', { canvas_id: 'cnv-onboard-0001' }]]);
		expect(result.output).toHaveLength(1);
		expect(Object.keys(result.output[0].json)).toEqual([
			'canvas_id',
			'name',
			'description',
			'channels',
			'tags',
			'enabled',
			'archived',
			'schedule_type',
			'first_entry',
			'last_entry',
		]);
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it("Raw: Braze's answer with canvas_id, steps and variants, no success envelope", async () => {
		const result = await get({ output: 'raw' }, 1);
		const answer = { ...standIn.requests[0].response };
		delete answer.message;
		expect(result.output.map((item) => item.json)).toEqual([
			{ canvas_id: 'cnv-onboard-0001', ...answer },
		]);
		expect((result.output[0].json.steps as IDataObject[]).map((step) => step.name)).toEqual([
			'Welcome email',
			'Reminder',
			'Last call',
		]);
	});

	it('Options › Post-Launch Draft Version', async () => {
		const result = await get({ output: 'raw', options: { postLaunchDraftVersion: true } });
		expect(standIn.requests[0].query).toEqual({
			canvas_id: 'cnv-onboard-0001',
			post_launch_draft_version: 'true',
		});
		expect(result.output[0].json.description).toBe('Onboarding Journey (draft changes)');
	});

	it('an ID that is not one is refused before any request', async () => {
		const result = await get({ canvasId: rl('cnv onboard', 'id') });
		expect(result.error?.message).toBe('Canvas ID "cnv onboard" is not a Braze API identifier');
		expect(standIn.requests).toHaveLength(0);
	});

	it("a Canvas Braze does not know: Braze's 400, not retried", async () => {
		const result = await get({ canvasId: rl('cnv-missing-0009', 'id') });
		expect(String(result.error?.message)).toMatch(/Invalid Canvas ID/);
		expect(standIn.requests).toHaveLength(1);
	});

	it('a server error is asked again', async () => {
		standIn.queueFaults({ type: 'serverError', status: 503 });
		const result = await get({});
		expect(standIn.requests.map((request) => request.status)).toEqual([503, 200]);
		expect(result.output).toHaveLength(1);
	});

	it('a timeout (Options › Timeout) is asked again', async () => {
		standIn.queueFaults({ type: 'slow', delayMs: 5000 });
		const result = await get({ options: { timeout: 0.5 } });
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(2);
		expect(result.output[0].json.canvas_id).toBe('cnv-onboard-0001');
	});

	it('403: names the canvas.details permission', async () => {
		await expectPermissionNamed('canvas.details', {
			resource: 'canvas',
			operation: 'get',
			canvasId: rl('cnv-onboard-0001'),
		});
	});
});
