'use strict';
// Shim so that `node --test test/sandbox/` finds users.selftest.js (see standIn_test.js).
require('./users.selftest.js');
