/** One line of the bench table, as printed and as written to bench/results/latest.json. */
import type { Timing } from './stats.js';

export type Group = 'floor' | 'peer' | 'wirefeed' | 'polling' | 'memory';

export interface BenchResult {
  group: Group;
  name: string;
  input: string;
  items: number;
  bytes: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  /** items (or polls) per second at the median. */
  itemsPerSec: number;
  /** MB (10^6 bytes) per second at the median; 0 when no bytes are read. */
  mbPerSec: number;
  /** Memory cases: peak resident set of a fresh process, and its resident set before the work. */
  peakRssMb?: number;
  baselineRssMb?: number;
  note?: string;
}

export function timed(
  group: Group,
  name: string,
  input: { name: string; items: number; bytes: number },
  timing: Timing,
  note?: string,
): BenchResult {
  const seconds = timing.medianMs / 1000;
  return {
    group,
    name,
    input: input.name,
    items: input.items,
    bytes: input.bytes,
    medianMs: round(timing.medianMs),
    minMs: round(timing.minMs),
    maxMs: round(timing.maxMs),
    runs: timing.runs.length,
    itemsPerSec: round(input.items / seconds),
    mbPerSec: round(input.bytes / 1e6 / seconds),
    ...(note ? { note } : {}),
  };
}

export function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}
