/**
 * The seen-store port: what dedup remembers about each article id, tombstones included. One Redis
 * hash per article, expiring after the retention period (longer than job retention) so Redis under
 * `noeviction` cannot grow without bound.
 */
import type { Redis } from 'ioredis';
import type { SeenState } from './versioning.js';

export interface SeenStore {
  /** One round trip for a whole poll's articles. */
  getMany(ids: readonly string[]): Promise<Map<string, SeenState>>;
  putMany(entries: ReadonlyMap<string, SeenState>): Promise<void>;
}

export const DEFAULT_RETENTION_SECONDS = 30 * 24 * 3600;

export class RedisSeenStore implements SeenStore {
  constructor(
    private readonly redis: Redis,
    private readonly retentionSeconds = DEFAULT_RETENTION_SECONDS,
    private readonly prefix = 'wirefeed:seen:',
  ) {}

  async getMany(ids: readonly string[]): Promise<Map<string, SeenState>> {
    const found = new Map<string, SeenState>();
    if (ids.length === 0) return found;
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hmget(this.prefix + id, 'v', 'h', 'fs', 'sv', 'k');
    const replies = (await pipeline.exec()) ?? [];
    replies.forEach(([err, value], index) => {
      if (err) throw err;
      const [version, hash, firstSeen, sourceVersion, killed] = value as (string | null)[];
      const id = ids[index];
      if (id !== undefined && version && hash && firstSeen) {
        found.set(id, {
          version: Number(version),
          contentHash: hash,
          firstSeen,
          sourceVersion: sourceVersion || null,
          killed: killed === '1',
        });
      }
    });
    return found;
  }

  async putMany(entries: ReadonlyMap<string, SeenState>): Promise<void> {
    if (entries.size === 0) return;
    const pipeline = this.redis.multi();
    for (const [id, state] of entries) {
      const key = this.prefix + id;
      pipeline.hset(key, {
        v: state.version,
        h: state.contentHash,
        fs: state.firstSeen,
        sv: state.sourceVersion ?? '',
        k: state.killed ? '1' : '0',
      });
      pipeline.expire(key, this.retentionSeconds);
    }
    const replies = (await pipeline.exec()) ?? [];
    for (const [err] of replies) if (err) throw err;
  }
}
