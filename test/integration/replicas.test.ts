/**
 * Scale-out on the real engine: three `wirefeed run` processes share one Redis and 50 feeds. No
 * two polls of a feed overlap, no feed waits longer than its interval plus the lock expiry, every
 * article is queued exactly once, and when one process is SIGKILLed the others carry its feeds.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_STATES } from '../../src/publish/queue-admin.js';
import { writeTempConfig } from '../config/temp-config.js';
import { startCli, waitForExit } from '../helpers/cli.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const URL = redisUrlForDb(8);
const FEEDS = 50;
const INTERVAL_MS = 2_000;
const LOCK_TTL_MS = 3_000;

interface Request {
  feed: number;
  start: number;
  end: number;
}

function feedXml(feed: number, request: number): string {
  const items = [1, 2]
    .map(
      (n) =>
        `<item><title>Feed ${feed} story ${n}</title><guid isPermaLink="false">F${feed}-S${n}</guid>` +
        `<pubDate>Tue, 06 Jun 2023 18:2${n}:00 +0530</pubDate><description>Story ${n} of feed ${feed}.</description></item>`,
    )
    .join('');
  // A fresh build number on every request, so every poll parses and deduplicates for real.
  return `<rss version="2.0"><channel><title>Feed ${feed}</title><lastBuildDate>${request}</lastBuildDate>${items}</channel></rss>`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('three replicas on one Redis', () => {
  const requests: Request[] = [];
  let server: Server;
  let processes: ChildProcess[] = [];
  let killedAt = 0;

  beforeAll(async () => {
    await flushDb(URL);
    let served = 0;
    server = createServer((req, res) => {
      const feed = Number(req.url?.split('/').pop());
      const record = { feed, start: Date.now(), end: 0 };
      const nth = requests.filter((r) => r.feed === feed).length;
      requests.push(record);
      // Every fifth feed answers every third poll slower than its interval: without the per-feed
      // lock the next scheduled poll of that feed would start while this one is still running.
      const delay = feed % 5 === 0 && nth % 3 === 1 ? INTERVAL_MS + 500 : 150;
      setTimeout(() => {
        served += 1;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(feed, served));
        record.end = Date.now();
      }, delay);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const config = writeTempConfig(
      [
        'publisher: { name: Mid-day }',
        `redis: { url: "${URL}" }`,
        `queue: { name: publish-replicas, pollQueue: poll-replicas, concurrency: 8, feedLockTtl: ${LOCK_TTL_MS}ms }`,
        'http: { port: 0 }',
        'log: { level: warn }',
        'feeds:',
        ...Array.from(
          { length: FEEDS },
          (_, i) =>
            `  - { id: f${i}, url: "http://127.0.0.1:${port}/feed/${i}", interval: ${INTERVAL_MS}ms, maxAge: 0s, allowPrivateHosts: [127.0.0.1] }`,
        ),
      ].join('\n'),
    );
    // log level warn: the ready line is service.started, which is info — so wait for readiness by polling instead.
    processes = await Promise.all(
      [0, 1, 2].map(
        async () =>
          (await startCli(['run', '--config', config], () => true, { env: { LOG_LEVEL: 'info' } })).child,
      ),
    );
    await sleep(8_000);
    processes[0]?.kill('SIGKILL');
    killedAt = Date.now();
    await sleep(LOCK_TTL_MS + 3 * INTERVAL_MS + 2_000);
    for (const child of processes.slice(1)) child.kill('SIGTERM');
    await Promise.all(processes.map(waitForExit));
  }, 90_000);

  afterAll(async () => {
    for (const child of processes) if (child.exitCode === null) child.kill('SIGKILL');
    await new Promise((resolve) => server?.close(resolve));
  });

  it('never polls one feed twice at the same time', () => {
    for (let feed = 0; feed < FEEDS; feed += 1) {
      const polls = requests.filter((r) => r.feed === feed && r.end > 0).sort((a, b) => a.start - b.start);
      for (let i = 1; i < polls.length; i += 1) {
        expect(polls[i]?.start, `feed ${feed}`).toBeGreaterThanOrEqual(polls[i - 1]?.end ?? 0);
      }
    }
  });

  it('polls every feed again within its interval plus the lock expiry, before and after the kill', () => {
    // A poll that finds the feed locked waits for the next tick of the feed's schedule, so the bound
    // is the lock expiry rounded up to a whole interval, plus the interval, plus slack for two cores
    // shared by three services, Redis and the test (measured: up to ~1.5 s around the SIGKILL).
    const bound = Math.ceil(LOCK_TTL_MS / INTERVAL_MS) * INTERVAL_MS + INTERVAL_MS + 3_000;
    for (let feed = 0; feed < FEEDS; feed += 1) {
      const starts = requests
        .filter((r) => r.feed === feed)
        .map((r) => r.start)
        .sort((a, b) => a - b);
      expect(starts.length, `feed ${feed}`).toBeGreaterThanOrEqual(4);
      for (let i = 1; i < starts.length; i += 1) {
        expect((starts[i] ?? 0) - (starts[i - 1] ?? 0), `feed ${feed}`).toBeLessThanOrEqual(bound);
      }
      expect(
        starts.some((s) => s > killedAt + LOCK_TTL_MS),
        `feed ${feed} after the kill`,
      ).toBe(true);
    }
  });

  it('queues every article exactly once, however often and wherever it was polled', async () => {
    const connection = new Redis(URL, { maxRetriesPerRequest: null });
    const queue = new Queue('publish-replicas', { connection });
    try {
      const jobs = await queue.getJobs([...JOB_STATES]);
      const ids = jobs.map((job) => job.id ?? '');
      expect(ids).toHaveLength(FEEDS * 2);
      expect(new Set(ids).size).toBe(FEEDS * 2);
      expect(ids.every((id) => id.endsWith('-v1'))).toBe(true);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });
});
