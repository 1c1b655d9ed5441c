/** The Publisher port on a BullMQ queue. */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { toIngestError } from '../model/errors.js';
import type { PublishJob } from '../model/poll.js';
import { jobId, type Publisher } from './job.js';

/** Completed jobs are kept long enough that their ids keep blocking duplicates. */
const KEEP_COMPLETED_SECONDS = 7 * 24 * 3600;

export class BullMqPublisher implements Publisher {
  readonly queue: Queue<PublishJob>;

  constructor(connection: Redis, queueName: string) {
    this.queue = new Queue<PublishJob>(queueName, { connection });
  }

  async publish(jobs: readonly PublishJob[]): Promise<void> {
    if (jobs.length === 0) return;
    try {
      await this.queue.addBulk(
        jobs.map((job) => ({
          name: job.action,
          data: job,
          opts: {
            jobId: jobId(job),
            removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
            removeOnFail: false,
          },
        })),
      );
    } catch (err) {
      throw toIngestError(err, 'QUEUE_FAILED');
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
