/** `wirefeed queue list|show|retry|remove` run as the built bin against jobs in the suite's Redis. */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, PublishJob } from '../../src/model/index.js';
import { BullMqPublisher } from '../../src/publish/bullmq-publisher.js';
import { writeTempConfig } from '../config/temp-config.js';
import { sampleArticle } from '../helpers/article.js';
import { runCli } from '../helpers/cli.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const URL = redisUrlForDb(12);
const env = { REDIS_URL: URL };
const QUEUE = 'publish';

function article(id: string, headline: string, version = 1): Article {
  return { ...sampleArticle(), id, headline, version };
}

const FAILING = article('pti-failing', 'Monsoon reaches Kerala');
const DONE = article('pti-done', 'Sensex closes higher', 2);
const WAITING = article('pti-waiting', 'Nepal PM to visit India next week');
const KILLED = article('pti-killed', 'Withdrawn story');

let connection: Redis;
let queue: Queue<PublishJob>;
let worker: Worker<PublishJob>;
let config = '';

/** Takes the next job as a consumer would and fails or completes it, so states are exact. */
async function consumeNext(outcome: 'fail' | 'complete'): Promise<string | undefined> {
  const job = await worker.getNextJob('test-token', { block: false });
  if (!job) throw new Error('no job to take');
  if (outcome === 'fail') await job.moveToFailed(new Error('CMS down'), 'test-token');
  else await job.moveToCompleted('ok', 'test-token', false);
  return job.id;
}

function queueCli(args: string[]) {
  return runCli(['queue', ...args, '--config', config], { env });
}

beforeAll(async () => {
  await flushDb(URL);
  config = writeTempConfig('publisher: { name: Mid-day }\nfeeds: []\n');
  connection = new Redis(URL, { maxRetriesPerRequest: null });
  queue = new Queue<PublishJob>(QUEUE, { connection });
  worker = new Worker<PublishJob>(QUEUE, null, { connection });
  // attempts: 1 so one failure is final; the publisher's own jobs retry five times with backoff.
  await queue.add(
    'publish',
    { action: 'publish', article: FAILING },
    { jobId: 'pti-failing-v1', attempts: 1 },
  );
  expect(await consumeNext('fail')).toBe('pti-failing-v1');
  await queue.add('update', { action: 'update', article: DONE }, { jobId: 'pti-done-v2' });
  expect(await consumeNext('complete')).toBe('pti-done-v2');
  const publisher = new BullMqPublisher(connection, QUEUE);
  await publisher.publish(
    [
      { job: { action: 'publish', article: WAITING }, previousVersion: null },
      { job: { action: 'kill', article: { ...KILLED, status: 'canceled' } }, previousVersion: null },
    ],
    new Date(),
  );
});

afterAll(async () => {
  await worker?.close();
  await queue?.close();
  connection?.disconnect();
});

describe('wirefeed queue list', () => {
  it('lists recent jobs of every state as JSON', async () => {
    const { code, stdout } = await queueCli(['list', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(4);
    expect(rows).toContainEqual(
      expect.objectContaining({
        id: 'pti-failing-v1',
        action: 'publish',
        state: 'failed',
        article_id: 'pti-failing',
        version: 1,
        headline: 'Monsoon reaches Kerala',
        attempts: 1,
        failed_reason: 'CMS down',
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        finished_at: expect.stringMatching(/Z$/),
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ id: 'pti-done-v2', state: 'completed', version: 2 }),
    );
    expect(rows).toContainEqual(expect.objectContaining({ id: 'pti-killed-v1', action: 'kill' }));
    expect(rows).toContainEqual(
      expect.objectContaining({ id: 'pti-waiting-v1', state: 'prioritized', failed_reason: null }),
    );
  });

  it('filters by state and honours --limit', async () => {
    const failed = JSON.parse((await queueCli(['list', '--state', 'failed', '--json'])).stdout);
    expect(failed.map((r: { id: string }) => r.id)).toEqual(['pti-failing-v1']);
    expect(JSON.parse((await queueCli(['list', '--limit', '1', '--json'])).stdout)).toHaveLength(1);
  });

  it('prints a table for people', async () => {
    const { code, stdout } = await queueCli(['list', '--state', 'failed']);
    expect(code).toBe(0);
    const [header, row] = stdout.split('\n');
    expect(header).toMatch(/^JOB\s+ACTION\s+STATE\s+ATTEMPTS\s+CREATED\s+HEADLINE\s+ERROR$/);
    expect(row).toMatch(/^pti-failing-v1\s+publish\s+failed\s+1\s+\S+Z\s+Monsoon reaches Kerala\s+CMS down$/);
  });

  it('refuses an unknown state', async () => {
    const { code, stderr } = await queueCli(['list', '--state', 'stuck']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--state <state>' argument 'stuck' is invalid/);
  });
});

describe('wirefeed queue show', () => {
  it("prints the job's state and its article", async () => {
    const { code, stdout } = await queueCli(['show', 'pti-waiting-v1']);
    expect(code).toBe(0);
    const job = JSON.parse(stdout);
    expect(job).toMatchObject({ id: 'pti-waiting-v1', action: 'publish', state: 'prioritized' });
    expect(job.article).toEqual(WAITING);
  });

  it('names a job id that does not exist in one line, exit 1', async () => {
    const { code, stdout, stderr } = await queueCli(['show', 'nope-v1']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('wirefeed: no job "nope-v1" in queue "publish"\n');
  });
});

describe('wirefeed queue retry', () => {
  it('moves a failed job back to waiting with fresh attempts', async () => {
    const { code, stdout } = await queueCli(['retry', 'pti-failing-v1']);
    expect(code).toBe(0);
    expect(stdout).toBe('retried pti-failing-v1\n');
    const job = JSON.parse((await queueCli(['show', 'pti-failing-v1'])).stdout);
    expect(job).toMatchObject({ state: 'waiting', attempts: 0, failed_reason: null });
  });

  it('retries only failed jobs', async () => {
    const { code, stderr } = await queueCli(['retry', 'pti-done-v2']);
    expect(code).toBe(1);
    expect(stderr).toBe('wirefeed: job "pti-done-v2" is completed; only failed jobs are retried\n');
    expect((await queueCli(['retry', 'nope-v1'])).stderr).toBe(
      'wirefeed: no job "nope-v1" in queue "publish"\n',
    );
  });

  it('retries every failed job with --all-failed', async () => {
    expect(await consumeNext('fail')).toBe('pti-failing-v1');
    const { code, stdout } = await queueCli(['retry', '--all-failed']);
    expect(code).toBe(0);
    expect(stdout).toBe('retried 1 failed job\n');
    expect(await queue.getJobState('pti-failing-v1')).toBe('waiting');
  });

  it('wants a job id or --all-failed, not both or neither (exit 2)', async () => {
    for (const args of [['retry'], ['retry', 'pti-failing-v1', '--all-failed'], ['remove']]) {
      const { code, stderr } = await queueCli(args);
      expect(code).toBe(2);
      expect(stderr).toBe('wirefeed: give either a job id or --all-failed\n');
    }
  });
});

describe('wirefeed queue remove', () => {
  it('removes every failed job with --all-failed and leaves the others', async () => {
    expect(await consumeNext('fail')).toBe('pti-failing-v1');
    const { code, stdout } = await queueCli(['remove', '--all-failed']);
    expect(code).toBe(0);
    expect(stdout).toBe('removed 1 failed job\n');
    expect(await queue.getJob('pti-failing-v1')).toBeUndefined();
    expect(await queue.getJobCounts('failed', 'completed', 'prioritized')).toEqual({
      failed: 0,
      completed: 1,
      prioritized: 2,
    });
  });

  it('removes one job by id, and names one that does not exist', async () => {
    const { code, stdout } = await queueCli(['remove', 'pti-killed-v1']);
    expect(code).toBe(0);
    expect(stdout).toBe('removed pti-killed-v1\n');
    expect(await queue.getJob('pti-killed-v1')).toBeUndefined();
    const again = await queueCli(['remove', 'pti-killed-v1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('wirefeed: no job "pti-killed-v1" in queue "publish"\n');
  });
});
