/**
 * The embedded redis-server under a running service: when it dies it comes back on the same port
 * with its data (AOF), and when it cannot be brought back the owner is told, once.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startService } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { type EmbeddedRedis, type EmbeddedRedisEvent, startEmbeddedRedis } from '../../src/redis/embedded.js';
import { captureLogs } from '../helpers/log-capture.js';

const started: EmbeddedRedis[] = [];
const clients: Redis[] = [];
const squatters: Server[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  for (const server of squatters.splice(0)) server.close();
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

async function start(restartDelaysMs?: number[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wirefeed-embedded-'));
  const events: EmbeddedRedisEvent[] = [];
  const server = await startEmbeddedRedis({
    dataDir,
    port: 0,
    onEvent: (e) => events.push(e),
    ...(restartDelaysMs ? { restartDelaysMs } : {}),
  });
  started.push(server);
  const pidFile = join(dataDir, 'redis-server.pid');
  const kill = () =>
    process.kill((JSON.parse(readFileSync(pidFile, 'utf8')) as { redis: number }).redis, 'SIGKILL');
  return { server, events, kill };
}

/** A config polling the PTI fixture every `interval` from the Redis at `url`. */
function serviceConfig(url: string, interval: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wirefeed-service-')), 'wirefeed.yaml');
  const feed = join(process.cwd(), 'fixtures/feeds/pti/world.rss.xml');
  writeFileSync(
    file,
    [
      'publisher: { name: Mid-day }',
      `redis: { url: "${url}" }`,
      'http: { port: 0 }',
      'feeds:',
      `  - { id: pti, url: "${feed}", agency: PTI, interval: ${interval}, maxAge: 0s }`,
    ].join('\n'),
  );
  return file;
}

/** Listens on the port as soon as the killed server has let go of it. */
async function squat(port: number): Promise<Server> {
  for (;;) {
    const server = createServer();
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (listening) return server;
    await sleep(5);
  }
}

describe('embedded redis-server supervision', () => {
  it('restarts a redis-server that was killed, on the same port and with its data', async () => {
    const { server, events, kill } = await start();
    const client = new Redis(server.url, { maxRetriesPerRequest: null });
    clients.push(client);
    await client.set('wirefeed:test:kept', 'yes');

    kill();
    await expect.poll(() => events.map((e) => e.kind), { timeout: 10_000 }).toEqual(['exited', 'restarted']);
    expect(events[0]).toMatchObject({ kind: 'exited', signal: 'SIGKILL' });
    expect(await client.get('wirefeed:test:kept')).toBe('yes');
  });

  it('gives up, and says so once, when the server cannot be started again', async () => {
    const { server, events, kill } = await start([300, 10]);
    kill();
    // Someone else takes the port while the restart waits: every attempt fails to bind.
    squatters.push(await squat(server.port));

    await expect.poll(() => events.map((e) => e.kind), { timeout: 10_000 }).toEqual(['exited', 'gave_up']);
    expect(events[1]).toMatchObject({ kind: 'gave_up', error: expect.any(Error) });
  });

  it('logs a Redis outage under a running service once, not once per reconnect attempt', async () => {
    const { server, kill } = await start([1_500]);
    const file = serviceConfig(server.url, '1h');
    const logs = captureLogs();
    let polled: () => void = () => {};
    const firstPoll = new Promise<void>((resolve) => {
      polled = resolve;
    });
    const service = await startService(loadConfig({ file, env: {} }), logs.logger, {
      onPoll: () => polled(),
    });
    const stderr = vi.spyOn(console, 'error');
    try {
      await firstPoll;
      kill();
      await expect.poll(() => logs.events('redis.reconnected').length, { timeout: 15_000 }).toBe(1);
      expect(logs.events('redis.reconnecting')).toHaveLength(1);
      const errors = logs.lines.filter((l) =>
        ['redis.error', 'queue.error', 'worker.error'].includes(String(l.event)),
      );
      // Which connection notices first is a race; what matters is that only one of them says so.
      expect(errors.length).toBeLessThanOrEqual(1);
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
      await service.stop();
    }
  }, 30_000);

  it('puts back the feed schedules a Redis lost with its data, and polls again', async () => {
    const { server, kill } = await start([0]);
    const file = serviceConfig(server.url, '1s');
    const logs = captureLogs();
    let polls = 0;
    const service = await startService(loadConfig({ file, env: {} }), logs.logger, {
      onPoll: () => void polls++,
    });
    const client = new Redis(server.url, { maxRetriesPerRequest: null });
    clients.push(client);
    try {
      await expect.poll(() => polls, { timeout: 10_000 }).toBeGreaterThan(0);
      // Everything gone, schedules included, and the connection dropped: as after a restart without data.
      await client.flushall();
      kill();
      await expect
        .poll(() => logs.events('scheduler.restored'), { timeout: 15_000 })
        .toEqual([expect.objectContaining({ feeds: ['pti'] })]);
      const before = polls;
      await expect.poll(() => polls, { timeout: 10_000 }).toBeGreaterThan(before);
    } finally {
      await service.stop();
    }
  }, 40_000);

  it('warns in the log when Redis may evict keys', async () => {
    const { server } = await start();
    const client = new Redis(server.url, { maxRetriesPerRequest: null });
    clients.push(client);
    await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
    const logs = captureLogs();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const service = await startService(
      loadConfig({ file: serviceConfig(server.url, '1h'), env: {} }),
      logs.logger,
    );
    try {
      expect(logs.events('redis.eviction_policy')).toEqual([
        expect.objectContaining({ policy: 'allkeys-lru' }),
      ]);
    } finally {
      warn.mockRestore();
      await service.stop();
    }
  });
});
