'use strict';
// Shim so that `node --test test/sandbox/` finds sending.selftest.js (see standIn_test.js).
require('./sending.selftest.js');
