/** The per-feed lock on a real Redis. */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { FeedLocks } from '../../src/scheduler/feed-lock.js';
import { redisUrlForDb } from '../helpers/redis.js';

const redis = new Redis(redisUrlForDb(3), { maxRetriesPerRequest: null });
afterAll(() => redis.quit());

describe('FeedLocks', () => {
  it('lets only one poll of a feed run at a time', async () => {
    const locks = new FeedLocks(redis, 5_000, `test-lock-${Date.now()}:`);
    let release: () => void = () => {};
    const first = locks.withLock(
      'pti',
      () => new Promise<string>((resolve) => (release = () => resolve('first'))),
    );
    await expect.poll(() => redis.keys('test-lock-*')).toHaveLength(1);
    expect(await locks.withLock('pti', async () => 'second')).toBeNull();
    expect(await locks.withLock('ani', async () => 'other feed')).toBe('other feed');
    release();
    expect(await first).toBe('first');
    expect(await locks.withLock('pti', async () => 'after')).toBe('after');
  });

  it('frees the lock of a holder that died, once it expires', async () => {
    const prefix = `test-expire-${Date.now()}:`;
    await redis.set(`${prefix}pti`, 'dead-holder', 'PX', 200);
    const locks = new FeedLocks(redis, 5_000, prefix);
    expect(await locks.withLock('pti', async () => 'blocked')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await locks.withLock('pti', async () => 'taken over')).toBe('taken over');
  });

  it('keeps the lock of a slow but live poll by renewing it', async () => {
    const prefix = `test-renew-${Date.now()}:`;
    const locks = new FeedLocks(redis, 300, prefix);
    const slow = locks.withLock(
      'pti',
      () => new Promise((resolve) => setTimeout(() => resolve('slow'), 900)),
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await locks.withLock('pti', async () => 'intruder')).toBeNull();
    expect(await slow).toBe('slow');
  });
});
