/**
 * Peak resident memory of one case in a fresh process (`node --import tsx bench/memory.ts CASE FILE`):
 * a process's peak cannot be reset, so each case gets its own. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { BENCH_SETTINGS, FETCHED_AT } from './inputs.js';

export const MEMORY_CASES = ['fast-xml-parser', 'wirefeed parse', 'wirefeed ingest'] as const;
export type MemoryCase = (typeof MEMORY_CASES)[number];

export interface MemoryReading {
  case: MemoryCase;
  baselineRssMb: number;
  peakRssMb: number;
  ms: number;
}

async function run(name: MemoryCase, file: string): Promise<MemoryReading> {
  const { parseFloor } = await import('./parse-cases.js');
  const { parseFeed } = await import('../src/formats/index.js');
  const { ingest } = await import('../src/ingest.js');
  const bytes = new Uint8Array(readFileSync(file));
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  if (name === 'fast-xml-parser') parseFloor(bytes);
  else if (name === 'wirefeed parse') parseFeed(bytes, { contentType: null, fileName: null, declared: null });
  else ingest({ bytes, settings: BENCH_SETTINGS, source: file, contentType: null, fetchedAt: FETCHED_AT });
  const ms = performance.now() - started;
  const mb = (b: number) => Math.round(b / 1e5) / 10;
  return {
    case: name,
    baselineRssMb: mb(baseline),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    ms,
  };
}

const [name, file] = process.argv.slice(2);
if (name !== undefined && file !== undefined && (MEMORY_CASES as readonly string[]).includes(name)) {
  process.stdout.write(`${JSON.stringify(await run(name as MemoryCase, file))}\n`);
}
