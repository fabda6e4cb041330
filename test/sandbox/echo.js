'use strict';
// What a debug gateway or a careless proxy in front of Braze might answer: the request's headers,
// API key included, copied into the answer in plain text, Base64 and URL-encoded. Braze itself
// never does this; the echoHeaders fault plays that stranger, so the node's redaction is tested.

const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');

/** The echo of a request's headers: a one-line summary, a list of texts, and the headers. */
function headerEcho(headers) {
  const authorization = String(headers.authorization || '');
  const key = authorization.replace(/^Bearer /, '');
  const dump = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  return {
    line: `request had authorization: ${authorization}`,
    texts: [
      `authorization: ${authorization}`,
      `key (base64): ${b64(key)}`,
      `authorization (base64): ${b64(authorization)}`,
      `basic (base64): ${b64(`:${key}`)}`,
      `headers (base64): ${b64(dump)}`,
      `key (url): ${encodeURIComponent(key)}`,
      `headers (url): ${encodeURIComponent(dump)}`,
    ],
    headers: { ...headers },
  };
}

/** An error answer that is all echo (echoHeaders with a status). */
function echoAnswer(status, headers) {
  const echo = headerEcho(headers);
  return {
    status,
    body: {
      message: `Gateway echo (${status}): ${echo.line}`,
      errors: echo.texts,
      request_headers: echo.headers,
    },
    headers: { 'X-Echo-Authorization': String(headers.authorization || '') },
  };
}

/** Braze's own answer with the echo added (echoHeaders without a status): `errors` and the headers. */
function withEcho(body, headers) {
  const echo = headerEcho(headers);
  const errors = Array.isArray(body.errors) ? body.errors : [];
  return { ...body, errors: [...errors, ...echo.texts], request_headers: echo.headers };
}

module.exports = { echoAnswer, withEcho };
