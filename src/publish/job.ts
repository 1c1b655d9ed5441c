/** The publish-job contract shared with consuming services. */
import type { PublishJob } from '../model/poll.js';

export type { PublishAction, PublishJob } from '../model/poll.js';

/**
 * Deterministic, so re-adding the same version is a no-op in BullMQ. BullMQ forbids `:` in
 * custom ids; article ids never contain one.
 */
export function jobId(job: PublishJob): string {
  return `${job.article.id}-v${job.article.version}`;
}

export interface Publisher {
  /** Queues every job or throws; re-queueing an already queued job id changes nothing. */
  publish(jobs: readonly PublishJob[]): Promise<void>;
  close(): Promise<void>;
}
