/**
 * A fault server on 127.0.0.1 answering every way agencies' servers misbehave. Each feed's poll
 * fails with its own code (or succeeds where it should), the runtime stays up, and the healthy
 * feed keeps being polled between the failures.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backends, connectBackends, createRuntime, type Runtime } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { writeTempConfig } from '../config/temp-config.js';
import { captureLogs } from '../helpers/log-capture.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const PTI = readFileSync('fixtures/feeds/pti/world.rss.xml', 'utf8');
const URL = redisUrlForDb(9);
const CHALLENGE =
  '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser before accessing the feed.</body></html>';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const ROUTES: Record<string, Handler> = {
  '/ok': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(PTI),
  '/etag': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
    res.writeHead(200, { etag: '"v1"' }).end(PTI);
  },
  '/rate-limited': (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end(),
  '/unavailable': (_req, res) =>
    res.writeHead(503, { 'retry-after': new Date(Date.now() + 300_000).toUTCString() }).end(),
  '/drip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const timer = setInterval(() => res.write(' '), 100);
    res.on('close', () => clearInterval(timer));
  },
  '/truncated': (_req, res) => {
    res.writeHead(200, { 'content-length': String(PTI.length) });
    res.write(PTI.slice(0, 200));
    res.socket?.end();
  },
  '/reset': (_req, res) => {
    res.writeHead(200);
    res.write(PTI.slice(0, 200));
    setTimeout(() => res.socket?.destroy(), 20);
  },
  '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
  '/to-private': (_req, res) => res.writeHead(302, { location: 'http://127.0.0.2:9/feed' }).end(),
  '/bomb': (_req, res) =>
    res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20))),
  '/challenge': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(CHALLENGE),
  '/wrong-type': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PTI),
  '/octets': (_req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(PTI),
};

const EXPECTED: Record<string, string> = {
  'rate-limited': 'RATE_LIMITED',
  unavailable: 'HTTP_5XX',
  drip: 'FETCH_TIMEOUT',
  truncated: 'FETCH_INCOMPLETE',
  reset: 'FETCH_INCOMPLETE',
  loop: 'TOO_MANY_REDIRECTS',
  'to-private': 'SSRF_BLOCKED',
  bomb: 'FEED_TOO_LARGE',
  challenge: 'NOT_A_FEED',
};

describe('polling a fault server', () => {
  let server: Server;
  let backends: Backends;
  let runtime: Runtime;
  const logs = captureLogs();

  beforeAll(async () => {
    await flushDb(URL);
    server = createServer((req, res) =>
      (ROUTES[req.url ?? ''] ?? ((_q, r) => r.writeHead(404).end()))(req, res),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const feeds = Object.keys(ROUTES).map(
      (path) =>
        `  - { id: ${path.slice(1)}, url: "${base}${path}", agency: PTI, maxAge: 0s, timeout: 1s, maxBytes: 1MB, allowPrivateHosts: [127.0.0.1] }`,
    );
    const file = writeTempConfig(
      ['publisher: { name: Mid-day }', `redis: { url: "${URL}" }`, 'feeds:', ...feeds].join('\n'),
    );
    const config = loadConfig({ file, env: {} });
    backends = await connectBackends(config);
    runtime = createRuntime(config, logs.logger, backends);
  });

  afterAll(async () => {
    await runtime?.close();
    await backends?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('classifies every failure with its own code, with the healthy feed polled in between', async () => {
    const codes: Record<string, string | null> = {};
    for (const feed of Object.keys(EXPECTED)) {
      codes[feed] = (await runtime.runner.run(feed, { force: true }))?.errorCode ?? null;
      expect((await runtime.runner.run('ok', { force: true }))?.status, `after ${feed}`).not.toBe('failed');
    }
    expect(codes).toEqual(EXPECTED);
    expect(logs.events('feed.failed').map((l) => [l.feed_id, l.error_code])).toEqual(
      Object.entries(EXPECTED),
    );
  });

  it('waits at least as long as Retry-After asks, in seconds or as an HTTP date', async () => {
    const rate = await runtime.health.get('rate-limited');
    const unavailable = await runtime.health.get('unavailable');
    expect(rate.nextPollAfter - Date.now()).toBeGreaterThan(100_000);
    expect(unavailable.nextPollAfter - Date.now()).toBeGreaterThan(280_000);
  });

  it('reads a real feed served with the wrong content type', async () => {
    expect(await runtime.runner.run('wrong-type')).toMatchObject({
      status: 'ok',
      counts: { seen: 3, rejected: 0 },
    });
    expect(await runtime.runner.run('octets')).toMatchObject({ status: 'ok' });
  });

  it('answers 304 with no parse after the first poll stored the ETag', async () => {
    expect(await runtime.runner.run('etag', { force: true })).toMatchObject({
      status: 'ok',
      httpStatus: 200,
    });
    expect(await runtime.runner.run('etag', { force: true })).toMatchObject({
      status: 'not_modified',
      httpStatus: 304,
    });
  });
});
