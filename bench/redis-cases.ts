/**
 * The Redis half on a real redis-server: the pipelined-write floor, wirefeed's commit (dedup +
 * enqueue on BullMQ), a re-poll where nothing changed, and end to end (`replay --publish`).
 * Every enqueue iteration gets a fresh queue and seen-store prefix, so each one queues everything.
 */
import type { Redis } from 'ioredis';
import { commitArticles } from '../src/commit.js';
import { RedisSeenStore } from '../src/dedup/seen-store.js';
import type { Article } from '../src/model/article.js';
import { BullMqPublisher } from '../src/publish/bullmq-publisher.js';
import { type BenchInput, FETCHED_AT } from './inputs.js';
import { wirefeedIngest } from './parse-cases.js';
import { type BenchResult, timed } from './result.js';
import { measure } from './stats.js';

const RETENTION_SECONDS = 3600;
const OPTIONS = { now: FETCHED_AT, maxAgeMs: 0 };

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
    const e2e = await measure((i) => endToEnd(input, fresh(i, 'e2e')), options);
    results.push(timed('wirefeed', 'end to end', { ...shape, items: input.items }, e2e, 'replay --publish'));
  } finally {
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

async function endToEnd(input: BenchInput, deps: Parameters<typeof commitArticles>[1]): Promise<Article[]> {
  const { articles } = wirefeedIngest(input);
  return (await commitArticles(articles, deps, OPTIONS)).jobs.map((j) => j.article);
}

async function flush(redis: Redis): Promise<void> {
  await redis.flushdb();
}
