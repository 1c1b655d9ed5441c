/**
 * Each test file gets its own Redis database on the suite's real redis-server, so files running in
 * parallel never see each other's queues or seen-state.
 */
import { Redis } from 'ioredis';
import { inject } from 'vitest';

export function redisUrlForDb(db: number): string {
  return `${inject('redisUrl')}/${db}`;
}

export async function flushDb(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}
