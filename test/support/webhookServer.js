'use strict';
// A real HTTP server in front of a webhook handler, reading requests the way n8n 2.41's webhook
// route does before it calls a node's webhook() (middlewares/body-parser.js, parseBody): the raw
// bytes on req.rawBody, req.contentType without parameters, JSON parsed for application/json (a
// body that does not parse is answered 422 and never reaches the node), text kept for text/plain,
// form fields for application/x-www-form-urlencoded, and nothing parsed for any other type. The
// query string becomes req.query. Plus a small client for the tests.
const http = require('node:http');
const querystring = require('node:querystring');

function readRaw(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses like n8n's parseBody; throws on a JSON body that does not parse (n8n answers 422). */
function parseBody(contentType, raw) {
  if (!raw.length) return undefined;
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  if (contentType === 'application/json') return JSON.parse(text);
  if (contentType === 'application/x-www-form-urlencoded') return querystring.parse(text);
  if (contentType === 'text/plain') return text;
  return undefined;
}

/** Starts the server on 127.0.0.1; `handler(req, res)` answers every request. */
async function startWebhookServer(handler) {
  const server = http.createServer(async (req, res) => {
    try {
      req.rawBody = await readRaw(req);
      req.contentType = (req.headers['content-type'] || '').split(';')[0].trim().toLowerCase() || undefined;
      const url = new URL(req.url, 'http://127.0.0.1');
      req.query = querystring.parse(url.search.slice(1));
      req.params = {};
      try {
        req.body = parseBody(req.contentType, req.rawBody);
      } catch (error) {
        res.writeHead(422, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ code: 422, message: 'Failed to parse request body', hint: error.message }));
        return;
      }
      await handler(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `test server: ${error.message}` }));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * POSTs `body` (an object is sent as JSON, a string as is) and resolves
 * { status, headers, text, json }. A URL with user:password@ is sent with HTTP basic
 * authentication, as Node's HTTP client (like many) does for a URL-only sender.
 */
function post(url, body, { contentType = 'application/json', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? Buffer.alloc(0) : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const req = http.request(
      new URL(url),
      {
        method: 'POST',
        headers: { ...(contentType ? { 'Content-Type': contentType } : {}), 'Content-Length': data.length, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let json;
          try {
            json = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

module.exports = { startWebhookServer, post };
