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

/**
 * Whole chunks of articles per script call rather than one command per key: ioredis spends more on
 * each of 10,000 pipelined commands than Redis does running them. A chunk keeps each call's hold on
 * Redis to a few milliseconds, so BullMQ workers sharing it are not starved on a large poll.
 */
const CHUNK = 1_000;

/** KEYS: the hashes. Replies 5 values per key, missing ones as nil. */
const GET_SCRIPT = `
local reply = {}
for i, key in ipairs(KEYS) do
  local values = redis.call('HMGET', key, 'v', 'h', 'fs', 'sv', 'k')
  for j = 1, 5 do reply[(i - 1) * 5 + j] = values[j] end
end
return reply`;

/** KEYS: the hashes; ARGV: the TTL in seconds, then 5 field values per key. */
const PUT_SCRIPT = `
local ttl = ARGV[1]
for i, key in ipairs(KEYS) do
  local at = (i - 1) * 5 + 1
  redis.call('HSET', key, 'v', ARGV[at + 1], 'h', ARGV[at + 2], 'fs', ARGV[at + 3],
    'sv', ARGV[at + 4], 'k', ARGV[at + 5])
  redis.call('EXPIRE', key, ttl)
end
return #KEYS`;

export class RedisSeenStore implements SeenStore {
  constructor(
    private readonly redis: Redis,
    private readonly retentionSeconds = DEFAULT_RETENTION_SECONDS,
    private readonly prefix = 'wirefeed:seen:',
  ) {}

  async getMany(ids: readonly string[]): Promise<Map<string, SeenState>> {
    const found = new Map<string, SeenState>();
    const replies = await Promise.all(
      chunks(ids).map((chunk) =>
        this.redis.eval(GET_SCRIPT, chunk.length, ...chunk.map((id) => this.prefix + id)),
      ),
    );
    let index = 0;
    for (const reply of replies as (string | null)[][]) {
      for (let at = 0; at < reply.length; at += 5) {
        const id = ids[index++];
        const [version, hash, firstSeen, sourceVersion, killed] = reply.slice(at, at + 5);
        if (id !== undefined && version && hash && firstSeen) {
          found.set(id, {
            version: Number(version),
            contentHash: hash,
            firstSeen,
            sourceVersion: sourceVersion || null,
            killed: killed === '1',
          });
        }
      }
    }
    return found;
  }

  /**
   * Chunk by chunk, not in one transaction: every job of these entries is queued before they are
   * written, so a crash between chunks leaves ids whose re-queueing next poll is a no-op.
   */
  async putMany(entries: ReadonlyMap<string, SeenState>): Promise<void> {
    await Promise.all(
      chunks([...entries]).map((chunk) => {
        const values = chunk.flatMap(([, state]) => [
          String(state.version),
          state.contentHash,
          state.firstSeen,
          state.sourceVersion ?? '',
          state.killed ? '1' : '0',
        ]);
        const keys = chunk.map(([id]) => this.prefix + id);
        return this.redis.eval(PUT_SCRIPT, keys.length, ...keys, this.retentionSeconds, ...values);
      }),
    );
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
