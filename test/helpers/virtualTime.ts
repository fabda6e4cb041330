import { waits } from '../../nodes/Braze/transport/request/rateLimit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const network = require('../support/httpInFlight') as {
	startCounting(): void;
	stopCounting(): void;
	networkQuiet(): Promise<void>;
};

type Hook = (ms: number) => Promise<void> | void;

interface Sleeper {
	end: number;
	wake(slept: boolean): void;
}

/** The node's clock and sleep as it ships them (real time). */
export const realWaits = { ...waits };

let clock = Date.now();
const recorded: number[] = [];
const hooks: Hook[] = [];
const sleepers: Sleeper[] = [];
let driving = false;

/**
 * A clock that moves only when the node waits. Each wait the node asks for (retry backoff,
 * rate-limit pacing) is recorded; once no request is on its way (on a real clock they take
 * milliseconds, against waits of a second or more), the clock jumps to the end of the earliest
 * wait and wakes it, as a real clock would, in order.
 */
export const virtualTime = {
	/** Every wait the node asked for in the current test, in ms, in order. */
	waits: recorded as readonly number[],
	now: (): number => clock,
	/** Runs `hook` during the node's next wait, before that wait ends (e.g. to bring Braze back). */
	duringNextWait(hook: Hook): void {
		hooks.push(hook);
	},
};

/**
 * Whether the node waited out a reset `seconds` away: Braze gives the reset in whole seconds
 * (rounded up, so up to a second later) and the node adds 50 ms, so the wait lies between
 * `seconds` and `seconds` + 1.1 s, wherever in its second the virtual clock started.
 */
export function waitedForReset(seconds: number): boolean {
	return recorded.some((ms) => ms >= seconds * 1000 && ms <= seconds * 1000 + 1100);
}

async function drive(): Promise<void> {
	if (driving) return;
	driving = true;
	try {
		while (sleepers.length) {
			await network.networkQuiet();
			if (!sleepers.length) break;
			const end = Math.min(...sleepers.map((sleeper) => sleeper.end));
			clock = Math.max(clock, end);
			for (const sleeper of sleepers.filter((candidate) => candidate.end === end)) {
				sleeper.wake(true);
			}
		}
	} finally {
		driving = false;
	}
}

async function virtualSleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
	const end = clock + ms;
	recorded.push(ms);
	await hooks.shift()?.(ms);
	if (signal?.aborted) return false;
	return await new Promise<boolean>((resolve) => {
		const onAbort = () => sleeper.wake(false);
		const sleeper: Sleeper = {
			end,
			wake(slept) {
				sleepers.splice(sleepers.indexOf(sleeper), 1);
				signal?.removeEventListener('abort', onAbort);
				resolve(slept);
			},
		};
		signal?.addEventListener('abort', onAbort, { once: true });
		sleepers.push(sleeper);
		void drive();
	});
}

/** Installed for every suite (jest.config.js): no test sits through the node's waits. */
export function useVirtualTime(): void {
	beforeAll(() => {
		network.startCounting();
		Object.assign(waits, { now: virtualTime.now, sleep: virtualSleep });
	});
	beforeEach(() => {
		recorded.length = 0;
		hooks.length = 0;
	});
	afterAll(() => {
		Object.assign(waits, realWaits);
		network.stopCounting();
	});
}
