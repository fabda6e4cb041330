'use strict';
// Node 20's `node --test <dir>` only picks files named *.test.js, *-test.js, *_test.js or test-*.js,
// and standIn.selftest.js is named so that jest (test/*.test.ts) never picks it up. This shim
// lets `node --test test/sandbox/` find it.
require('./standIn.selftest.js');
