'use strict';
// A throwaway self-signed certificate for 127.0.0.1, made with the system's openssl.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'braze-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
        '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs \`fn\` and collects the process's unhandled promise rejections meanwhile. */
async function collectUnhandledRejections(fn) {
  const seen = [];
  const listener = (reason) => seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    const result = await fn();
    await new Promise((resolve) => setImmediate(resolve));
    return { result, unhandled: seen };
  } finally {
    process.off('unhandledRejection', listener);
  }
}

module.exports = { selfSignedCertificate, collectUnhandledRejections };
