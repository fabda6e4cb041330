'use strict';
// Shim so that `node --test test/sandbox/` finds scheduledBroadcasts.selftest.js (see standIn_test.js).
require('./scheduledBroadcasts.selftest.js');
