/**
 * Crash safety: a child process running the real dedup + publish path is SIGKILLed at every step
 * of a commit (reading seen-state, before and after the enqueue, before and after the seen-state
 * write) and at random moments; after a restart the queue holds each expected job exactly once.
 */
import { spawn } from 'node:child_process';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const URL = redisUrlForDb(5);
const QUEUE = 'crash';
const FIXTURES = [
  'fixtures/feeds/pti/world.rss.xml',
  'fixtures/feeds/ani/national.rss.xml',
  'fixtures/feeds/ians/national.rss.xml',
];
const connection = new Redis(URL, { maxRetriesPerRequest: null });
const queue = new Queue(QUEUE, { connection });

afterAll(async () => {
  await queue.close();
  connection.disconnect();
});

function runChild(
  crashAt: string,
  killAfterMs?: number,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['test/helpers/crash-child.mjs'], {
      env: { PATH: process.env.PATH, REDIS_URL: URL, QUEUE, CRASH_AT: crashAt, FIXTURES: FIXTURES.join(',') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0 && signal === null) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ code, signal });
    });
  });
}

async function queuedJobs(): Promise<string[]> {
  const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed']);
  return jobs.map((job) => `${job.name} ${job.id}`).sort();
}

describe('crash safety of dedup + enqueue', () => {
  let expected: string[] = [];

  it('queues every article once on a clean run, and nothing on a re-run', async () => {
    await flushDb(URL);
    expect(await runChild('none')).toEqual({ code: 0, signal: null });
    expected = await queuedJobs();
    expect(expected.length).toBe(6);
    expect(expected.every((job) => /^publish \S+-v1$/.test(job))).toBe(true);
    expect(await runChild('none')).toEqual({ code: 0, signal: null });
    expect(await queuedJobs()).toEqual(expected);
  });

  const points = ['read', 'before-queue', 'after-queue', 'before-write', 'after-write'].flatMap((step) =>
    [1, 2, 3].map((n) => `${step}#${n}`),
  );
  for (const point of points) {
    it(`loses and doubles nothing when killed at ${point}`, async () => {
      await flushDb(URL);
      expect((await runChild(point)).signal).toBe('SIGKILL');
      expect(await runChild('none')).toEqual({ code: 0, signal: null });
      expect(await queuedJobs()).toEqual(expected);
    });
  }

  it('loses and doubles nothing when killed at random moments, again and again', async () => {
    await flushDb(URL);
    for (const delay of [40, 80, 120, 160, 200, 240]) await runChild('none', delay);
    expect(await runChild('none')).toEqual({ code: 0, signal: null });
    expect(await queuedJobs()).toEqual(expected);
  });
});
