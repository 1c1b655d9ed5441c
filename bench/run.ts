/**
 * `npm run bench`: every case of issue 7 in one run, side by side on the same generated inputs,
 * against a redis-server and HTTP servers it starts itself on 127.0.0.1. Prints the table and the
 * ratios, writes them to bench/results/latest.json, and stops by itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectRedis } from '../src/redis/connection.js';
import { startEmbeddedRedis } from '../src/redis/embedded.js';
import { benchInputs } from './inputs.js';
import { memoryCases } from './memory-cases.js';
import { parseCases } from './parse-cases.js';
import { pollingCases } from './polling.js';
import { poolCases } from './pool-cases.js';
import { redisCases } from './redis-cases.js';
import { markdownTable, ratios, ratioTable, table, writeJson } from './report.js';
import type { BenchResult } from './result.js';
import { serviceRssCase } from './service-rss.js';

const RESULTS_FILE = fileURLToPath(new URL('./results/latest.json', import.meta.url));
const MARKDOWN_FILE = fileURLToPath(new URL('./results/latest.md', import.meta.url));
/** A stuck run still ends: the whole bench takes about two and a half minutes on two cores. */
const WATCHDOG_MS = 8 * 60_000;
const REDIS_INPUTS = ['rss-1k', 'rss-10k', 'newsml-g2-1k'];

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'wirefeed-bench-redis-'));
  const server = await startEmbeddedRedis({ dataDir, port: 0, appendOnly: false });
  const redis = connectRedis(server.url, 'bench');
  const results: BenchResult[] = [];
  try {
    const inputs = benchInputs();
    for (const input of inputs) {
      log(`parsing ${input.name} (${(input.bytes.byteLength / 1e6).toFixed(1)} MB)`);
      results.push(...(await parseCases(input)));
    }
    const large = inputs.find((i) => i.name === 'rss-10k');
    if (large) {
      log('worker pool (dist/)');
      results.push(...(await poolCases(large)));
    }
    for (const input of inputs.filter((i) => REDIS_INPUTS.includes(i.name))) {
      log(`redis ${input.name}`);
      results.push(...(await redisCases(redis, input)));
    }
    log('polling');
    results.push(...(await pollingCases(server.url, 3_000)));
    log('memory (fresh processes, 50 MB feed)');
    results.push(...(await memoryCases(50)));
    log('service steady-state memory');
    const service = await serviceRssCase(server.url, 10_000);
    if (service) results.push(service);
  } finally {
    await redis.quit().catch(() => redis.disconnect());
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const list = ratios(results);
  const machine = {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
  };
  const benchPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const durationS = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`\n${table(results)}\n\nratios\n${ratioTable(list)}\n\n`);
  process.stdout.write(
    `machine: ${machine.nproc} × ${machine.cpu}, ${machine.memoryGb} GB, node ${machine.node}; ` +
      `bench peak RSS ${benchPeakRssMb} MB; ${durationS} s\n`,
  );
  writeJson(RESULTS_FILE, {
    date: new Date().toISOString(),
    machine,
    durationS,
    benchPeakRssMb,
    results,
    ratios: list,
  });
  writeFileSync(MARKDOWN_FILE, `${markdownTable(results)}\n`);
  process.stdout.write(`written to ${RESULTS_FILE} and ${MARKDOWN_FILE}\n`);
}

const watchdog = setTimeout(() => {
  log(`still running after ${WATCHDOG_MS / 1000} s: giving up`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
