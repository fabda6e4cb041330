'use strict';
// A local port that refuses connections and that no one else can take meanwhile.
const net = require('node:net');

/**
 * Holds a port with an outgoing connection bound to it, rather than a closed listener: nothing
 * listens there (a connection is refused), yet the system gives the port to no other socket
 * until release(). A server may still listen on it (libuv binds with SO_REUSEADDR), which is how
 * a test brings Braze back on the same address.
 */
async function holdRefusingPort() {
  const accepted = new Set();
  const anchor = net.createServer((socket) => {
    accepted.add(socket);
    socket.on('error', () => {});
  });
  await new Promise((resolve) => anchor.listen(0, '127.0.0.1', resolve));
  const holder = net.connect({ host: '127.0.0.1', port: anchor.address().port, localAddress: '127.0.0.1' });
  await new Promise((resolve, reject) => holder.once('connect', resolve).once('error', reject));
  return {
    port: holder.localPort,
    async release() {
      holder.destroy();
      for (const socket of accepted) socket.destroy();
      await new Promise((resolve) => anchor.close(() => resolve()));
    },
  };
}

module.exports = { holdRefusingPort };
