'use strict';
// Braze posts each transactional email's events to the URL set in the dashboard (Settings ›
// Email Preferences › Transactional Event Status Postback), as JSON.
// https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_transactional_message
// The stand-in does the same once a postback URL is set: after answering a send, it POSTs the
// send's events there one by one, in order, and records what the receiver answered.
const http = require('http');
const https = require('https');

/** POSTs one event; resolves with the receiver's HTTP status (or the network error's code). */
function postEvent(url, event) {
  return new Promise((resolve) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const body = JSON.stringify(event);
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (target.username) {
      // A URL with user:password@ is sent as basic authentication, as an HTTP client does.
      const user = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
      headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
    }
    const req = client.request(target, { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', (error) => resolve(error.code || 'error'));
    req.end(body);
  });
}

/** Delivers the events in order (the next after the previous was answered); records each answer. */
async function deliverPostbacks(url, events, record) {
  for (const event of events) {
    const answer = await postEvent(url, event);
    record.push({ dispatch_id: event.dispatch_id, status: event.status, answer });
  }
}

module.exports = { deliverPostbacks };
