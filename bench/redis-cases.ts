/**
 * The Redis half on a real redis-server: the pipelined-write floor, wirefeed's commit (dedup +
 * enqueue on BullMQ), a re-poll where nothing changed, and end to end (a poll once the body is fetched).
 * Every enqueue iteration gets a fresh queue and seen-store prefix, so each one queues everything.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { type CommitDeps, commitArticles } from '../src/commit.js';
import { RedisSeenStore } from '../src/dedup/seen-store.js';
import { createLogger } from '../src/observability/logger.js';
import { ingestAndCommit } from '../src/pipeline.js';
import { BullMqPublisher } from '../src/publish/bullmq-publisher.js';
import type * as PoolModule from '../src/workers/ingest-pool.js';
import { BENCH_SETTINGS, type BenchInput, FETCHED_AT } from './inputs.js';
import { wirefeedIngest } from './parse-cases.js';
import { type BenchResult, timed } from './result.js';
import { measure } from './stats.js';

const RETENTION_SECONDS = 3600;
const OPTIONS = { now: FETCHED_AT, maxAgeMs: 0 };
const SILENT = createLogger({ level: 'silent', pretty: false, fd: 2 });
const POOL_URL = new URL('../dist/workers/ingest-pool.js', import.meta.url);

/** The service's pool, from the build (a worker thread loads JS); inline ingest when there is none. */
async function servicePool(): Promise<PoolModule.IngestPool | null> {
  if (!existsSync(fileURLToPath(POOL_URL))) return null;
  const { IngestPool } = (await import(POOL_URL.href)) as typeof PoolModule;
  return new IngestPool();
}

export async function redisCases(redis: Redis, input: BenchInput): Promise<BenchResult[]> {
  const articles = wirefeedIngest(input).articles;
  const shape = { name: input.name, items: articles.length, bytes: input.bytes.byteLength };
  const publishers: BullMqPublisher[] = [];
  const fresh = (iteration: number, label: string) => {
    const publisher = new BullMqPublisher(redis, `bench-${label}-${iteration}`);
    publishers.push(publisher);
    return { seen: new RedisSeenStore(redis, RETENTION_SECONDS, `bench:${label}:${iteration}:`), publisher };
  };
  const payloads = articles.map((article) => JSON.stringify({ action: 'publish', article }));
  const options = { budgetMs: 2_000, max: 10, before: () => flush(redis) };
  const results: BenchResult[] = [];
  const pool = await servicePool();
  try {
    const floor = await measure((i) => pipelinedWrites(redis, payloads, i), options);
    results.push(timed('floor', 'redis pipelined SET', shape, floor, 'one pipeline, same payload sizes'));
    const enqueue = await measure((i) => commitArticles(articles, fresh(i, 'commit'), OPTIONS), options);
    results.push(timed('wirefeed', 'dedup + enqueue', shape, enqueue, 'commitArticles, all new'));
    await flush(redis);
    const repoll = fresh(0, 'repoll');
    await commitArticles(articles, repoll, OPTIONS);
    const unchanged = await measure(() => commitArticles(articles, repoll, OPTIONS), { budgetMs: 1_500 });
    results.push(timed('wirefeed', 'dedup, nothing new', shape, unchanged, 'commitArticles, all unchanged'));
    const e2e = await measure((i) => endToEnd(input, fresh(i, 'e2e'), pool), options);
    const how = pool
      ? 'a poll after the fetch: ingest (worker thread) queued slice by slice'
      : 'inline, no dist/';
    results.push(timed('wirefeed', 'end to end', { ...shape, items: input.items }, e2e, how));
  } finally {
    await pool?.close();
    await Promise.all(publishers.map((p) => p.close()));
    await flush(redis);
  }
  return results;
}

async function pipelinedWrites(redis: Redis, payloads: readonly string[], iteration: number) {
  const pipeline = redis.pipeline();
  for (const [n, payload] of payloads.entries()) pipeline.set(`bench:floor:${iteration}:${n}`, payload);
  await pipeline.exec();
}

/**
 * What a poll does once the body is fetched (pipeline.ts `ingestAndCommit`), with the service's
 * IngestPool from dist/: a body of 1 MB or more is read on a worker thread while its first slices
 * are queued here.
 */
async function endToEnd(input: BenchInput, deps: CommitDeps, pool: PoolModule.IngestPool | null) {
  const request = { url: input.name, maxBytes: 0, timeoutMs: 0, allowPrivateHosts: [], headers: {} };
  const target = { settings: BENCH_SETTINGS, request, source: input.name, maxAgeMs: 0 };
  const outcome = {
    kind: 'fetched',
    bytes: input.bytes,
    contentType: null,
    httpStatus: 200,
    validators: null,
  } as const;
  const ingestInSlices = pool ? pool.ingestInSlices.bind(pool) : undefined;
  return ingestAndCommit(target, { ...deps, ingestInSlices }, outcome, FETCHED_AT, SILENT);
}

async function flush(redis: Redis): Promise<void> {
  await redis.flushdb();
}
