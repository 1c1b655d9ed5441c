/** The Redis seen-store on the suite's redis-server: what it reads back is what it was given. */
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { RedisSeenStore } from '../../src/dedup/seen-store.js';
import type { SeenState } from '../../src/dedup/versioning.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const URL = redisUrlForDb(14);
const connection = new Redis(URL, { maxRetriesPerRequest: null });

const state = (n: number, overrides: Partial<SeenState> = {}): SeenState => ({
  version: n,
  contentHash: `c1:${n}`,
  firstSeen: '2023-06-06T12:00:00Z',
  sourceVersion: String(n),
  killed: false,
  ...overrides,
});

beforeEach(() => flushDb(URL));

afterAll(() => {
  connection.disconnect();
});

describe('RedisSeenStore', () => {
  it('reads back each stored state, tombstones and missing source versions included', async () => {
    const store = new RedisSeenStore(connection);
    const stored = new Map([
      ['pti-a', state(1)],
      ['pti-b', state(3, { killed: true, sourceVersion: null })],
    ]);
    await store.putMany(stored);
    expect(await store.getMany(['pti-a', 'pti-b'])).toEqual(stored);
  });

  it('leaves ids it never stored out of the result', async () => {
    const store = new RedisSeenStore(connection);
    await store.putMany(new Map([['pti-a', state(1)]]));
    expect([...(await store.getMany(['pti-x', 'pti-a', 'pti-y'])).keys()]).toEqual(['pti-a']);
  });

  it('keeps every id paired with its own state across more ids than one script call carries', async () => {
    const store = new RedisSeenStore(connection);
    const ids = Array.from({ length: 2_345 }, (_, n) => `pti-${n}`);
    const stored = ids.filter((_, n) => n % 3 !== 0);
    await store.putMany(new Map(stored.map((id) => [id, state(1, { contentHash: `c1:${id}` })])));
    const found = await store.getMany(ids);
    expect([...found.keys()]).toEqual(stored);
    for (const [id, seen] of found) expect(seen.contentHash).toBe(`c1:${id}`);
  });

  it('expires every written id after the retention period', async () => {
    const store = new RedisSeenStore(connection, 60, 'seen-test:');
    await store.putMany(new Map(Array.from({ length: 1_500 }, (_, n) => [`pti-${n}`, state(1)])));
    const ttls = await Promise.all(['pti-0', 'pti-1499'].map((id) => connection.ttl(`seen-test:${id}`)));
    for (const ttl of ttls) {
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    }
  });

  it('does nothing for an empty poll', async () => {
    const store = new RedisSeenStore(connection);
    await store.putMany(new Map());
    expect((await store.getMany([])).size).toBe(0);
    expect(await connection.dbsize()).toBe(0);
  });
});
