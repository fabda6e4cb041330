import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import type { RunOptions } from '../../helpers/engine';
import { API_KEY, standInCredentials } from '../../helpers/standIn';
import type { BrazeStandIn } from '../../helpers/standIn';

// What the Email and SMS suites share: the stand-in's hygiene lists (test/sandbox/rules/
// hygieneLists.js, kept in its seeded lists), records to seed them with, and a runner.

/** The stand-in's list keys (state.seeded). */
export const LIST_KEYS = {
	unsubscribes: 'email.unsubscribes',
	hardBounces: 'email.hardBounces',
	spam: 'email.spam',
	invalidPhones: 'sms.invalidPhoneNumbers',
} as const;

/** Adds records to one of the stand-in's lists (cleared by its reset() before each test). */
export function seed(standIn: BrazeStandIn, key: string, records: IDataObject[]): void {
	(standIn as unknown as { seedList(key: string, records: IDataObject[]): void }).seedList(
		key,
		records,
	);
}

/** Seeded records are this far apart: 1,100 of them fit in one month. */
const STEP_MS = 30 * 60 * 1000;

/** `count` unsubscribes, one every 30 minutes from `from` on: user-00001@example.com, … */
export function unsubscribeRecords(count: number, from: string, prefix = 'user'): IDataObject[] {
	const start = Date.parse(from);
	return Array.from({ length: count }, (_, i) => ({
		email: `${prefix}-${String(i + 1).padStart(5, '0')}@example.com`,
		unsubscribed_at: new Date(start + i * STEP_MS).toISOString().replace('.000Z', 'Z'),
	}));
}

/** Hard bounces, as Braze's Postman example writes the time: "2026-03-01 10:00:00 +0000". */
export function hardBounceRecords(count: number, from: string, prefix = 'bounce'): IDataObject[] {
	const start = Date.parse(from);
	return Array.from({ length: count }, (_, i) => {
		const iso = new Date(start + i * STEP_MS).toISOString();
		return {
			email: `${prefix}-${String(i + 1).padStart(5, '0')}@example.com`,
			hard_bounced_at: `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000`,
		};
	});
}

/** Invalid numbers +1415555xxxx, one every 30 minutes from `from` on, alternating the two reasons. */
export function invalidPhoneRecords(count: number, from: string): IDataObject[] {
	const start = Date.parse(from);
	return Array.from({ length: count }, (_, i) => ({
		phone: `+1415555${String(i).padStart(4, '0')}`,
		invalid_detected_at: new Date(start + i * STEP_MS).toISOString().replace('.000Z', 'Z'),
		reason: i % 2 === 0 ? 'provider_error' : 'deactivated',
	}));
}

/** Runs one operation of `resource` against the stand-in (errors to the error output by default). */
export async function runOperation(
	standIn: BrazeStandIn,
	resource: string,
	operation: string,
	parameters: IDataObject,
	extra: Partial<Omit<RunOptions, 'parameters' | 'credentials'>> = {},
) {
	return await runBrazeNode({
		parameters: { resource, operation, ...parameters } as never,
		credentials: standInCredentials(standIn),
		...extra,
	});
}

/** The requests' query strings, in order. */
export const queries = (standIn: BrazeStandIn) => standIn.requests.map((request) => request.query);

/** The API key appears nowhere in what the node gave back. */
export function expectNoKey(value: unknown): void {
	expect(JSON.stringify(value ?? null)).not.toContain(API_KEY);
}
