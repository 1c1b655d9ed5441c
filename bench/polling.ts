/**
 * Polls per second through the real path: FeedRunner (backoff gate, feed lock, fetch over undici,
 * validators, ingest, commit, feed health) driven sequentially, and the same behind the BullMQ poll
 * worker at the configured concurrency, against the local servers of feed-server.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { connectBackends, createRuntime, type Runtime } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';
import type { PollResult } from '../src/model/poll.js';
import { createLogger } from '../src/observability/logger.js';
import { createPollQueue } from '../src/scheduler/poll-scheduler.js';
import { createPollWorker } from '../src/scheduler/poll-worker.js';
import { type FeedServer, notModifiedServer, slidingFeedServer } from './feed-server.js';
import { type BenchResult, round } from './result.js';
import { summarise } from './stats.js';

export const FEEDS = 100;
const CONCURRENCY = 4;

export function pollingConfig(base: string, redisUrl: string, intervalSeconds = 3600): string {
  const feeds = Array.from(
    { length: FEEDS },
    (_, i) =>
      `  - { id: f${i}, url: "${base}/feed/${i}", agency: PTI, interval: ${intervalSeconds}s, maxAge: 0s, allowPrivateHosts: [127.0.0.1] }`,
  );
  const yaml = [
    'publisher: { name: Mid-day }',
    'timezone: Asia/Kolkata',
    `redis: { url: "${redisUrl}" }`,
    `queue: { concurrency: ${CONCURRENCY} }`,
    'http: { port: 0 }',
    'feeds:',
    ...feeds,
  ].join('\n');
  const file = join(mkdtempSync(join(tmpdir(), 'wirefeed-bench-')), 'wirefeed.yaml');
  writeFileSync(file, yaml);
  return file;
}

export async function pollingCases(redisUrl: string, durationMs: number): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const notModified = await notModifiedServer();
  try {
    results.push(...(await pollServer(notModified, '304 Not Modified', redisUrl, durationMs)));
  } finally {
    await notModified.close();
  }
  const sliding = await slidingFeedServer(100, 20_000);
  try {
    results.push(...(await pollServer(sliding, '200, 100 items', redisUrl, durationMs)));
  } finally {
    await sliding.close();
  }
  return results;
}

async function pollServer(server: FeedServer, label: string, redisUrl: string, durationMs: number) {
  const config = loadConfig({ file: pollingConfig(server.base, redisUrl), env: {} });
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  // Logging stays on at info, as in production: its cost is part of a poll.
  const logger = createLogger({ level: 'info', pretty: false, fd: 1, destination: sink });
  const backends = await connectBackends(config);
  await backends.redis.flushdb();
  const runtime = createRuntime(config, logger, backends);
  try {
    // Primes validators (the 304 server's ETag) and seen-state, as a service would have them.
    for (let i = 0; i < FEEDS; i++) await expectPoll(runtime, `f${i}`);
    const loop = await sequential(runtime, durationMs);
    const worker = await throughWorker(runtime, config.queue.pollQueue, durationMs);
    return [
      pollResult('runner.run loop (1 at a time)', label, loop),
      pollResult(`BullMQ poll worker (concurrency ${CONCURRENCY})`, label, worker),
    ];
  } finally {
    await runtime.close();
    await backends.redis.flushdb();
    await backends.close();
  }
}

interface PollRun {
  latencies: number[];
  elapsedMs: number;
  skipped: number;
}

async function expectPoll(runtime: Runtime, feedId: string): Promise<PollResult | null> {
  const result = await runtime.runner.run(feedId);
  if (result?.status === 'failed')
    throw new Error(`bench poll of ${feedId} failed: ${result.error?.message}`);
  return result;
}

async function sequential(runtime: Runtime, durationMs: number): Promise<PollRun> {
  const latencies: number[] = [];
  const started = performance.now();
  let skipped = 0;
  for (let n = 0; performance.now() - started < durationMs; n++) {
    const t = performance.now();
    if ((await expectPoll(runtime, `f${n % FEEDS}`)) === null) skipped += 1;
    latencies.push(performance.now() - t);
  }
  return { latencies, elapsedMs: performance.now() - started, skipped };
}

/** Jobs queued up front; the worker takes them as a scheduler's would arrive, for `durationMs`. */
async function throughWorker(runtime: Runtime, queueName: string, durationMs: number): Promise<PollRun> {
  const redis = runtime.backends.redis;
  const queue = createPollQueue(redis, `${queueName}-bench`);
  const jobs = Array.from({ length: 20_000 }, (_, n) => ({
    name: 'poll',
    data: { feedId: `f${n % FEEDS}` },
    opts: { removeOnComplete: true, removeOnFail: true },
  }));
  for (let i = 0; i < jobs.length; i += 1_000) await queue.addBulk(jobs.slice(i, i + 1_000));
  const latencies: number[] = [];
  let skipped = 0;
  const started = performance.now();
  let elapsedMs = 0;
  const worker = createPollWorker(redis, queue.name, CONCURRENCY, async (feedId) => {
    const t = performance.now();
    const result = await expectPoll(runtime, feedId);
    if (performance.now() - started <= durationMs) {
      latencies.push(performance.now() - t);
      if (result === null) skipped += 1;
      elapsedMs = performance.now() - started;
    }
    return result;
  });
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { latencies, elapsedMs, skipped };
}

function pollResult(name: string, label: string, run: PollRun): BenchResult {
  const timing = summarise(run.latencies);
  const polls = run.latencies.length;
  return {
    group: 'polling',
    name,
    input: label,
    items: polls,
    bytes: 0,
    medianMs: round(timing.medianMs),
    minMs: round(timing.minMs),
    maxMs: round(timing.maxMs),
    runs: polls,
    itemsPerSec: round(polls / (run.elapsedMs / 1000)),
    mbPerSec: 0,
    note: `polls/s over ${Math.round(run.elapsedMs)} ms; latency per poll${run.skipped ? `; ${run.skipped} skipped (lock held)` : ''}`,
  };
}
