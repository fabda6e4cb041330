'use strict';
// Opaque ids in the spirit of Braze's dispatch ids.
const crypto = require('node:crypto');

const newId = () => crypto.randomBytes(12).toString('base64url');

module.exports = { newId };
