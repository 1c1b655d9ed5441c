/**
 * A large feed read on the worker thread is queued slice by slice while the worker goes on: on the
 * built pool (a worker thread loads JS), a real file source and the suite's Redis. Each article is
 * queued once, an id repeated across slices keeps its first occurrence, and a commit failing midway
 * fails the poll without losing or doubling anything on the retry.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateRss } from '../../bench/generate.js';
import { RedisSeenStore } from '../../src/dedup/seen-store.js';
import type { FeedSettings } from '../../src/model/feed.js';
import { createLogger } from '../../src/observability/logger.js';
import { type PipelineDeps, type PollTarget, pollFeed } from '../../src/pipeline.js';
import { BullMqPublisher } from '../../src/publish/bullmq-publisher.js';
import type { Publisher } from '../../src/publish/job.js';
import { FileTransport } from '../../src/sources/file.js';
import { RedisValidatorStore } from '../../src/sources/validator-store.js';
import type * as PoolModule from '../../src/workers/ingest-pool.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;
const { IngestPool } = (await import(dist('workers/ingest-pool.js'))) as typeof PoolModule;

const REDIS_URL = redisUrlForDb(11);
const ITEMS = 1_000;
const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
const pool = new IngestPool({ inlineBelowBytes: 0 });
const dir = mkdtempSync(join(tmpdir(), 'wirefeed-streaming-'));
const log = createLogger({ level: 'silent', pretty: false, fd: 1 });

const settings: FeedSettings = {
  id: 'burst',
  agency: null,
  format: null,
  timezone: 'Asia/Kolkata',
  baseUrl: null,
  disclaimer: null,
  publisherName: 'Mid-day',
};

let publisher: BullMqPublisher;

beforeEach(async () => {
  await flushDb(REDIS_URL);
  publisher = new BullMqPublisher(connection, 'publish');
});

afterEach(async () => {
  await publisher.close();
});

afterAll(async () => {
  await pool.close();
  connection.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** The publisher, with its calls counted and the ones listed in `failOn` (1-based) refused. */
function watched(failOn: readonly number[] = []) {
  const calls: number[] = [];
  const port: Publisher = {
    async publish(entries, now) {
      calls.push(entries.length);
      if (failOn.includes(calls.length)) throw new Error('Redis went away');
      return publisher.publish(entries, now);
    },
    close: async () => {},
  };
  return { port, calls };
}

function feedFile(xml: string): PollTarget {
  const path = join(dir, 'burst.rss.xml');
  writeFileSync(path, xml);
  const request = { url: path, maxBytes: 64 * 1024 * 1024, timeoutMs: 0, allowPrivateHosts: [], headers: {} };
  return { settings, request, source: path, maxAgeMs: 0 };
}

function deps(port: Publisher): PipelineDeps {
  return {
    transportFor: () => new FileTransport(),
    ingestInSlices: (input, onArticles) => pool.ingestInSlices(input, onArticles),
    validators: new RedisValidatorStore(connection, 'streaming:feed:'),
    seen: new RedisSeenStore(connection, 3600, 'streaming:seen:'),
    publisher: port,
    now: () => new Date('2024-06-02T00:00:00Z'),
  };
}

const queued = async () => {
  const counts = await publisher.queue.getJobCounts();
  return Object.values(counts).reduce((a, b) => a + b, 0);
};

describe('a large feed queued while the worker still reads it', () => {
  it('commits several batches, each article once, an id repeated across slices only first', async () => {
    // Item 900 carries item 10's guid: the same story, later in the feed and in another slice.
    const xml = generateRss(ITEMS);
    const guids = [...xml.matchAll(/<guid[^>]*>([^<]+)<\/guid>/g)].map((m) => m[1] ?? '');
    const repeated = xml.replace(`>${guids[900]}<`, `>${guids[10]}<`);
    const { port, calls } = watched();

    const result = await pollFeed(feedFile(repeated), deps(port), log);

    expect(result.status).toBe('ok');
    expect(result.counts).toMatchObject({ seen: ITEMS, new: ITEMS - 1, rejected: 0 });
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.reduce((a, b) => a + b, 0)).toBe(ITEMS - 1);
    expect(await queued()).toBe(ITEMS - 1);
  });

  it('fails the poll when a commit fails midway, and the retry queues the rest, none twice', async () => {
    const target = feedFile(generateRss(ITEMS));
    const failing = watched([2]);

    const failed = await pollFeed(target, deps(failing.port), log);

    expect(failed.status).toBe('failed');
    expect(failed.errorCode).toBe('QUEUE_FAILED');
    const first = await queued();
    expect(first).toBe(failing.calls[0]);
    expect(first).toBeLessThan(ITEMS);

    const retry = await pollFeed(target, deps(watched().port), log);

    expect(retry.status).toBe('ok');
    expect(retry.counts).toMatchObject({ new: ITEMS - first, unchanged: first });
    expect(await queued()).toBe(ITEMS);
  });
});
