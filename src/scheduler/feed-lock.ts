/**
 * A feed is never polled by two workers at once. Job schedulers queue the next poll when the
 * current one starts, so a poll slower than its interval would otherwise overlap the next one on
 * another replica. A Redis lock with an expiry (a crashed holder frees it) and renewal (a slow but
 * live poll keeps it), released only by its owner.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export class FeedLocks {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs = 30_000,
    private readonly prefix = 'wirefeed:lock:',
  ) {}

  /** Runs `work` holding the feed's lock; resolves to null without running it when another holds it. */
  async withLock<T>(feedId: string, work: () => Promise<T>): Promise<T | null> {
    const key = this.prefix + feedId;
    const token = randomUUID();
    const acquired = await this.redis.set(key, token, 'PX', this.ttlMs, 'NX');
    if (acquired !== 'OK') return null;
    const renew = setInterval(() => {
      this.redis.eval(RENEW, 1, key, token, this.ttlMs).catch(() => {});
    }, this.ttlMs / 3);
    renew.unref();
    try {
      return await work();
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, key, token).catch(() => {});
    }
  }
}
