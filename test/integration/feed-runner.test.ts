/**
 * The feed runner on real parts — a fault server on 127.0.0.1 and the suite's Redis: backoff that
 * honours Retry-After, recovery, feeds that need attention, permanent moves, credentials on redirects.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Backends, connectBackends, createRuntime, type Runtime } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { writeTempConfig } from '../config/temp-config.js';
import { captureLogs } from '../helpers/log-capture.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const PTI = readFileSync('fixtures/feeds/pti/world.rss.xml', 'utf8');
const URL = redisUrlForDb(6);

type Reply = { status: number; headers?: Record<string, string>; body?: string };
let replies: Reply[] = [];
const seenHeaders: IncomingHttpHeaders[] = [];
let server: Server;
let other: Server;
let base = '';
let otherBase = '';

async function listen(s: Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const address = s.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seenHeaders.push(req.headers);
    const reply = replies.shift() ?? { status: 200, body: PTI };
    res.writeHead(reply.status, reply.headers ?? {}).end(reply.body ?? '');
  });
  other = createServer((req, res) => {
    seenHeaders.push(req.headers);
    res.writeHead(200).end(PTI);
  });
  base = await listen(server);
  otherBase = await listen(other);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => other.close(resolve));
});

describe('FeedRunner', () => {
  let backends: Backends;
  let runtime: Runtime;
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(async () => {
    await flushDb(URL);
    replies = [];
    seenHeaders.length = 0;
    logs = captureLogs();
    const file = writeTempConfig(
      [
        'publisher: { name: Mid-day }',
        `redis: { url: "${URL}" }`,
        'backoff: { max: 1h }',
        'feeds:',
        `  - { id: pti, url: "${base}/feed", agency: PTI, interval: 1m, maxAge: 0s, idleAlert: 1h, allowPrivateHosts: [127.0.0.1], auth: { type: bearer, tokenEnv: PTI_TOKEN } }`,
      ].join('\n'),
    );
    const config = loadConfig({ file, env: { PTI_TOKEN: 'tok-123-secret' } });
    backends = await connectBackends(config);
    runtime = createRuntime(config, logs.logger, backends);
  });

  afterEach(async () => {
    await runtime.close();
    await backends.close();
  });

  it('backs off after a failure for at least Retry-After, skipping scheduled polls until then', async () => {
    replies = [{ status: 503, headers: { 'retry-after': '120' } }];
    const failed = await runtime.runner.run('pti');
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'HTTP_5XX' });
    const line = logs.events('feed.failed')[0];
    expect(line).toMatchObject({
      error_code: 'HTTP_5XX',
      retryable: true,
      http_status: 503,
      consecutive_failures: 1,
    });
    expect(Date.parse(String(line?.next_poll_at)) - Date.now()).toBeGreaterThan(110_000);
    expect(await runtime.runner.run('pti')).toBeNull();
    expect(seenHeaders).toHaveLength(1);
    expect((await runtime.health.get('pti')).failures).toBe(1);
  });

  it('logs feed.recovered when a failing feed succeeds again, and resets the streak', async () => {
    replies = [{ status: 500 }];
    await runtime.runner.run('pti');
    const recovered = await runtime.runner.run('pti', { force: true });
    expect(recovered).toMatchObject({ status: 'ok', counts: { new: 3 } });
    expect(logs.events('feed.recovered')).toEqual([
      expect.objectContaining({ feed_id: 'pti', after_failures: 1 }),
    ]);
    expect(await runtime.health.get('pti')).toMatchObject({ failures: 0, nextPollAfter: 0 });
    expect(await runtime.health.queuedLastDay('pti', Date.now())).toBe(3);
  });

  it('raises feed.needs_attention once for a feed that answers 401, and slows it to the ceiling', async () => {
    replies = [{ status: 401 }, { status: 401 }];
    await runtime.runner.run('pti');
    await runtime.runner.run('pti', { force: true });
    expect(logs.events('feed.needs_attention')).toEqual([
      expect.objectContaining({ feed_id: 'pti', error_code: 'HTTP_4XX', http_status: 401 }),
    ]);
    const next = (await runtime.health.get('pti')).nextPollAfter;
    expect(next - Date.now()).toBeGreaterThan(55 * 60_000);
  });

  it('logs a permanent redirect as feed.moved and still reads the feed', async () => {
    replies = [{ status: 301, headers: { location: '/new-home' } }];
    const result = await runtime.runner.run('pti');
    expect(result).toMatchObject({ status: 'ok', movedTo: `${base}/new-home` });
    expect(logs.events('feed.moved')).toEqual([expect.objectContaining({ to: `${base}/new-home` })]);
  });

  it('sends credentials to the feed host but never across a redirect to another origin', async () => {
    replies = [{ status: 302, headers: { location: `${otherBase}/elsewhere` } }];
    expect(await runtime.runner.run('pti')).toMatchObject({ status: 'ok' });
    expect(seenHeaders.map((h) => h.authorization ?? null)).toEqual(['Bearer tok-123-secret', null]);
  });

  it('logs feed.idle once when a feed has produced nothing new for longer than its idleAlert', async () => {
    await runtime.runner.run('pti');
    expect(logs.events('feed.idle')).toEqual([]);
    const state = await runtime.health.get('pti');
    await runtime.health.put('pti', { ...state, lastNewAt: Date.now() - 2 * 3600_000 });
    await runtime.runner.run('pti', { force: true });
    await runtime.runner.run('pti', { force: true });
    expect(logs.events('feed.idle')).toEqual([
      expect.objectContaining({ feed_id: 'pti', idle_alert_ms: 3600_000 }),
    ]);
  });

  it('never writes the feed secret into a log line', async () => {
    replies = [{ status: 401 }];
    await runtime.runner.run('pti');
    await runtime.runner.run('pti', { force: true });
    expect(logs.raw.join('\n')).not.toContain('tok-123-secret');
  });
});
