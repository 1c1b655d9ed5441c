/**
 * The ingest worker pool (built dist/, as `wirefeed run` loads it: a worker thread cannot load the
 * TypeScript sources) against inline ingest on the same input, with the longest the main event
 * loop went without a 5 ms timer firing during each.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as PoolModule from '../src/workers/ingest-pool.js';
import { BENCH_SETTINGS, type BenchInput, FETCHED_AT } from './inputs.js';
import { wirefeedIngest } from './parse-cases.js';
import { type BenchResult, timed } from './result.js';
import { measure } from './stats.js';

const POOL_URL = new URL('../dist/workers/ingest-pool.js', import.meta.url);

export async function poolCases(input: BenchInput): Promise<BenchResult[]> {
  if (!existsSync(fileURLToPath(POOL_URL))) return [];
  const { IngestPool } = (await import(POOL_URL.href)) as typeof PoolModule;
  const pool = new IngestPool({ size: 1, inlineBelowBytes: 0 });
  const shape = { name: input.name, items: input.items, bytes: input.bytes.byteLength };
  const task = { bytes: input.bytes, settings: BENCH_SETTINGS, source: input.name, contentType: null };
  try {
    let inlineStall = 0;
    let poolStall = 0;
    const inline = await measure(async () => {
      inlineStall = Math.max(inlineStall, await longestStall(async () => wirefeedIngest(input)));
    });
    const pooled = await measure(async () => {
      poolStall = Math.max(
        poolStall,
        await longestStall(() => pool.ingest({ ...task, fetchedAt: FETCHED_AT })),
      );
    });
    return [
      timed(
        'wirefeed',
        'ingest inline (stall)',
        shape,
        inline,
        `event loop blocked up to ${Math.round(inlineStall)} ms`,
      ),
      timed(
        'wirefeed',
        'ingest in worker pool',
        shape,
        pooled,
        `event loop blocked up to ${Math.round(poolStall)} ms`,
      ),
    ];
  } finally {
    await pool.close();
  }
}

/** The longest interval between 5 ms timer ticks (and the start and end) while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const marks = [performance.now()];
  // The tick is scheduled before the work starts, so inline work shows as one long gap.
  const timer = setInterval(() => marks.push(performance.now()), 5);
  await new Promise((resolve) => setImmediate(resolve));
  await work();
  marks.push(performance.now());
  clearInterval(timer);
  return Math.max(...marks.slice(1).map((t, i) => t - (marks[i] ?? t)));
}
