/**
 * Versions, kills, replacement and embargoes through the real dedup and publish path: the Redis
 * seen-store and the BullMQ publisher on the suite's redis-server.
 */
import { type Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { commitArticles } from '../../src/commit.js';
import { RedisSeenStore } from '../../src/dedup/seen-store.js';
import { ingest } from '../../src/ingest.js';
import type { Article, PublishJob } from '../../src/model/index.js';
import { BullMqPublisher } from '../../src/publish/bullmq-publisher.js';
import { sampleArticle } from '../helpers/article.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const URL = redisUrlForDb(4);
const connection = new Redis(URL, { maxRetriesPerRequest: null });
const NOW = new Date('2023-06-06T15:00:00Z');

let queueName = '';
let deps: { seen: RedisSeenStore; publisher: BullMqPublisher };

function copy(hash: string, sourceVersion: string | null, extra: Partial<Article> = {}): Article {
  return { ...sampleArticle({ contentHash: hash, sourceVersion }), ...extra };
}

async function commit(article: Article, now = NOW) {
  return commitArticles([article], deps, { now, maxAgeMs: 0 });
}

async function pending(): Promise<{ id: string; name: string; state: string; delay: number }[]> {
  const jobs = await deps.publisher.queue.getJobs(['waiting', 'prioritized', 'delayed', 'active']);
  const described = await Promise.all(
    jobs.map(async (job) => ({
      id: job.id ?? '',
      name: job.name,
      state: await job.getState(),
      delay: job.delay,
    })),
  );
  return described.sort((a, b) => a.id.localeCompare(b.id));
}

beforeEach(async () => {
  await flushDb(URL);
  queueName = `versions-${Math.random().toString(36).slice(2)}`;
  deps = { seen: new RedisSeenStore(connection), publisher: new BullMqPublisher(connection, queueName) };
});

afterAll(async () => {
  await deps?.publisher.close();
  connection.disconnect();
});

describe('versions through Redis and BullMQ', () => {
  it('delivers v1 → same → correction → late v1 → kill → v1 again as exactly publish, update, kill', async () => {
    const consumed: string[] = [];
    const worker = new Worker<PublishJob>(
      queueName,
      async (job: Job<PublishJob>) => {
        consumed.push(`${job.name} v${job.data.article.version}`);
      },
      { connection: new Redis(URL, { maxRetriesPerRequest: null }) },
    );
    const step = async (article: Article, expected: number) => {
      await commit(article);
      await expect.poll(() => consumed.length, { timeout: 5_000 }).toBe(expected);
    };
    try {
      await step(copy('c1:v1', '1'), 1);
      await step(copy('c1:v1', '1'), 1);
      await step(copy('c1:v2', '2', { signals: ['correction'] }), 2);
      await step(copy('c1:v1-late', '1'), 2);
      await step(copy('c1:killed', '3', { status: 'canceled' }), 3);
      await step(copy('c1:v1-again', '4'), 3);
      expect(consumed).toEqual(['publish v1', 'update v2', 'kill v3']);
    } finally {
      await worker.close();
    }
  });

  it('lets a new version replace a job of the same article that no consumer took yet', async () => {
    await commit(copy('c1:v1', '1'));
    await commit(copy('c1:v2', '2'));
    // The consumer never saw v1, so v2 goes out as the story's first job: a publish.
    expect(await pending()).toEqual([
      { id: 'pti-000000000000000000000001-v2', name: 'publish', state: 'prioritized', delay: 0 },
    ]);
  });

  it('withdraws a waiting publish instead of queueing a kill for it', async () => {
    await commit(copy('c1:v1', '1'));
    const killed = await commit(copy('c1:kill', '2', { status: 'canceled' }));
    expect(killed.jobs).toEqual([]);
    expect(await pending()).toEqual([]);
    expect((await commit(copy('c1:v3', '3'))).jobs).toEqual([]);
  });

  it('queues kills ahead of routine copy and urgent copy ahead of routine', async () => {
    const routine = { ...copy('c1:r', null, { urgency: 5 }), id: 'pti-routine' };
    const flash = { ...copy('c1:f', null, { urgency: 1 }), id: 'pti-flash' };
    await commitArticles([routine, flash], deps, { now: NOW, maxAgeMs: 0 });
    const jobs = await deps.publisher.queue.getJobs(['prioritized']);
    const priorities = Object.fromEntries(jobs.map((j) => [j.data.article.id, j.opts.priority]));
    expect(priorities).toEqual({ 'pti-routine': 6, 'pti-flash': 2 });
  });

  it('holds embargoed copy as a delayed job, and moves it when a new version moves the embargo', async () => {
    await commit(copy('c1:e1', '1', { embargoedUntil: '2023-06-06T16:00:00Z' }));
    expect(await pending()).toEqual([
      { id: 'pti-000000000000000000000001-v1', name: 'publish', state: 'delayed', delay: 3_600_000 },
    ]);
    await commit(copy('c1:e2', '2', { embargoedUntil: '2023-06-06T18:00:00Z' }));
    expect(await pending()).toEqual([
      { id: 'pti-000000000000000000000001-v2', name: 'publish', state: 'delayed', delay: 3 * 3_600_000 },
    ]);
    await commit(copy('c1:e3', '3', { embargoedUntil: null }));
    expect(await pending()).toEqual([
      { id: 'pti-000000000000000000000001-v3', name: 'publish', state: 'prioritized', delay: 0 },
    ]);
  });

  it('remembers but does not queue copy older than maxAge on first sight', async () => {
    const old = copy('c1:old', null, { versionCreated: '2023-06-01T00:00:00Z' });
    const result = await commitArticles([old], deps, { now: NOW, maxAgeMs: 48 * 3_600_000 });
    expect(result).toMatchObject({ jobs: [], counts: { new: 0, unchanged: 0, skipped: 1 } });
    expect((await commitArticles([old], deps, { now: NOW, maxAgeMs: 48 * 3_600_000 })).jobs).toEqual([]);
  });

  it('expires seen-state after the retention period', async () => {
    const store = new RedisSeenStore(connection, 60);
    await commitArticles([copy('c1:x', null)], { ...deps, seen: store }, { now: NOW, maxAgeMs: 0 });
    const ttl = await connection.ttl('wirefeed:seen:pti-000000000000000000000001');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('takes an RSS item re-sent as "KILL: …" down, and never publishes a kill notice of its own', async () => {
    const rss = (items: string) =>
      new TextEncoder().encode(`<rss version="2.0"><channel><title>PTI</title>${items}</channel></rss>`);
    const item = (guid: string, title: string) =>
      `<item><guid>${guid}</guid><title>${title}</title><description>Copy.</description>` +
      '<pubDate>Tue, 06 Jun 2023 12:00:00 +0530</pubDate></item>';
    const read = (bytes: Uint8Array) =>
      ingest({
        bytes,
        settings: {
          id: 'pti',
          agency: 'PTI',
          format: null,
          timezone: 'Asia/Kolkata',
          baseUrl: null,
          disclaimer: null,
          publisherName: 'P',
        },
        source: 'pti.xml',
        contentType: null,
        fetchedAt: NOW,
      }).articles;
    const taken: string[] = [];
    const worker = new Worker<PublishJob>(
      queueName,
      async (job) => void taken.push(`${job.name} v${job.data.article.version}`),
      {
        connection: new Redis(URL, { maxRetriesPerRequest: null }),
      },
    );
    try {
      await commitArticles(read(rss(item('FGN1', 'Talks resume'))), deps, { now: NOW, maxAgeMs: 0 });
      await expect.poll(() => taken, { timeout: 5_000 }).toEqual(['publish v1']);
      const killed = read(
        rss(item('FGN1', 'KILL: Talks resume') + item('FGN9', 'MANDATORY KILL - Story FGN7')),
      );
      expect(killed.map((a) => [a.status, a.signals])).toEqual([
        ['canceled', ['kill']],
        ['canceled', ['kill']],
      ]);
      const result = await commitArticles(killed, deps, { now: NOW, maxAgeMs: 0 });
      expect(result.counts).toMatchObject({ killed: 1, new: 0, skipped: 1 });
      await expect.poll(() => taken, { timeout: 5_000 }).toEqual(['publish v1', 'kill v2']);
    } finally {
      await worker.close();
    }
  });
});
