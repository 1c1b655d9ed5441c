/**
 * Timing for the benchmark: warm runs first, then as many measured runs as fit the case's time
 * budget (at least `min`, at most `max`), reported as median and min/max.
 */

export interface Timing {
  /** Milliseconds, one per measured run, in run order. */
  runs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface MeasureOptions {
  warmup?: number;
  /** Time the measured runs of one case may take, roughly. */
  budgetMs?: number;
  min?: number;
  max?: number;
  /** Runs before each iteration, untimed (fresh queue names, flushes). */
  before?: (iteration: number) => Promise<void> | void;
}

export async function measure(
  fn: (iteration: number) => Promise<unknown> | unknown,
  options: MeasureOptions = {},
): Promise<Timing> {
  const { warmup = 1, budgetMs = 2_500, min = 3, max = 15, before } = options;
  let iteration = 0;
  const once = async () => {
    await before?.(iteration);
    const started = performance.now();
    await fn(iteration);
    iteration += 1;
    return performance.now() - started;
  };
  let first = 0;
  for (let i = 0; i < warmup; i++) first = await once();
  const planned = Math.max(min, Math.min(max, Math.floor(budgetMs / Math.max(first, 0.01))));
  const runs: number[] = [];
  for (let i = 0; i < planned; i++) runs.push(await once());
  return summarise(runs);
}

export function summarise(runs: number[]): Timing {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { runs, medianMs: median, minMs: sorted[0] ?? 0, maxMs: sorted.at(-1) ?? 0 };
}
