/** Runs each memory case of memory.ts in its own process over one generated file. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateRssOfSize } from './generate.js';
import { MEMORY_CASES, type MemoryReading } from './memory.js';
import { type BenchResult, round } from './result.js';

const run = promisify(execFile);

export async function memoryCases(megabytes: number): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wirefeed-bench-mem-'));
  const file = join(dir, 'feed.rss.xml');
  const text = generateRssOfSize(megabytes * 1e6);
  writeFileSync(file, text);
  const bytes = Buffer.byteLength(text);
  const items = text.split('<item>').length - 1;
  const script = new URL('./memory.ts', import.meta.url).pathname;
  const results: BenchResult[] = [];
  try {
    for (const name of MEMORY_CASES) {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script, name, file], {
        maxBuffer: 1 << 20,
      });
      const reading = JSON.parse(stdout.trim()) as MemoryReading;
      results.push({
        group: 'memory',
        name,
        input: `rss ${Math.round(bytes / 1e6)} MB`,
        items,
        bytes,
        medianMs: round(reading.ms),
        minMs: round(reading.ms),
        maxMs: round(reading.ms),
        runs: 1,
        itemsPerSec: round(items / (reading.ms / 1000)),
        mbPerSec: round(bytes / 1e6 / (reading.ms / 1000)),
        peakRssMb: reading.peakRssMb,
        baselineRssMb: reading.baselineRssMb,
        note: 'fresh process; peak resident set',
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
