/** The publish-job contract shared with consuming services, and the Publisher port. */
import type { PublishJob } from '../model/poll.js';

export type { PublishAction, PublishJob } from '../model/poll.js';

/**
 * Deterministic, so re-adding the same version is a no-op in BullMQ. BullMQ forbids `:` in
 * custom ids; article ids never contain one.
 */
export function jobId(job: PublishJob): string {
  return versionJobId(job.article.id, job.article.version);
}

export function versionJobId(articleId: string, version: number): string {
  return `${articleId}-v${version}`;
}

/** One job to queue, and the version it supersedes (whose job may still be waiting). */
export interface QueueEntry {
  job: PublishJob;
  previousVersion: number | null;
}

export interface Publisher {
  /**
   * Queues the entries or throws. Re-queueing an already queued job id changes nothing. Resolves to
   * the jobs as queued: a kill that only had to withdraw a still-waiting publish is not queued, and
   * an update replacing a still-waiting publish goes out as `publish`.
   */
  publish(entries: readonly QueueEntry[], now: Date): Promise<PublishJob[]>;
  close(): Promise<void>;
}
