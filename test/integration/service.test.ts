/**
 * The whole service on real parts: fixture feeds served over HTTP on 127.0.0.1, polled by the BullMQ
 * job schedulers and poll worker, deduplicated and queued in a real Redis.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Service, startService } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { PollResult, PublishJob } from '../../src/model/index.js';
import { type FeedServer, startFeedServer } from '../helpers/feed-server.js';
import { captureLogs } from '../helpers/log-capture.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const PTI = readFileSync('fixtures/feeds/pti/world.rss.xml', 'utf8');
const REDIS_URL = redisUrlForDb(1);

/** The same items with a fresh lastBuildDate on every request, as real feeds do. */
let builds = 0;
function ptiWithBuildDate(): string {
  builds += 1;
  const built = new Date(Date.UTC(2023, 5, 6, 13, builds)).toUTCString();
  return PTI.replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, `<lastBuildDate>${built}</lastBuildDate>`);
}

describe('wirefeed run against a real HTTP server and Redis', () => {
  let server: FeedServer;
  let service: Service;
  let queue: Queue<PublishJob>;
  let connection: Redis;
  const polls: PollResult[] = [];
  const logs = captureLogs();

  beforeAll(async () => {
    await flushDb(REDIS_URL);
    server = await startFeedServer();
    server.set('/pti/world.xml', ptiWithBuildDate);
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-it-'));
    const file = join(dir, 'wirefeed.yaml');
    writeFileSync(
      file,
      [
        'publisher: { name: Mid-day }',
        `redis: { url: "${REDIS_URL}" }`,
        'queue: { name: publish-it, pollQueue: poll-it }',
        'http: { port: 0 }',
        'feeds:',
        `  - { id: pti-world, url: "${server.url('/pti/world.xml')}", agency: PTI, interval: 1h, timezone: Asia/Kolkata, allowPrivateHosts: [127.0.0.1] }`,
      ].join('\n'),
    );
    const config = loadConfig({ file, env: {} });
    let firstPollDone: () => void = () => {};
    const firstPoll = new Promise<void>((resolve) => {
      firstPollDone = resolve;
    });
    service = await startService(config, logs.logger, {
      onPoll: (result) => {
        polls.push(result);
        firstPollDone();
      },
    });
    await firstPoll;
    connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue<PublishJob>('publish-it', { connection });
  });

  afterAll(async () => {
    await queue?.close();
    connection?.disconnect();
    await service?.stop();
    await server?.close();
  });

  it('queues every fixture item once, as a publish job with a deterministic id', async () => {
    expect(polls[0]).toMatchObject({
      feedId: 'pti-world',
      status: 'ok',
      counts: { seen: 3, new: 3, rejected: 0 },
    });
    const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed']);
    const summary = jobs
      .map((job) => ({
        name: job.name,
        id: job.id,
        headline: job.data.article.headline,
        version: job.data.article.version,
      }))
      .sort((a, b) => a.headline.localeCompare(b.headline));
    expect(summary).toEqual([
      {
        name: 'publish',
        id: expect.stringMatching(/^pti-[0-9a-f]{24}-v1$/),
        headline: 'Islamabad turns down militant group’s offer of fresh talks, says report',
        version: 1,
      },
      {
        name: 'publish',
        id: expect.stringMatching(/^pti-[0-9a-f]{24}-v1$/),
        headline: 'Nepal PM to visit India next week',
        version: 1,
      },
      {
        name: 'publish',
        id: expect.stringMatching(/^pti-[0-9a-f]{24}-v1$/),
        headline: 'Sri Lanka central bank holds key rate',
        version: 1,
      },
    ]);
    for (const job of jobs) {
      expect(job.id).toBe(`${job.data.article.id}-v1`);
      expect(job.data).toMatchObject({
        action: 'publish',
        article: { feedId: 'pti-world', agency: { code: 'PTI' } },
      });
      expect(job.data.article.disclaimer?.text).toContain('Mid-day accepts no responsibility');
      expect(job.data.article.bodyHtml).not.toMatch(/<script|onerror/i);
    }
  });

  it('queues nothing new when the feed is polled again with the same items', async () => {
    const before = await queue.getJobCounts();
    const again = await service.poll('pti-world');
    expect(again).toMatchObject({ status: 'ok', counts: { seen: 3, new: 0, updated: 0, unchanged: 3 } });
    expect(await queue.getJobCounts()).toEqual(before);
    expect(logs.events('article.queued')).toHaveLength(3);
  });

  it('logs one poll.completed summary per poll, tied together by poll_id', () => {
    const completed = logs.events('poll.completed');
    expect(completed).toHaveLength(2);
    for (const line of completed) {
      expect(line).toMatchObject({ feed_id: 'pti-world', status: 'ok', http_status: 200 });
      const pollLines = logs.lines.filter((l) => l.poll_id === line.poll_id);
      expect(pollLines.map((l) => l.event)).toContain('poll.started');
    }
    expect(logs.events('service.started')[0]).toMatchObject({ redis_url: REDIS_URL, redis_embedded: false });
  });
});
