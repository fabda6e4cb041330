import type { IDataObject } from 'n8n-workflow';

import { sendOptionsProperty } from '../../../../nodes/Braze/shared/options';
import { describeRetryMatrix, OPERATIONS } from '../../../helpers/retryMatrix';

/**
 * User, Subscription Group and Send ID operations: no operation applies a change twice, whatever the
 * options. Each operation × each unclear answer (dropped after Braze accepted, a timeout after
 * Braze accepted, a 500) × each way of trying again (Retry Server Errors off or on, n8n's Retry
 * On Fail, n8n's Retry of the failed execution), counted where it lands: deliveries, events,
 * purchases, requests Braze accepted. Where applying twice comes out the same, the option sends
 * again, and the output says so. The matrix is test/helpers/retryMatrix.ts; the messages' half
 * is its own file, so that the two run side by side.
 */
const USERS = /^(User|Subscription Group|Send ID) ›/;

describeRetryMatrix(OPERATIONS.filter((operation) => USERS.test(operation.name)));

describe('Options › Retry Server Errors says which operations it affects', () => {
	const retryOption = (sendOptionsProperty.options as unknown as IDataObject[]).find(
		(option) => option.name === 'retryServerErrors',
	);
	const description = String(retryOption?.description);
	/** How the description names each operation the option sends again. */
	const named: Record<string, string> = {
		'Message › Update Schedule': 'Update and Delete Schedule',
		'Message › Delete Schedule': 'Update and Delete Schedule',
		'Campaign › Update Schedule': 'Update and Delete Schedule',
		'Campaign › Delete Schedule': 'Update and Delete Schedule',
		'Canvas › Update Schedule': 'Update and Delete Schedule',
		'Canvas › Delete Schedule': 'Update and Delete Schedule',
		'User › Create or Update (values set)': 'User › Create or Update (without Increment By',
		'User › Identify': 'Identify,',
		'User › Add Alias': 'Add Alias,',
		'User › Delete': 'Delete;',
		'Subscription Group › Set Status': 'Subscription Group › Set Status',
		'Send ID › Create (with a Send ID)': 'Send ID › Create with a Send ID',
	};

	it('names every operation it sends again, and only those', () => {
		const resent = OPERATIONS.filter((operation) => operation.rule === 'resend');
		expect(resent.map((operation) => operation.name).sort()).toEqual(Object.keys(named).sort());
		for (const words of Object.values(named)) expect(description).toContain(words);
	});

	it('says the others are never sent again, whatever it says', () => {
		expect(description).toMatch(
			/sends, triggers, new schedules, Live Activities, events and purchases are never sent again/,
		);
	});
});
