/**
 * What operators do to the publish queue by hand (`wirefeed queue`): look at recent jobs and one
 * job's article, retry or remove failed jobs. The BullMQ side of it lives here, next to the
 * publisher; the CLI only formats.
 */
import type { Job, Queue } from 'bullmq';
import type { Article } from '../model/article.js';
import type { PublishJob } from '../model/poll.js';

export const JOB_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobSummary {
  id: string;
  action: string;
  state: string;
  article_id: string | null;
  version: number | null;
  headline: string | null;
  created_at: string | null;
  processed_at: string | null;
  finished_at: string | null;
  attempts: number;
  failed_reason: string | null;
}

export interface JobDetail extends JobSummary {
  article: Article | null;
}

/** A job id that is not in the queue, or a job in a state the action does not apply to. */
export class QueueAdminError extends Error {
  override readonly name = 'QueueAdminError';
}

export class QueueAdmin {
  constructor(private readonly queue: Queue<PublishJob>) {}

  /** The `limit` most recent jobs (by creation) across `states`, newest first. */
  async list(states: readonly JobState[], limit: number): Promise<JobSummary[]> {
    const found: { job: Job<PublishJob>; state: JobState }[] = [];
    for (const state of states) {
      for (const job of await this.queue.getJobs([state], 0, limit - 1))
        if (job) found.push({ job: job as Job<PublishJob>, state });
    }
    return found
      .sort((a, b) => b.job.timestamp - a.job.timestamp)
      .slice(0, limit)
      .map(({ job, state }) => summary(job, state));
  }

  async show(id: string): Promise<JobDetail> {
    const { job, state } = await this.find(id);
    return { ...summary(job, state), article: job.data?.article ?? null };
  }

  /** Moves one failed job back to waiting with a fresh set of attempts. */
  async retry(id: string): Promise<JobSummary> {
    const { job, state } = await this.find(id);
    if (state !== 'failed')
      throw new QueueAdminError(`job "${id}" is ${state}; only failed jobs are retried`);
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return summary(job, 'waiting');
  }

  /** Every failed job, each as `retry` does it; resolves to their ids. */
  async retryAllFailed(): Promise<string[]> {
    const retried: string[] = [];
    for (const id of await this.queue.getRanges(['failed'], 0, -1)) {
      const job = await this.queue.getJob(id);
      if (!job || (await job.getState()) !== 'failed') continue;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried.push(id);
    }
    return retried;
  }

  /** Removes one job in any state but active (a worker holds it). */
  async remove(id: string): Promise<JobSummary> {
    const { job, state } = await this.find(id);
    if (state === 'active' || (await this.queue.remove(id)) !== 1)
      throw new QueueAdminError(`job "${id}" is held by a worker; not removed`);
    return summary(job, state);
  }

  /** Removes every failed job; resolves to their ids. */
  async removeAllFailed(): Promise<string[]> {
    return this.queue.clean(0, 0, 'failed');
  }

  private async find(id: string): Promise<{ job: Job<PublishJob>; state: string }> {
    const job = await this.queue.getJob(id);
    if (!job) throw new QueueAdminError(`no job "${id}" in queue "${this.queue.name}"`);
    return { job, state: await job.getState() };
  }
}

function summary(job: Job<PublishJob>, state: string): JobSummary {
  const article = job.data?.article;
  return {
    id: job.id ?? '',
    action: job.name,
    state,
    article_id: article?.id ?? null,
    version: article?.version ?? null,
    headline: article?.headline ?? null,
    created_at: iso(job.timestamp),
    processed_at: iso(job.processedOn),
    finished_at: iso(job.finishedOn),
    attempts: job.attemptsMade,
    failed_reason: job.failedReason || null,
  };
}

function iso(ms: number | undefined): string | null {
  return ms ? new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}
