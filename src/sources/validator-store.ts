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
    const key = this.prefix + feedId;
    const fields: Record<string, string> = {};
    if (cache.validators?.etag) fields.etag = cache.validators.etag;
    if (cache.validators?.lastModified) fields.lm = cache.validators.lastModified;
    if (cache.bodyHash) fields.body = cache.bodyHash;
    const tx = this.redis.multi().del(key);
    if (Object.keys(fields).length > 0) tx.hset(key, fields);
    await tx.exec();
  }
}

/** For replay and one-off runs: remembers nothing. */
export class NoValidatorStore implements ValidatorStore {
  async get(): Promise<FeedCache> {
    return { validators: null, bodyHash: null };
  }
  async put(): Promise<void> {}
}
