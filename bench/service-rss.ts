/**
 * The service's steady-state memory: the built `wirefeed run` (dist/main.js, what production runs)
 * with 100 feeds polled every few seconds against the local 304 server, its resident set read
 * from /proc after a few poll cycles. The database is emptied first, as `npm run bench` leaves it
 * before this case: every feed's first poll is then a 200 whose ten items are ingested and queued,
 * and the polls after it 304s. Without the flush a second run would start from the first one's
 * validators and measure a lighter service.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { connectRedis } from '../src/redis/connection.js';
import { notModifiedServer } from './feed-server.js';
import { FEEDS, pollingConfig } from './polling.js';
import type { BenchResult } from './result.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export async function serviceRssCase(redisUrl: string, durationMs: number): Promise<BenchResult | null> {
  if (!existsSync(MAIN) || !existsSync('/proc/self/status')) return null;
  const redis = connectRedis(redisUrl, 'bench-rss');
  await redis.flushdb();
  await redis.quit();
  const server = await notModifiedServer();
  const config = pollingConfig(server.base, redisUrl, 2);
  const child = spawn(process.execPath, [MAIN, 'run', '--config', config], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const samples: number[] = [];
  try {
    const started = Date.now();
    while (Date.now() - started < durationMs && child.exitCode === null) {
      await sleep(500);
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      if (rss) samples.push(Number(rss) / 1024);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    await server.close();
  }
  const steady = samples.slice(Math.floor(samples.length / 2));
  const polls = server.requests();
  return {
    group: 'memory',
    name: 'wirefeed run (service)',
    input: `${FEEDS} feeds every 2 s, 304`,
    items: polls,
    bytes: 0,
    medianMs: 0,
    minMs: 0,
    maxMs: 0,
    runs: samples.length,
    itemsPerSec: Math.round((polls / durationMs) * 1000),
    mbPerSec: 0,
    peakRssMb: Math.round(Math.max(...steady) * 10) / 10,
    baselineRssMb: Math.round((samples[0] ?? 0) * 10) / 10,
    note: `steady state (second half of ${durationMs / 1000} s); ${polls} requests served`,
  };
}
