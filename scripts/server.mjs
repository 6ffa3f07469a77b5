#!/usr/bin/env node
// The app's HTTP server: Next.js behind a thin Node server whose only job is to say who is on the
// other end of the TCP connection. Next itself fills `X-Forwarded-For` only when the client did
// not send one, so from inside the app a forged header and a real proxy look the same. Here the
// socket's peer address goes into an internal header (any value a client sent under that name is
// dropped first); lib/http/request.ts `clientIp()` combines it with X-Forwarded-For only as far as
// TRUST_PROXY says there are trusted proxies in front.
//
//   node scripts/server.mjs [--dev] [-p PORT] [-H HOST]     (npm start / npm run dev use this)
import { createServer } from 'node:http';

const PEER_HEADER = 'x-accountdesk-peer';

function option(names, fallback) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

const dev = process.argv.includes('--dev');
const port = Number(option(['-p', '--port'], process.env.PORT ?? '3000'));
const hostname = option(['-H', '--hostname'], process.env.HOSTNAME ?? '0.0.0.0');

if (!dev && !process.env.NEXTAUTH_SECRET) {
  console.error(
    '\nAccountdesk cannot start: NEXTAUTH_SECRET is not set.\n' +
      'It signs sessions, payment references and bot-check challenges. Set it to a long random value, e.g.\n' +
      '  NEXTAUTH_SECRET="$(openssl rand -hex 32)" npm start\n',
  );
  process.exit(1);
}

process.env.NODE_ENV = dev ? 'development' : 'production';
// Tells the app (instrumentation.ts) that requests arrive through this server, so the peer header
// can be trusted.
process.env.ACCOUNTDESK_SERVER = '1';

const { default: next } = await import('next');
const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  delete req.headers[PEER_HEADER];
  const peer = req.socket.remoteAddress ?? '';
  // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
  req.headers[PEER_HEADER] = peer.startsWith('::ffff:') && peer.includes('.') ? peer.slice(7) : peer;
  handle(req, res);
});
// Node closes an idle kept-alive connection after 5 s; a client that sends on it at that moment
// gets ECONNRESET (seen from the browser tests' request context and from proxies). Idle connections
// stay open longer than a load balancer's usual 60 s instead, and headers get a second more.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`> Accountdesk ${dev ? '(development) ' : ''}ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close();
    process.exit(0);
  });
}
