/**
 * The ingest pool against the built modules (dist/, compiled by the suite's globalSetup): a worker
 * thread loads JS, not the TypeScript vitest runs. A huge feed is ingested off the main thread, so
 * timers keep firing meanwhile, and a worker's result is exactly what inline `ingest` returns.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateRss, generateRssOfSize } from '../../bench/generate.js';
import type * as IngestModule from '../../src/ingest.js';
import type * as ErrorsModule from '../../src/model/errors.js';
import type { FeedSettings } from '../../src/model/feed.js';
import type * as PoolModule from '../../src/workers/ingest-pool.js';

// Paths in variables: the types come from src/, the code from dist/.
const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;
const { IngestPool } = (await import(dist('workers/ingest-pool.js'))) as typeof PoolModule;
const { ingest } = (await import(dist('ingest.js'))) as typeof IngestModule;
const { IngestError } = (await import(dist('model/errors.js'))) as typeof ErrorsModule;

const settings: FeedSettings = {
  id: 'pool-test',
  agency: null,
  format: null,
  timezone: 'Asia/Kolkata',
  baseUrl: null,
  disclaimer: { key: 'default', template: 'Published by {publisher} from {agencyName}.' },
  publisherName: 'Mid-day',
};
const fetchedAt = new Date('2024-06-02T00:00:00Z');
const input = (text: string) => ({
  bytes: new TextEncoder().encode(text),
  settings,
  source: 'test',
  contentType: null,
  fetchedAt,
});

const pools: PoolModule.IngestPool[] = [];
const pool = (options: PoolModule.IngestPoolOptions) => {
  const created = new IngestPool(options);
  pools.push(created);
  return created;
};

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('IngestPool', () => {
  it('returns from a worker exactly what inline ingest returns, fetch date included', async () => {
    const small = input(generateRss(25));
    const inWorker = await pool({ inlineBelowBytes: 0 }).ingest(small);
    expect(inWorker).toEqual(ingest(small));
    expect(inWorker.articles).toHaveLength(25);
    expect(inWorker.articles[0]?.provenance.fetchedAt).toBe('2024-06-02T00:00:00Z');
  });

  it('hands articles over in slices of at most 200, in feed order, the same as inline ingest', async () => {
    const feed = input(generateRss(650));
    const slices: number[] = [];
    const articles: unknown[] = [];
    const summary = await pool({ inlineBelowBytes: 0 }).ingestInSlices(feed, (slice) => {
      slices.push(slice.length);
      articles.push(...slice);
    });
    expect(slices).toEqual([200, 200, 200, 50]);
    const inline = ingest(feed);
    expect(articles).toEqual(inline.articles);
    expect(summary).toEqual({ format: inline.format, rejected: inline.rejected });
  });

  it('hands a small input over inline as one slice', async () => {
    const slices: number[] = [];
    await pool({}).ingestInSlices(input(generateRss(25)), (slice) => slices.push(slice.length));
    expect(slices).toEqual([25]);
  });

  it('leaves the caller its bytes: the worker gets a transferred copy', async () => {
    const small = input(generateRss(3));
    const length = small.bytes.byteLength;
    await pool({ inlineBelowBytes: 0 }).ingest(small);
    expect(small.bytes.byteLength).toBe(length);
  });

  it('rejects a document that is not a feed with the same IngestError code as inline', async () => {
    const page = input('<!DOCTYPE html><html><body>Sign in</body></html>');
    const error = await pool({ inlineBelowBytes: 0 })
      .ingest(page)
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ code: 'NOT_A_FEED', stage: 'parse', retryable: false });
  });

  it('stops a worker left idle and starts a new one for the next input', async () => {
    const idlePool = pool({ inlineBelowBytes: 0, idleTimeoutMs: 50 });
    const small = input(generateRss(3));
    await idlePool.ingest(small);
    expect(idlePool.threads).toBe(1);
    await vi.waitFor(() => expect(idlePool.threads).toBe(0), { timeout: 5_000 });
    expect(await idlePool.ingest(small)).toEqual(ingest(small));
    expect(idlePool.threads).toBe(1);
  });

  it('keeps a worker that gets work before its idle time is up', async () => {
    const busyPool = pool({ inlineBelowBytes: 0, idleTimeoutMs: 1_500 });
    const small = input(generateRss(3));
    for (let i = 0; i < 3; i++) {
      await busyPool.ingest(small);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(busyPool.threads).toBe(1);
    }
  });

  it('closes cleanly with a worker idle and with one already stopped', async () => {
    const small = input(generateRss(3));
    const idle = new IngestPool({ inlineBelowBytes: 0 });
    await idle.ingest(small);
    await idle.close();
    expect(idle.threads).toBe(0);
    const stopped = new IngestPool({ inlineBelowBytes: 0, idleTimeoutMs: 10 });
    await stopped.ingest(small);
    await vi.waitFor(() => expect(stopped.threads).toBe(0), { timeout: 5_000 });
    await stopped.close();
    await expect(stopped.ingest(small)).rejects.toThrow('IngestPool is closed');
  });

  it('keeps the event loop turning while a 50 MB feed is ingested', { timeout: 120_000 }, async () => {
    const huge = input(generateRssOfSize(50 * 1024 * 1024));
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 20);
    const started = performance.now();
    const output = await pool({ size: 1 }).ingest(huge);
    const elapsed = performance.now() - started;
    clearInterval(timer);

    expect(output.articles.length).toBeGreaterThan(20_000);
    expect(output.rejected).toEqual([]);
    // Inline, this ingest is one multi-second stall with no tick at all.
    expect(elapsed).toBeGreaterThan(1_000);
    // From the call to the first tick, between ticks, and from the last tick to the result.
    const marks = [started, ...ticks, started + elapsed];
    const gaps = marks.slice(1).map((t, i) => t - (marks[i] ?? t));
    // Relative bounds: alone, the longest gap is ~30 ms; beside the rest of the suite on two cores,
    // a few hundred. Inline, the one gap is the whole ingest and no tick fires at all.
    expect(Math.max(...gaps)).toBeLessThan(elapsed / 5);
    expect(ticks.length).toBeGreaterThan((elapsed / 20) * 0.3);
  });
});
