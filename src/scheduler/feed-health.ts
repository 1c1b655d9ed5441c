/**
 * What the scheduler remembers about each feed between polls, shared by every replica through
 * Redis: the backoff gate, failure streaks, last success, idleness, and a 24-hour tally of queued
 * articles for `wirefeed status`.
 */
import type { Redis } from 'ioredis';

export interface FeedHealth {
  lastPollAt: number | null;
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
  lastErrorCode: string | null;
  failures: number;
  /** Epoch ms before which scheduled polls are skipped (backoff); 0 when none. */
  nextPollAfter: number;
  /** When the feed last produced something new, or was first polled. */
  lastNewAt: number | null;
  idleAlerted: boolean;
  /** The error code a `feed.needs_attention` was raised for, until the feed recovers. */
  attention: string | null;
}

const DAY_MS = 24 * 3600_000;

/** KEYS[1] the tally; ARGV now, cutoff, poll id, count, ttl. Members are `<poll id>:<n>`, scored `now`. */
const COUNT_QUEUED = `redis.call('zremrangebyscore', KEYS[1], 0, ARGV[2])
for i = 0, tonumber(ARGV[4]) - 1 do redis.call('zadd', KEYS[1], ARGV[1], ARGV[3] .. ':' .. i) end
return redis.call('pexpire', KEYS[1], ARGV[5])`;

export class FeedHealthStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'wirefeed:health:',
  ) {}

  async get(feedId: string): Promise<FeedHealth> {
    return parse(await this.redis.hgetall(this.prefix + feedId));
  }

  /** Many feeds in one round trip. */
  async getMany(feedIds: readonly string[]): Promise<FeedHealth[]> {
    const pipeline = this.redis.pipeline();
    for (const id of feedIds) pipeline.hgetall(this.prefix + id);
    const replies = (await pipeline.exec()) ?? [];
    return replies.map(([err, raw]) => {
      if (err) throw err;
      return parse(raw as Record<string, string>);
    });
  }

  async put(feedId: string, health: FeedHealth): Promise<void> {
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(health)) {
      fields[key] = value === null ? '' : typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    }
    await this.redis.hset(this.prefix + feedId, fields);
  }

  /**
   * Adds `count` queued articles at `now` (poll `pollId`) and drops tallies older than a day, in one
   * script rather than a MULTI: ioredis copies every script defined on the connection (BullMQ's
   * sixty-odd) onto each MULTI object, and at one per poll that copying was the largest source of
   * garbage in the service's old generation.
   */
  async countQueued(feedId: string, pollId: string, count: number, now: number): Promise<void> {
    const key = `${this.prefix + feedId}:queued`;
    await this.redis.eval(COUNT_QUEUED, 1, key, now, now - DAY_MS, pollId, count, DAY_MS);
  }

  async queuedLastDay(feedId: string, now: number): Promise<number> {
    return this.redis.zcount(`${this.prefix + feedId}:queued`, now - DAY_MS, '+inf');
  }
}

function parse(raw: Record<string, string>): FeedHealth {
  const num = (key: string) => (raw[key] ? Number(raw[key]) : null);
  return {
    lastPollAt: num('lastPollAt'),
    lastSuccessAt: num('lastSuccessAt'),
    lastErrorAt: num('lastErrorAt'),
    lastErrorCode: raw.lastErrorCode || null,
    failures: num('failures') ?? 0,
    nextPollAfter: num('nextPollAfter') ?? 0,
    lastNewAt: num('lastNewAt'),
    idleAlerted: raw.idleAlerted === '1',
    attention: raw.attention || null,
  };
}
