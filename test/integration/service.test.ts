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
const HTTP_PORT = 20_000 + Math.floor(Math.random() * 20_000);

/** The same items with a fresh lastBuildDate on every request, as real feeds do. */
let builds = 0;
function ptiWithBuildDate(): string {
  builds += 1;
  const built = new Date(Date.UTC(2023, 5, 6, 13, builds)).toUTCString();
  return PTI.replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, `<lastBuildDate>${built}</lastBuildDate>`);
}

function feedLine(id: string, url: string, agency: string): string {
  return `  - { id: ${id}, url: "${url}", agency: ${agency}, interval: 1h, maxAge: 0s, allowPrivateHosts: [127.0.0.1] }`;
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
    server.set('/broken.xml', '<rss><channel><item><title>cut off</chan');
    const file = join(mkdtempSync(join(tmpdir(), 'wirefeed-it-')), 'wirefeed.yaml');
    writeFileSync(
      file,
      [
        'publisher: { name: Mid-day }',
        `redis: { url: "${REDIS_URL}" }`,
        'queue: { name: publish-it, pollQueue: poll-it }',
        `http: { port: ${HTTP_PORT}, host: 127.0.0.1 }`,
        'feeds:',
        feedLine('pti-world', server.url('/pti/world.xml'), 'PTI'),
        feedLine('broken', server.url('/broken.xml'), 'ANI'),
      ].join('\n'),
    );
    const config = loadConfig({ file, env: {} });
    let bothPolled: () => void = () => {};
    const firstCycle = new Promise<void>((resolve) => {
      bothPolled = resolve;
    });
    service = await startService(config, logs.logger, {
      onPoll: (result) => {
        polls.push(result);
        if (polls.length === 2) bothPolled();
      },
    });
    await firstCycle;
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
    expect(polls.find((p) => p.feedId === 'pti-world')).toMatchObject({
      status: 'ok',
      counts: { seen: 3, new: 3, rejected: 0 },
    });
    const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed']);
    const summary = jobs
      .map((job) => ({
        name: job.name,
        headline: job.data.article.headline,
        version: job.data.article.version,
      }))
      .sort((a, b) => a.headline.localeCompare(b.headline));
    expect(summary).toEqual([
      {
        name: 'publish',
        headline: 'Islamabad turns down militant group’s offer of fresh talks, says report',
        version: 1,
      },
      { name: 'publish', headline: 'Nepal PM to visit India next week', version: 1 },
      { name: 'publish', headline: 'Sri Lanka central bank holds key rate', version: 1 },
    ]);
    for (const job of jobs) {
      expect(job.id).toBe(`${job.data.article.id}-v1`);
      expect(job.id).toMatch(/^pti-[0-9a-f]{24}-v1$/);
      expect(job.data).toMatchObject({
        action: 'publish',
        article: { feedId: 'pti-world', agency: { code: 'PTI' } },
      });
      expect(job.data.article.disclaimer?.text).toContain('Mid-day accepts no responsibility');
      expect(job.data.article.bodyHtml).not.toMatch(/<script|onerror/i);
    }
  });

  it('fails a malformed feed with a classified error while the other feed carries on', () => {
    expect(polls.find((p) => p.feedId === 'broken')).toMatchObject({
      status: 'failed',
      errorCode: 'PARSE_MALFORMED',
    });
    expect(logs.events('feed.failed')).toEqual([
      expect.objectContaining({ feed_id: 'broken', error_code: 'PARSE_MALFORMED', retryable: false }),
    ]);
  });

  it('queues nothing new when the feed is polled again with the same items', async () => {
    const before = await queue.getJobCounts();
    const again = await service.poll('pti-world');
    expect(again).toMatchObject({ status: 'ok', counts: { seen: 3, new: 0, updated: 0, unchanged: 3 } });
    expect(await queue.getJobCounts()).toEqual(before);
    expect(logs.events('article.queued')).toHaveLength(3);
  });

  it('skips parsing a byte-identical body', async () => {
    server.set('/pti/world.xml', PTI);
    expect((await service.poll('pti-world'))?.status).toBe('ok');
    const identical = await service.poll('pti-world');
    expect(identical).toMatchObject({ status: 'not_modified', counts: { seen: 0 } });
    expect(logs.events('poll.not_modified').at(-1)).toMatchObject({
      feed_id: 'pti-world',
      reason: 'same_body',
    });
  });

  it('logs one poll.completed summary per poll, tied together by poll_id', () => {
    const completed = logs.events('poll.completed');
    expect(completed.map((l) => l.feed_id)).toEqual(['pti-world', 'pti-world', 'pti-world']);
    for (const line of completed) {
      expect(line).toMatchObject({ status: 'ok', http_status: 200, items: expect.any(Object) });
      const events = logs.lines.filter((l) => l.poll_id === line.poll_id).map((l) => l.event);
      expect(events[0]).toBe('poll.started');
    }
    expect(logs.events('service.started')[0]).toMatchObject({ redis_url: REDIS_URL, redis_embedded: false });
  });

  it('answers health, readiness and metrics that follow the polls', async () => {
    const base = `http://127.0.0.1:${HTTP_PORT}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe('ready\nfeed broken failing: PARSE_MALFORMED (1 in a row)\n');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('wirefeed_polls_total{feed_id="pti-world",outcome="ok"} 3');
    expect(metrics).toContain('wirefeed_polls_total{feed_id="broken",outcome="failed"} 1');
    expect(metrics).toContain('wirefeed_articles_total{feed_id="pti-world",action="publish"} 3');
    expect(metrics).toContain('wirefeed_feed_consecutive_failures{feed_id="broken"} 1');
    expect(metrics).toContain('wirefeed_queue_jobs{queue="publish-it",state="prioritized"} 3');
    expect(Number(metrics.match(/^wirefeed_redis_used_memory_bytes (\d+)$/m)?.[1])).toBeGreaterThan(0);
  });
});
