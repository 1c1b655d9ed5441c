/**
 * The Publisher port on a BullMQ queue. Per article, order is kept by replacement rather than by
 * queue position: a new version takes the place of a job of the same article that no consumer has
 * taken yet, so consumers never see stale versions queued behind or ahead of fresh ones.
 */
import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { toIngestError } from '../model/errors.js';
import type { PublishJob } from '../model/poll.js';
import { jobId, type Publisher, type QueueEntry, versionJobId } from './job.js';

/** Completed jobs are kept long enough that their ids keep blocking duplicates. */
const KEEP_COMPLETED_SECONDS = 7 * 24 * 3600;
/** States in which no consumer holds the job yet, so it can still be withdrawn. */
const PENDING = new Set(['waiting', 'prioritized', 'delayed', 'waiting-children']);
const KILL_PRIORITY = 1;
const ADD_BATCH = 500;
const ROUTINE_URGENCY = 5;

export class BullMqPublisher implements Publisher {
  readonly queue: Queue<PublishJob>;

  constructor(connection: Redis, queueName: string) {
    this.queue = new Queue<PublishJob>(queueName, { connection });
  }

  async publish(entries: readonly QueueEntry[], now: Date): Promise<PublishJob[]> {
    if (entries.length === 0) return [];
    try {
      const replacements = await this.pendingPredecessors(entries);
      const queued: PublishJob[] = [];
      for (const entry of entries) {
        const previous = replacements.get(entry.job.article.id);
        if (previous === undefined) {
          queued.push(entry.job);
        } else if (entry.job.action === 'kill' && previous.name === 'publish') {
          // The story never reached a consumer: withdrawing it is the whole kill.
          if ((await this.queue.remove(previous.id)) !== 1) queued.push(entry.job);
        } else {
          queued.push(previous.name === 'publish' ? { ...entry.job, action: 'publish' } : entry.job);
        }
      }
      const bulk = queued.map((job) => ({ name: job.action, data: job, opts: jobOptions(job, now) }));
      // Batches keep each Redis transaction (and its command buffer) small on a 10,000-item burst.
      for (let i = 0; i < bulk.length; i += ADD_BATCH) await this.queue.addBulk(bulk.slice(i, i + ADD_BATCH));
      for (const [articleId, previous] of replacements) {
        if (queued.some((job) => job.article.id === articleId)) await this.queue.remove(previous.id);
      }
      return queued;
    } catch (err) {
      throw toIngestError(err, 'QUEUE_FAILED');
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
  }

  /** The still-pending jobs of the versions these entries supersede, by article id. */
  private async pendingPredecessors(entries: readonly QueueEntry[]) {
    const found = new Map<string, { id: string; name: string }>();
    for (const { job, previousVersion } of entries) {
      if (previousVersion === null || previousVersion < 1) continue;
      const id = versionJobId(job.article.id, previousVersion);
      const previous = await this.queue.getJob(id);
      if (previous && PENDING.has(await previous.getState()))
        found.set(job.article.id, { id, name: previous.name });
    }
    return found;
  }
}

/**
 * Every job gets a priority, because BullMQ serves unprioritised jobs before prioritised ones:
 * kills first (1), then by urgency (urgency 1 → 2 … routine 5 → 6 … 9 → 10). Embargoed copy waits
 * as a delayed job until the embargo lifts.
 */
function jobOptions(job: PublishJob, now: Date): JobsOptions {
  const embargo = job.article.embargoedUntil ? Date.parse(job.article.embargoedUntil) : Number.NaN;
  const delay = job.action !== 'kill' && embargo > now.getTime() ? embargo - now.getTime() : 0;
  return {
    jobId: jobId(job),
    priority: job.action === 'kill' ? KILL_PRIORITY : 1 + (job.article.urgency ?? ROUTINE_URGENCY),
    delay,
    attempts: 5,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
    removeOnFail: false,
  };
}
