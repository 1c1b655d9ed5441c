/** ioredis connections, configured the way BullMQ needs them. */
import { Redis } from 'ioredis';

export type { Redis } from 'ioredis';

/**
 * BullMQ workers block on Redis, so their connection must not give up on a request
 * (`maxRetriesPerRequest: null`); the same settings suit the seen-store, which should wait out
 * a Redis restart rather than fail a poll on the first dropped packet.
 */
export function connectRedis(url: string, name: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    connectionName: `wirefeed:${name}`,
    lazyConnect: false,
  });
}
