/** The BullMQ worker that runs scheduled polls through the pipeline. */
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PollResult } from '../model/poll.js';
import type { PollJobData } from './poll-scheduler.js';

export type PollHandler = (feedId: string) => Promise<PollResult | null>;

export function createPollWorker(
  connection: Redis,
  queueName: string,
  concurrency: number,
  handler: PollHandler,
): Worker<PollJobData, PollResult | null> {
  return new Worker<PollJobData, PollResult | null>(
    queueName,
    async (job: Job<PollJobData>) => handler(job.data.feedId),
    { connection, concurrency, autorun: true },
  );
}
