/** The BullMQ publisher on the suite's redis-server: large bursts, replays, refusals, replacements. */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article, PublishJob } from '../../src/model/index.js';
import { BullMqPublisher } from '../../src/publish/bullmq-publisher.js';
import type { QueueEntry } from '../../src/publish/job.js';
import { sampleArticle } from '../helpers/article.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const URL = redisUrlForDb(15);
const connection = new Redis(URL, { maxRetriesPerRequest: null });
const NOW = new Date('2023-06-06T15:00:00Z');

let publisher: BullMqPublisher;

function entry(id: string, action: PublishJob['action'], version: number): QueueEntry {
  const article: Article = { ...sampleArticle(), id, version };
  return { job: { action, article }, previousVersion: version > 1 ? version - 1 : null };
}

async function queued(): Promise<string[]> {
  const jobs = await publisher.queue.getJobs(['prioritized', 'waiting', 'delayed']);
  return jobs.map((job) => `${job.name} ${job.id}`).sort();
}

beforeEach(async () => {
  await flushDb(URL);
  publisher = new BullMqPublisher(connection, `publisher-${Math.random().toString(36).slice(2)}`);
});

afterEach(() => publisher.close());

afterAll(() => {
  connection.disconnect();
});

describe('BullMqPublisher', () => {
  it('queues a burst larger than one batch once each, and resolves to the jobs in entry order', async () => {
    const entries = Array.from({ length: 1_234 }, (_, n) => entry(`pti-${n}`, 'publish', 1));
    const jobs = await publisher.publish(entries, NOW);
    expect(jobs).toEqual(entries.map((e) => e.job));
    expect(await publisher.queue.getJobCountByTypes('prioritized')).toBe(1_234);
    expect((await publisher.queue.getJob('pti-1233-v1'))?.data.article.id).toBe('pti-1233');
  });

  it('changes nothing when the same burst is published again', async () => {
    const entries = Array.from({ length: 600 }, (_, n) => entry(`pti-${n}`, 'publish', 1));
    await publisher.publish(entries, NOW);
    const before = await queued();
    await publisher.publish(entries, NOW);
    expect(await queued()).toEqual(before);
  });

  it('fails with QUEUE_FAILED, and nothing unhandled, when BullMQ refuses a job of an early batch', async () => {
    // BullMQ forbids `:` in custom job ids; batches after the refused one are still in flight.
    const entries = [entry('pti:bad', 'publish', 1)];
    for (let n = 0; n < 1_200; n++) entries.push(entry(`pti-${n}`, 'publish', 1));
    await expect(publisher.publish(entries, NOW)).rejects.toMatchObject({ code: 'QUEUE_FAILED' });
    // The refused batch does not hold back the later ones; their jobs are queued as usual.
    expect(await publisher.queue.getJob('pti-1199-v1')).toBeDefined();
  });

  it('replaces, withdraws and leaves alone the predecessors of many articles in one publish', async () => {
    await publisher.publish(
      ['pti-a', 'pti-b', 'pti-c'].map((id) => entry(id, 'publish', 1)),
      NOW,
    );
    await publisher.queue.remove('pti-c-v1'); // as if a consumer had finished with it
    const jobs = await publisher.publish(
      [entry('pti-a', 'update', 2), entry('pti-b', 'kill', 2), entry('pti-c', 'update', 2)],
      NOW,
    );
    expect(jobs.map((job) => `${job.action} ${job.article.id}`)).toEqual(['publish pti-a', 'update pti-c']);
    expect(await queued()).toEqual(['publish pti-a-v2', 'update pti-c-v2']);
  });
});
