import * as n8nWorkflow from 'n8n-workflow';
import type { IN8nHttpFullResponse } from 'n8n-workflow';

/**
 * What one Braze answer says about the rate limit: X-RateLimit-* and Retry-After
 * (https://www.braze.com/docs/api/api_limits).
 */
export interface RateLimitInfo {
	limit?: number;
	remaining?: number;
	/** X-RateLimit-Reset, as epoch ms. */
	resetAtMs?: number;
	/** Retry-After (seconds or an HTTP date), as epoch ms. */
	retryAtMs?: number;
}

/** Braze's hourly limits reset on the clock hour (https://www.braze.com/docs/api/api_limits). */
export function nextClockHour(now = waits.now()): Date {
	const hour = 3600 * 1000;
	return new Date((Math.floor(now / hour) + 1) * hour);
}

function header(response: IN8nHttpFullResponse, name: string): string | undefined {
	const headers = response.headers ?? {};
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (value === undefined || value === null) return undefined;
	return String(Array.isArray(value) ? value[0] : value);
}

function positiveNumber(text: string | undefined): number | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	const value = Number(text);
	return Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function readRateLimitInfo(
	response: IN8nHttpFullResponse,
	now = waits.now(),
): RateLimitInfo {
	const info: RateLimitInfo = {};
	const limit = positiveNumber(header(response, 'x-ratelimit-limit'));
	if (limit !== undefined && limit > 0) info.limit = limit;
	const remaining = positiveNumber(header(response, 'x-ratelimit-remaining'));
	if (remaining !== undefined) info.remaining = remaining;
	const reset = positiveNumber(header(response, 'x-ratelimit-reset'));
	if (reset !== undefined && reset > 0) info.resetAtMs = reset * 1000;
	const retryAfter = header(response, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = positiveNumber(retryAfter);
		const date = seconds === undefined ? Date.parse(retryAfter) : NaN;
		if (seconds !== undefined) info.retryAtMs = now + seconds * 1000;
		else if (Number.isFinite(date)) info.retryAtMs = date;
	}
	return info;
}

/** When a rate-limited request may be tried again, from the answer's headers. */
export function retryTime(info: RateLimitInfo): number | undefined {
	if (info.retryAtMs !== undefined && info.resetAtMs !== undefined) {
		return Math.max(info.retryAtMs, info.resetAtMs);
	}
	return info.retryAtMs ?? info.resetAtMs;
}

/**
 * The gate's answer: go ahead, or not: the reset is further away than the user lets the node
 * wait (`resetAt`), or the execution was cancelled while waiting.
 */
export type GateResult = { go: true } | { go: false; resetAt?: Date; cancelled?: boolean };

/** A sleep as n8n-workflow exports it: resolves after `ms`, maybe rejects once `signal` aborts. */
type N8nSleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * The sleeps an n8n-workflow exports; they differ between n8n versions. From n8n 2.35, `sleep(ms,
 * signal)` stops when the signal aborts and `sleepWithAbort` is gone. Before (n8n 1.x to 2.34),
 * `sleep(ms)` ignores a signal and `sleepWithAbort(ms, signal)` is the one that stops.
 */
export interface WorkflowSleeps {
	sleep: N8nSleep;
	sleepWithAbort?: N8nSleep;
}

/**
 * n8n's sleep, stopped by the execution's cancel signal (n8n's Stop); resolves false when
 * cancelled. Which sleep stops on the signal is read from what the running n8n-workflow exports
 * (`sleepWithAbort` where there is one), not from its version; and the wait also ends on the
 * signal itself, so that Stop ends it at once even on an n8n whose sleep ignores the signal.
 */
export function cancellableSleepWith(
	workflow: WorkflowSleeps,
): (ms: number, signal: AbortSignal | undefined) => Promise<boolean> {
	const pause = workflow.sleepWithAbort ?? workflow.sleep;
	return async (ms, signal) => {
		if (signal?.aborted) return false;
		let onAbort = () => {};
		const cancelled = new Promise<boolean>((resolve) => {
			onAbort = () => resolve(false);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
		try {
			return await Promise.race([
				pause(ms, signal).then(
					() => true,
					() => false,
				),
				cancelled,
			]);
		} finally {
			signal?.removeEventListener('abort', onAbort);
		}
	};
}

/** n8n's sleep of the running n8n, stopped by the execution's cancel signal; false when cancelled. */
export const cancellableSleep = cancellableSleepWith(n8nWorkflow as unknown as WorkflowSleeps);

/**
 * The clock and the pauses behind every wait the node decides on: retry backoff and rate-limit
 * pacing. The one seam tests replace (test/helpers/virtualTime.ts), so that they record the waits
 * instead of sitting through them; the node itself never changes it.
 */
export const waits = {
	now: (): number => Date.now(),
	sleep: cancellableSleep,
};

/** A little slack after the announced reset: Braze's clock and ours are not the same clock. */
const RESET_MARGIN_MS = 50;

/**
 * X-RateLimit-Reset is in whole seconds, so an announced reset can read up to a second later than
 * the window really ends: a wait that much past Max Wait still counts as within it. Without this, a
 * whole per-minute window (catalogs, /users/export/ids) read 60.x s and failed the default 60 s.
 */
const RESET_ROUNDING_MS = 1000;

/**
 * Paces every request one node run makes to one Braze instance. Routing starts all items at
 * once; the gate lets the first request go alone, learns the window from Braze's
 * X-RateLimit-* headers, then lets through only as many requests as the window has left and
 * holds the others until the announced reset. A 429 (someone else using the same key) closes
 * it until the reset Braze names.
 */
export class RateLimitGate {
	private limit: number | undefined;
	private budget = Infinity;
	private resetAt: number | undefined;
	private blockedUntil = 0;
	private inFlight = 0;
	private answered = false;
	private changed: Promise<void>;
	private notify!: () => void;

	constructor() {
		this.changed = this.nextChange();
	}

	private nextChange(): Promise<void> {
		return new Promise<void>((resolve) => {
			this.notify = resolve;
		});
	}

	private signalChange(): void {
		const notify = this.notify;
		this.changed = this.nextChange();
		notify();
	}

	/**
	 * Waits until a request may be sent, then counts it as sent. `maxWaitMs` bounds any single
	 * wait for a reset; a longer one is refused at once, before anything is sent.
	 */
	async acquire(maxWaitMs: number, signal: AbortSignal | undefined): Promise<GateResult> {
		for (;;) {
			if (signal?.aborted) return { go: false, cancelled: true };
			const now = waits.now();
			if (this.resetAt !== undefined && now >= this.resetAt) {
				// A new window: as many requests as Braze allows per window, if it said.
				this.resetAt = undefined;
				this.budget = this.limit ?? Infinity;
			}
			const waitUntil = Math.max(
				this.blockedUntil,
				this.budget <= 0 && this.resetAt !== undefined ? this.resetAt : 0,
			);
			if (waitUntil > now) {
				if (waitUntil - now > maxWaitMs + RESET_ROUNDING_MS) {
					return { go: false, resetAt: new Date(waitUntil) };
				}
				if (!(await waits.sleep(waitUntil - now + RESET_MARGIN_MS, signal))) {
					return { go: false, cancelled: true };
				}
				continue;
			}
			// Nothing known yet (the first request is out), or the window is used up and its end
			// is not known yet: wait for an answer, which will say.
			const mustWaitForAnswer = !this.answered || this.budget <= 0;
			if (mustWaitForAnswer && this.inFlight > 0) {
				await this.changed;
				continue;
			}
			this.budget -= 1;
			this.inFlight += 1;
			return { go: true };
		}
	}

	/** Call once per acquire(), with what the answer said (nothing for a network failure). */
	release(info: RateLimitInfo | undefined, status: number | undefined): void {
		this.inFlight -= 1;
		this.answered = true;
		if (info) this.observe(info, status);
		this.signalChange();
	}

	/** A proactive hold, for a 429 seen without reset headers: back off for this long. */
	holdUntil(epochMs: number): void {
		this.blockedUntil = Math.max(this.blockedUntil, epochMs);
	}

	private observe(info: RateLimitInfo, status: number | undefined): void {
		const now = waits.now();
		if (info.limit !== undefined) this.limit = info.limit;
		if (status === 429) {
			const retryAt = retryTime(info);
			if (retryAt !== undefined) this.holdUntil(retryAt);
		}
		const { remaining, resetAtMs } = info;
		// A window that has already ended (an answer overtaken by the reset) says nothing new.
		if (remaining === undefined || resetAtMs === undefined || resetAtMs <= now) return;
		if (this.resetAt === undefined || resetAtMs > this.resetAt) {
			this.resetAt = resetAtMs;
			this.budget = Math.min(this.budget, remaining);
		} else if (resetAtMs === this.resetAt) {
			this.budget = Math.min(this.budget, remaining);
		}
	}
}

/** One gate per execution and Braze instance. */
const gates = new WeakMap<object, Map<string, RateLimitGate>>();

/**
 * The gate shared by every request of this execution (its cancel signal) to one Braze
 * instance. Where n8n gives no signal (a declarative node run outside an execution), the gate is
 * shared by the items of this node run (they share their execute data).
 */
export function rateLimitGate(
	signal: AbortSignal | undefined,
	runScope: object | undefined,
	credentialId: string,
): RateLimitGate {
	const scope = signal ?? runScope;
	if (!scope) return new RateLimitGate();
	let byCredential = gates.get(scope);
	if (!byCredential) {
		byCredential = new Map();
		gates.set(scope, byCredential);
	}
	let gate = byCredential.get(credentialId);
	if (!gate) {
		gate = new RateLimitGate();
		byCredential.set(credentialId, gate);
	}
	return gate;
}
