/**
 * Polls are scheduled by BullMQ job schedulers, one per feed, so any number of replicas can share
 * the work: the schedule lives in Redis, not in a process. Reconciling is idempotent and safe when
 * several replicas start at once (upsert by feed id).
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export interface ScheduledFeed {
  id: string;
  intervalMs: number;
  /** A cron pattern replaces the interval; `timezone` is the zone it is read in. */
  cron: string | null;
  timezone: string;
}

export interface PollJobData {
  feedId: string;
}

export const POLL_JOB_NAME = 'poll';

export function createPollQueue(connection: Redis, name: string): Queue<PollJobData> {
  return new Queue<PollJobData>(name, { connection });
}

export interface ReconcileResult {
  upserted: string[];
  removed: string[];
}

export async function reconcileSchedulers(
  queue: Queue<PollJobData>,
  feeds: readonly ScheduledFeed[],
): Promise<ReconcileResult> {
  const wanted = new Set(feeds.map((f) => f.id));
  const existing = await queue.getJobSchedulers(0, -1);
  const removed: string[] = [];
  for (const scheduler of existing) {
    if (!wanted.has(scheduler.key)) {
      await queue.removeJobScheduler(scheduler.key);
      removed.push(scheduler.key);
    }
  }
  for (const feed of feeds) await upsert(queue, feed);
  return { upserted: feeds.map((f) => f.id), removed };
}

/**
 * Puts back the schedulers of `feeds` that Redis no longer has (a Redis restarted without its data,
 * a FLUSHALL, a failover to an empty replica), leaving the others untouched: without them no feed
 * would be polled again, and nothing would say so. Resolves to the feed ids restored.
 */
export async function restoreMissingSchedulers(
  queue: Queue<PollJobData>,
  feeds: readonly ScheduledFeed[],
): Promise<string[]> {
  const restored: string[] = [];
  for (const feed of feeds) {
    if (await queue.getJobScheduler(feed.id)) continue;
    await upsert(queue, feed);
    restored.push(feed.id);
  }
  return restored;
}

async function upsert(queue: Queue<PollJobData>, feed: ScheduledFeed): Promise<void> {
  await queue.upsertJobScheduler(
    feed.id,
    feed.cron ? { pattern: feed.cron, tz: feed.timezone } : { every: feed.intervalMs },
    {
      name: POLL_JOB_NAME,
      data: { feedId: feed.id },
      opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } },
    },
  );
}
