'use strict';
// HTTP plumbing: read the body, record the request, route it, apply auth, faults and rate limits
// in Braze's order, and count deliveries. Rules live in rules/, endpoints in routes/.
const http = require('node:http');
const https = require('node:https');
const { authorize } = require('./auth');
const { SERVER_ERROR_NAMES, isAcceptFault } = require('./faults');
const { deliverPostbacks } = require('./postback');
const { echoAnswer, withEcho } = require('./echo');
const { RateLimiter } = require('./rateLimit');

const MAX_BODY_BYTES = 4 * 1024 * 1024; // Braze: "most endpoints accept request bodies up to 4 MB"
const HEALTH_PATHS = new Set(['/', '/health']);

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c); // keep draining past the cap, but stop storing
    });
    req.on('end', () => resolve({ raw: Buffer.concat(chunks).toString('utf8'), size }));
    req.on('error', () => resolve({ raw: Buffer.concat(chunks).toString('utf8'), size, aborted: true }));
  });
}

/** `s` is the stand-in's shared state (see index.js). */
function createServer(s) {
  // A slow fault's delay: the caller's own sleep if given, else a real timer cleared on close.
  const sleep = s.sleep || ((ms) =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        s.timers.delete(t);
        resolve();
      }, ms);
      s.timers.add(t);
    }));

  const onRequest = (req, res) => {
    handle(req, res).catch((err) => {
      // A bug in a rule must not take the whole stand-in (and the test run) down with it.
      if (!res.headersSent && !req.socket.destroyed) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: 'Internal Server Error', errors: [`stand-in bug: ${err.message}`] }));
      }
    });
  };
  // https when given a key and certificate (a test of https-to-http redirects needs one).
  return s.tls ? https.createServer(s.tls, onRequest) : http.createServer(onRequest);

  async function handle(req, res) {
    const url = new URL(req.url, 'http://stand-in');
    if (req.method === 'GET' && HEALTH_PATHS.has(url.pathname)) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
      return;
    }
    const record = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      body: undefined,
      rawBody: '',
      status: undefined,
      response: undefined,
      receivedAt: Date.now(), // epoch ms on arrival (latency measurements)
    };
    s.requests.push(record); // pushed on arrival so the order is arrival order
    const { raw, size, aborted } = await readBody(req);
    record.rawBody = raw;
    const finish = () => s.onRequest && s.onRequest(record);
    const gone = () => req.socket.destroyed;

    if (aborted || gone()) {
      record.status = null;
      record.fault = 'clientClosed';
      return finish();
    }

    // A test's hold (holds.js): wait at the door until its condition over all arrivals is met.
    s.holds.check(s.requests);
    await s.holds.pass(url.pathname);

    const send = (status, body, headers = {}) => {
      record.status = status;
      record.response = body;
      if (gone()) return finish();
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
      finish();
    };
    const drop = () => {
      req.socket.destroy();
      finish();
    };

    // A route has a fixed path, or a pattern whose named groups become params (a path parameter),
    // and may give its own answer to a body that is not a JSON object (badFormat).
    const route = s.routes.find((r) => r.method === req.method && (r.path === url.pathname || (r.pattern && r.pattern.test(url.pathname))));
    const params = route && route.pattern ? url.pathname.match(route.pattern).groups || {} : {};
    if (!route) return send(404, { message: 'Not Found' }, s.rateLimiter.headers(s.now()));

    // 1. Auth (401/403). Faults and rate limits only ever see authorised requests.
    const denied = authorize(req.headers, s.apiKeys, route.permission);
    if (denied) return send(denied.status, denied.body, s.rateLimiter.headers(s.now()));

    // 2. Scripted faults.
    const fault = s.faults.take(url.pathname);
    if (fault && fault.type !== 'pass') record.fault = fault.type;
    if (fault && fault.type !== 'pass' && !isAcceptFault(fault)) {
      switch (fault.type) {
        case 'rateLimited': {
          const reset = Math.ceil((s.now() + (fault.resetInSeconds ?? 1) * 1000) / 1000);
          return send(429, { message: 'Rate Limited' }, {
            'X-RateLimit-Limit': s.rateLimiter.headers(s.now())['X-RateLimit-Limit'],
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': String(reset),
          });
        }
        case 'serverError': {
          const status = fault.status || 500;
          return send(status, { message: SERVER_ERROR_NAMES[status] }, s.rateLimiter.headers(s.now()));
        }
        case 'drop':
          record.status = null;
          return drop();
        case 'malformedJson': {
          // Labelled JSON but cut short, like a proxy truncating the answer.
          const text = '{"dispatch_id": "truncated", "message": "succ';
          record.status = 200;
          record.response = text;
          res.writeHead(200, { 'Content-Type': 'application/json', ...s.rateLimiter.headers(s.now()) });
          res.end(text);
          return finish();
        }
        case 'redirect': {
          // What a misconfigured URL or a hostile proxy might answer; Braze itself never does.
          record.status = fault.status;
          record.response = '';
          res.writeHead(fault.status, fault.location === undefined ? {} : { Location: fault.location });
          res.end();
          return finish();
        }
        case 'notBraze': {
          // A captive portal or login page answering in Braze's place.
          const text = fault.body ?? '<html><body>Please sign in</body></html>';
          record.status = fault.status ?? 200;
          record.response = text;
          res.writeHead(record.status, { 'Content-Type': fault.contentType ?? 'text/html' });
          res.end(text);
          return finish();
        }
        case 'echoHeaders': {
          // With a status: a gateway's error answer that echoes the request's headers, key included.
          // Without one: Braze answers, and the gateway adds the echo to its answer (below).
          if (fault.status === undefined) break;
          const echo = echoAnswer(fault.status, req.headers);
          return send(echo.status, echo.body, { ...s.rateLimiter.headers(s.now()), ...echo.headers });
        }
        case 'slow':
          // Braze has not acted yet: if the client gives up meanwhile, nothing is sent.
          await sleep(fault.delayMs, req);
          if (gone()) {
            record.status = null;
            record.clientGone = true;
            return finish();
          }
          break;
        default:
          break;
      }
    }

    // 3. Rate limit; the headers go on every answer from here on. An endpoint with its own limit
    // (route.rateLimit) counts in its own bucket instead of the shared one.
    const now = s.now();
    const limiter = route.rateLimit ? ownLimiterOf(s, route) : s.rateLimiter;
    const allowed = limiter.take(now);
    const limitHeaders = limiter.headers(now);
    let result;
    if (!allowed) {
      result = { status: 429, body: { message: 'Rate Limited' } };
    } else if (route.noBody) {
      result = route.handle({ body: undefined, query: record.query, params, ctx: { strict: s.strict, now, search: url.searchParams }, state: s.data }); // search: every value of a repeated key (phone_numbers[]=…)
    } else if (size > MAX_BODY_BYTES) {
      // 4. Body: size, then JSON.
      result = { status: 413, body: { message: 'Request Entity Too Large', errors: [`Request body is ${size} bytes; the maximum is ${MAX_BODY_BYTES}`] } };
    } else {
      let body;
      try {
        body = JSON.parse(raw);
      } catch (e) {
        result = { status: 400, body: route.badFormat || { message: 'Bad Request', errors: [`Request body is not valid JSON: ${e.message}`] } };
      }
      if (!result) {
        record.body = body;
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          result = { status: 400, body: route.badFormat || { message: 'Bad Request', errors: ['Request body must be a JSON object'] } };
        } else {
          // 5. Endpoint rules.
          result = route.handle({ body, query: record.query, params, ctx: { strict: s.strict, now }, state: s.data });
        }
      }
    }

    if (result.status >= 200 && result.status < 300) {
      for (const key of result.deliver || []) s.deliveries.set(key, (s.deliveries.get(key) || 0) + 1);
    }
    if (fault && fault.type === 'acceptThenDrop') {
      // Braze acted; the answer never arrives. record.status/response say what it would have been.
      record.status = result.status;
      record.response = result.body;
      return drop();
    }
    if (fault && fault.type === 'acceptThenSlow') {
      // Braze acted: the record says so at once (accepted() counts it), not once the answer leaves.
      record.status = result.status;
      record.response = result.body;
      await sleep(fault.delayMs, req);
    }
    if (fault && fault.type === 'echoHeaders') result = { ...result, body: withEcho(result.body, req.headers) };
    send(result.status, result.body, { ...limitHeaders, ...result.headers }); // a route may add its own (Link, an endpoint's own limit)
    // Braze posts a transactional email's events after it answered the send.
    if (result.postback && s.postbackUrl) {
      const delivery = deliverPostbacks(s.postbackUrl, result.postback, s.postbacks);
      s.pendingPostbacks.add(delivery);
      delivery.finally(() => s.pendingPostbacks.delete(delivery));
    }
  }
}

/** The bucket of an endpoint with its own limit, made from route.rateLimit on first use. */
function ownLimiterOf(s, route) {
  if (!s.ownLimits.has(route.path)) {
    const limiter = new RateLimiter();
    limiter.configure(route.rateLimit);
    s.ownLimits.set(route.path, limiter);
  }
  return s.ownLimits.get(route.path);
}

module.exports = { createServer, MAX_BODY_BYTES };
