import * as n8nWorkflow from 'n8n-workflow';
import type { IHttpRequestOptions } from 'n8n-workflow';

type StatusErrors = IHttpRequestOptions['ignoreHttpStatusErrors'];

interface ExceptionList {
	ignore: true;
	except: number[];
}

function isExceptionList(value: unknown): value is ExceptionList {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as ExceptionList).ignore === true &&
		Array.isArray((value as ExceptionList).except)
	);
}

/**
 * Whether the running n8n's HTTP layer honours `ignoreHttpStatusErrors: { ignore: true, except }`
 * (statuses that still fail while the others are handed back). n8n added it in 2.9; n8n 1.x and
 * 2.0 to 2.8 read any object there as `true` and hand every status back, so the credential test,
 * which lets only Braze's 400 through, would pass for any key. n8n-workflow exposes nothing that
 * says which layer runs, so it is found out at run time, two ways:
 * - seen: the layer consulted a list this credential attached to a request (every Braze request
 *   that lets all statuses through carries an empty one, which changes nothing on any version);
 * - inferred: n8n-workflow's `sleep` takes an abort signal, which n8n added later (2.35).
 * The tests set both to model an n8n that has neither.
 */
export const statusExceptions = {
	seen: false,
	inferred: sleepTakesSignal(n8nWorkflow),
	honoured(): boolean {
		return this.seen || this.inferred;
	},
};

/** Whether n8n-workflow's `sleep` takes an abort signal (`sleep(ms, signal)`, n8n 2.35 on). */
export function sleepTakesSignal(workflow: { sleep: (...args: never[]) => unknown }): boolean {
	return workflow.sleep.length >= 2;
}

/** A copy of `statuses` that notes when the HTTP layer consults it. */
function watched(statuses: number[]): number[] {
	const copy = [...statuses];
	Object.defineProperty(copy, 'includes', {
		value: (status: number) => {
			statusExceptions.seen = true;
			return statuses.includes(status);
		},
	});
	return copy;
}

/**
 * The request's status handling, as this n8n can honour it. A list of statuses that still fail
 * goes out as it is where the layer is known to honour it; elsewhere it becomes plain error
 * handling (every status but a 2xx fails), so that the credential test's rules name each status
 * instead of every answer passing. `true` (every status handed back) gets an empty list, which
 * behaves the same on every version and shows whether the layer reads such lists.
 */
export function statusHandling(value: StatusErrors): StatusErrors {
	if (value === true) return { ignore: true, except: watched([]) };
	if (!isExceptionList(value)) return value;
	return statusExceptions.honoured() ? { ignore: true, except: watched(value.except) } : false;
}
