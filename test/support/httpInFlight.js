'use strict';
// Counts this process's outgoing HTTP requests that have not finished yet, through Node's own
// diagnostics channel, so that virtual time (test/helpers/virtualTime.ts) moves on only once
// every request already on its way has had its answer.
const diagnostics = require('node:diagnostics_channel');

let inFlight = 0;
let started = 0;
let idle = [];

function onRequestStart({ request }) {
  inFlight += 1;
  started += 1;
  request.once('close', () => {
    inFlight -= 1;
    if (inFlight > 0) return;
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
  });
}

function startCounting() {
  diagnostics.subscribe('http.client.request.start', onRequestStart);
}

function stopCounting() {
  diagnostics.unsubscribe('http.client.request.start', onRequestStart);
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Resolves once no request is open and none has started for two turns of the event loop: the
 * code an answer woke (the next request of a chunked send, a gate letting the next item go) has
 * had its turn.
 */
async function networkQuiet() {
  for (let quietTurns = 0; quietTurns < 2; ) {
    if (inFlight > 0) await new Promise((resolve) => idle.push(resolve));
    const before = started;
    await turn();
    quietTurns = inFlight === 0 && started === before ? quietTurns + 1 : 0;
  }
}

module.exports = { startCounting, stopCounting, networkQuiet };
