import type { IDataObject } from 'n8n-workflow';

import { BAD_INPUTS } from './badInput.cases';
import { runBrazeNode } from '../../../helpers/engine';
import { standInCredentials, useStandIn } from '../../../helpers/standIn';

// Every bad input is refused before sending: no request reaches the stand-in, and the error
// message names the field as the form shows it.

const standIn = useStandIn();

// The count is in the test's title, so `npx jest test/Braze/helpers/validation/badInput.test.ts --verbose` shows it.
it(`covers ${BAD_INPUTS.length} distinct bad inputs (at least 100)`, () => {
	const names = new Set(BAD_INPUTS.map((input) => `${input.operation} › ${input.name}`));
	expect(names.size).toBe(BAD_INPUTS.length);
	expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(100);
});

describe.each([...new Set(BAD_INPUTS.map((input) => input.operation))])('%s', (operation) => {
	it.each(
		BAD_INPUTS.filter((input) => input.operation === operation).map((input) => [input.name, input]),
	)('refuses %s', async (_name, input) => {
		const result = await runBrazeNode({
			parameters: input.parameters as never,
			items: 'value' in input ? [{ v: input.value as IDataObject[string] }] : undefined,
			credentials: standInCredentials(standIn),
		});
		expect(standIn.requests).toHaveLength(0);
		expect(result.error?.message).toContain(input.field);
	});
});
