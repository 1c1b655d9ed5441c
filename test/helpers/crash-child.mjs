// Runs the real dedup + publish path over fixture feeds in a child process, and SIGKILLs itself at
// a named step (CRASH_AT=step#n) so the crash test can restart it and inspect the queue.
// Plain JS over the built dist/, so it runs as the service does, with no TypeScript loader.
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { commitArticles } from '../../dist/commit.js';
import { RedisSeenStore } from '../../dist/dedup/seen-store.js';
import { ingest } from '../../dist/ingest.js';
import { BullMqPublisher } from '../../dist/publish/bullmq-publisher.js';

const { REDIS_URL, QUEUE, CRASH_AT = 'none', FIXTURES = '' } = process.env;
const counts = new Map();

function step(name) {
  const n = (counts.get(name) ?? 0) + 1;
  counts.set(name, n);
  if (`${name}#${n}` === CRASH_AT) process.kill(process.pid, 'SIGKILL');
}

const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
const seen = new RedisSeenStore(redis);
const publisher = new BullMqPublisher(redis, QUEUE);
const deps = {
  seen: {
    async getMany(ids) {
      step('read');
      return seen.getMany(ids);
    },
    async putMany(entries) {
      step('before-write');
      await seen.putMany(entries);
      step('after-write');
    },
  },
  publisher: {
    async publish(entries, now) {
      step('before-queue');
      const jobs = await publisher.publish(entries, now);
      step('after-queue');
      return jobs;
    },
  },
};

const settings = {
  id: 'crash',
  agency: null,
  format: null,
  timezone: 'Asia/Kolkata',
  baseUrl: null,
  disclaimer: null,
  publisherName: 'Mid-day',
};
for (const file of FIXTURES.split(',')) {
  const now = new Date();
  const { articles } = ingest({
    bytes: readFileSync(file),
    settings,
    source: file,
    contentType: null,
    fetchedAt: now,
  });
  await commitArticles(articles, deps, { now, maxAgeMs: 0 });
}
await publisher.close();
await redis.quit();
