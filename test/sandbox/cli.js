#!/usr/bin/env node
'use strict';
// node test/sandbox/cli.js [--port 8787] [--host 127.0.0.1] [--postback-url URL]
// Runs the stand-in until SIGINT/SIGTERM. Logs one line per request, never a key.
const { startBrazeStandIn } = require('./index');

// A bare `node --test` runs every .js file under test/ as a test; don't start a server then.
if (process.env.NODE_TEST_CONTEXT && require.main === module) process.exit(0);

function parseArgs(argv) {
  const args = { port: undefined, host: '127.0.0.1', postbackUrl: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline !== undefined ? inline : argv[++i];
    if (flag === '--port') args.port = Number(value);
    else if (flag === '--host') args.host = value;
    else if (flag === '--postback-url') args.postbackUrl = value;
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: node test/sandbox/cli.js [--port 8787] [--host 127.0.0.1] [--postback-url URL]   (--port 0 = random)');
      console.log('  --postback-url: where transactional email events are POSTed, like Braze\'s Transactional Event Status Postback');
      process.exit(0);
    } else {
      console.error(`Unknown option ${argv[i]}`);
      process.exit(2);
    }
    if (flag === '--port' && !(Number.isInteger(args.port) && args.port >= 0 && args.port < 65536)) {
      console.error(`--port must be 0..65535, got ${value}`);
      process.exit(2);
    }
  }
  return args;
}

const logLine = (r) =>
  `${new Date().toISOString()} ${r.method} ${r.path} -> ${r.status === null ? 'dropped' : r.status}` +
  (r.fault ? ` [fault: ${r.fault}]` : '') +
  // A 401 body quotes the start of the key it refused, so the log names only the status.
  (r.status === 401 ? ' Unauthorized' : r.response && r.response.message && r.status >= 300 ? ` ${r.response.message}` : '') +
  (r.response && r.response.dispatch_id ? ` dispatch_id=${r.response.dispatch_id}` : '');

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const onRequest = (r) => console.log(logLine(r));
  let standIn;
  try {
    standIn = await startBrazeStandIn({ port: args.port ?? 8787, host: args.host, onRequest });
  } catch (err) {
    // The default port is only a preference; an explicit --port must be honoured or fail.
    if (err.code !== 'EADDRINUSE' || args.port !== undefined) throw err;
    standIn = await startBrazeStandIn({ port: 0, host: args.host, onRequest });
  }
  console.log(`Braze stand-in listening on ${standIn.url} (API key: local-dev-key)`);
  if (args.postbackUrl) {
    standIn.setPostbackUrl(args.postbackUrl);
    // The URL carries the trigger's secret: say where, not what.
    console.log(`Transactional email events go to ${new URL(args.postbackUrl).origin}`);
  }
  const stop = async () => {
    await standIn.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`Braze stand-in failed to start: ${err.message}`);
    process.exit(1);
  });
}

module.exports = { parseArgs };
