/** The 24-hour tally of queued articles behind `wirefeed status`, on a real Redis. */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { FeedHealthStore } from '../../src/scheduler/feed-health.js';
import { redisUrlForDb } from '../helpers/redis.js';

// Database 3 is shared with the feed-lock test; the key prefix keeps them apart.
const redis = new Redis(redisUrlForDb(3), { maxRetriesPerRequest: null });
afterAll(() => redis.quit());

const HOUR_MS = 3600_000;

describe('FeedHealthStore queued tally', () => {
  it('counts the articles of every poll in the last day', async () => {
    const store = new FeedHealthStore(redis, `test-health-${Date.now()}:`);
    const now = Date.now();
    await store.countQueued('pti', 'poll-a', 3, now - 2 * HOUR_MS);
    await store.countQueued('pti', 'poll-b', 0, now - HOUR_MS);
    await store.countQueued('pti', 'poll-c', 2, now);
    expect(await store.queuedLastDay('pti', now)).toBe(5);
    expect(await store.queuedLastDay('ani', now)).toBe(0);
  });

  it('drops tallies older than a day at the next poll and keeps the key no longer than a day', async () => {
    const prefix = `test-health-old-${Date.now()}:`;
    const store = new FeedHealthStore(redis, prefix);
    const now = Date.now();
    await store.countQueued('pti', 'old', 4, now - 25 * HOUR_MS);
    await store.countQueued('pti', 'new', 1, now);
    expect(await redis.zcard(`${prefix}pti:queued`)).toBe(1);
    expect(await store.queuedLastDay('pti', now)).toBe(1);
    const ttl = await redis.pttl(`${prefix}pti:queued`);
    expect(ttl).toBeGreaterThan(23 * HOUR_MS);
    expect(ttl).toBeLessThanOrEqual(24 * HOUR_MS);
  });
});
