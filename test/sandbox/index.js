'use strict';
// Public API of the Braze stand-in: a local HTTP server that answers like Braze's REST API, so
// tests and demos never need a Braze account. startBrazeStandIn(options) -> handle.
const { createServer, MAX_BODY_BYTES } = require('./server');
const { DEFAULT_API_KEYS, ALL_PERMISSIONS } = require('./auth');
const { RateLimiter } = require('./rateLimit');
const { Holds } = require('./holds');
const { FaultQueue, FAULT_TYPES } = require('./faults');
const routes = require('./routes');

/**
 * @param {object} [options]
 * @param {number} [options.port=0]          0 = a random free port
 * @param {string} [options.host='127.0.0.1']
 * @param {Record<string,string[]>} [options.apiKeys=DEFAULT_API_KEYS] key -> Braze permissions
 * @param {boolean} [options.strict=true]    reject fields the reference does not document
 * @param {(record) => void} [options.onRequest] called once each recorded request is answered (or dropped)
 * @param {{key: string, cert: string}} [options.tls] serve https with this key and certificate
 * @param {() => number} [options.now=Date.now] the clock of rate-limit windows, resets and date
 *   rules (tests pass the clock the node waits on, so that no one waits for real)
 * @param {(ms: number, req: import('node:http').IncomingMessage) => Promise<void>} [options.sleep]
 *   how a slow fault waits on a request (default: a real timer); a self-test passes one it releases
 */
async function startBrazeStandIn(options = {}) {
  const { port = 0, host = '127.0.0.1', apiKeys = DEFAULT_API_KEYS, strict = true, onRequest, tls, now = Date.now, sleep } = options;
  const s = {
    apiKeys,
    strict,
    onRequest,
    tls,
    now,
    sleep,
    routes,
    requests: [],
    deliveries: new Map(),
    faults: new FaultQueue(),
    holds: new Holds(), // requests held until a test's condition is met (holds.js)
    rateLimiter: new RateLimiter(),
    data: { schedules: new Map(), profiles: new Map(), subscriptions: new Map(), triggerSchedules: new Map(), externalSends: new Map(), transactionalEvents: [], liveActivities: new Map(), usersTrackCap: 'combined', seeded: new Map() }, // endpoint state
    ownLimits: new Map(), // path -> RateLimiter, for endpoints with their own limit (route.rateLimit)
    timers: new Set(),
    postbackUrl: null,
    postbacks: [],
    pendingPostbacks: new Set(),
  };
  const server = createServer(s);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `${tls ? 'https' : 'http'}://${urlHost}:${address.port}`,
    port: address.port,
    server,
    requests: s.requests,
    deliveries: s.deliveries,
    accepted: () => s.requests.filter((r) => r.status >= 200 && r.status < 300),
    /** Back to a clean slate: requests, deliveries, faults, schedules, rate limit (config too). */
    reset() {
      s.requests.length = 0; // same array object, so references held by tests stay live
      s.deliveries.clear();
      s.faults.clear();
      s.data.schedules.clear();
      s.data.profiles.clear();
      s.data.triggerSchedules.clear();
      s.data.externalSends.clear();
      s.data.transactionalEvents.length = 0;
      s.data.liveActivities.clear();
      s.data.subscriptions.clear();
      s.data.usersTrackCap = 'combined';
      s.data.seeded.clear();
      s.ownLimits.clear();
      s.postbacks.length = 0;
      s.rateLimiter.configure(null);
      s.holds.clear();
    },
    queueFaults: (...faults) => s.faults.push(...faults),
    pendingFaults: () => s.faults.pending,
    setRateLimit: (config) => s.rateLimiter.configure(config),
    /**
     * Hold requests to `path` until `ready(requests)` is true for everything received so far (or
     * `timeoutMs` passes), e.g. until two executions have both sent: they then meet at the stand-in.
     */
    hold: (path, ready, timeoutMs = 120000) => s.holds.add(path, ready, timeoutMs),
    /** Lets every held request through and drops the holds (reset() does it too). */
    releaseHolds: () => s.holds.clear(),
    /**
     * An endpoint with its own limit (route.rateLimit, e.g. 50,000/min for /campaigns/data_series)
     * counts in its own bucket, not the shared one: this sets that bucket (null: the route's own).
     */
    setOwnRateLimit: (path, config) => {
      const route = s.routes.find((r) => r.path === path && r.rateLimit);
      if (!route) throw new TypeError(`No route with its own rate limit at ${path}`);
      const limiter = new RateLimiter();
      limiter.configure(config || route.rateLimit);
      s.ownLimits.set(path, limiter);
    },
    /**
     * Extra records after a list's fixed catalogue (routes/catalogue.js), by the list's key
     * ('campaigns', 'canvases', 'segments'…), e.g. 250 campaigns to page through. Cleared by reset().
     */
    seedList: (key, records) => {
      s.data.seeded.set(key, [...(s.data.seeded.get(key) || []), ...records]);
    },
    /** Profiles created by /users/track and friends, keyed external:<id>, alias:<label>:<name>, email:<e>… */
    profiles: s.data.profiles,
    subscriptions: s.data.subscriptions,
    /** Scheduled campaign and Canvas triggers, by schedule_id. */
    triggerSchedules: s.data.triggerSchedules,
    /** The transactional email events a send would post back (dispatch_id, status, metadata). */
    transactionalEvents: s.data.transactionalEvents,
    /**
     * Where the stand-in POSTs transactional email events, as Braze does to the dashboard's
     * Transactional Event Status Postback URL (null: nowhere). Kept by reset(), like the keys.
     */
    setPostbackUrl: (url) => {
      s.postbackUrl = url;
    },
    /** The postbacks made so far: { dispatch_id, status, answer } (answer: HTTP status or error code). */
    postbacks: s.postbacks,
    /** Resolves once every postback started so far has been answered. */
    postbacksDone: () => Promise.all([...s.pendingPostbacks]),
    /** Live Activities started or updated, keyed "<app_id>|<activity_id>". */
    liveActivities: s.data.liveActivities,
    /** Which /users/track object cap applies: 'combined' (75 total, newest docs), 'perArray' (legacy 75 each) or 'mau' (50 total). */
    setUsersTrackCap: (cap) => {
      s.data.usersTrackCap = cap;
    },
    close() {
      for (const t of s.timers) clearTimeout(t);
      s.timers.clear();
      s.holds.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets would hold close() open
      });
    },
  };
}

module.exports = { startBrazeStandIn, DEFAULT_API_KEYS, ALL_PERMISSIONS, FAULT_TYPES, MAX_BODY_BYTES };
