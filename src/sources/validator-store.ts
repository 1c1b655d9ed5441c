/**
 * Per-feed HTTP validators (ETag, Last-Modified) and the last body's hash, kept in Redis so every
 * replica sends the same conditional request and a restart costs no full re-download.
 */
import type { Redis } from 'ioredis';
import type { Validators } from './transport.js';

export interface FeedCache {
  validators: Validators | null;
  bodyHash: string | null;
}

export interface ValidatorStore {
  get(feedId: string): Promise<FeedCache>;
  put(feedId: string, cache: FeedCache): Promise<void>;
}

/**
 * KEYS[1] the hash, ARGV its new field/value pairs: the old fields go, atomically. One script, not
 * a MULTI: ioredis copies every script defined on the connection (BullMQ's) onto each MULTI object.
 */
const REPLACE_HASH = `redis.call('del', KEYS[1])
if #ARGV > 0 then redis.call('hset', KEYS[1], unpack(ARGV)) end
return 1`;

export class RedisValidatorStore implements ValidatorStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'wirefeed:feed:',
  ) {}

  async get(feedId: string): Promise<FeedCache> {
    const [etag, lastModified, bodyHash] = await this.redis.hmget(this.prefix + feedId, 'etag', 'lm', 'body');
    const validators =
      etag || lastModified ? { etag: etag ?? null, lastModified: lastModified ?? null } : null;
    return { validators, bodyHash: bodyHash ?? null };
  }

  async put(feedId: string, cache: FeedCache): Promise<void> {
    const fields: string[] = [];
    if (cache.validators?.etag) fields.push('etag', cache.validators.etag);
    if (cache.validators?.lastModified) fields.push('lm', cache.validators.lastModified);
    if (cache.bodyHash) fields.push('body', cache.bodyHash);
    await this.redis.eval(REPLACE_HASH, 1, this.prefix + feedId, ...fields);
  }
}

/** For replay and one-off runs: remembers nothing. */
export class NoValidatorStore implements ValidatorStore {
  async get(): Promise<FeedCache> {
    return { validators: null, bodyHash: null };
  }
  async put(): Promise<void> {}
}
