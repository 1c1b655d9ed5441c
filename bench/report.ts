/** The bench table, the ratios against floors, peers and the targets of issue 7, and the JSON file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BenchResult } from './result.js';

export interface Ratio {
  what: string;
  input: string;
  /** Throughput ratios: wirefeed's speed ÷ the other's (> 1: wirefeed is faster). Memory: wirefeed ÷ floor. */
  value: number;
  target: string | null;
  met: boolean | null;
}

const find = (results: readonly BenchResult[], group: string, name: string, input: string) =>
  results.find((r) => r.group === group && r.name === name && r.input === input);

/** `other` time ÷ `mine` time: how many times faster wirefeed's case is. */
function speed(mine: BenchResult | undefined, other: BenchResult | undefined): number | null {
  if (!mine || !other || mine.medianMs === 0) return null;
  return Math.round((other.medianMs / mine.medianMs) * 100) / 100;
}

export function ratios(results: readonly BenchResult[]): Ratio[] {
  const out: Ratio[] = [];
  const add = (what: string, input: string, value: number | null, target?: number, atMost = false) => {
    if (value === null) return;
    const met = target === undefined ? null : atMost ? value <= target : value >= target;
    out.push({
      what,
      input,
      value,
      target: target === undefined ? null : `${atMost ? '≤' : '≥'} ${target}`,
      met,
    });
  };
  const inputs = [...new Set(results.filter((r) => r.group === 'wirefeed').map((r) => r.input))];
  for (const input of inputs) {
    const ingest = find(results, 'wirefeed', 'ingest', input);
    const floor = find(results, 'floor', 'fast-xml-parser', input);
    const rss = input.startsWith('rss');
    add('wirefeed parse ÷ fast-xml-parser', input, speed(find(results, 'wirefeed', 'parse', input), floor));
    add('wirefeed ingest ÷ fast-xml-parser', input, speed(ingest, floor), rss ? 0.5 : undefined);
    add(
      'wirefeed ingest ÷ rss-parser',
      input,
      speed(ingest, find(results, 'peer', 'rss-parser', input)),
      rss ? 1 : undefined,
    );
    add('wirefeed ingest ÷ feedsmith', input, speed(ingest, find(results, 'peer', 'feedsmith', input)));
    const e2e = find(results, 'wirefeed', 'end to end', input);
    add('end to end ÷ fast-xml-parser', input, speed(e2e, floor), 0.4);
    const enqueue = find(results, 'wirefeed', 'dedup + enqueue', input);
    add(
      'enqueue ÷ redis pipelined SET',
      input,
      speed(enqueue, find(results, 'floor', 'redis pipelined SET', input)),
      0.3,
    );
  }
  for (const r of results.filter((r) => r.group === 'polling' && r.input.startsWith('304'))) {
    add(`304 polls/s, ${r.name}`, r.input, r.itemsPerSec, 200);
  }
  const memory = results.filter((r) => r.group === 'memory');
  const floorPeak = memory.find((r) => r.name === 'fast-xml-parser');
  const ingestPeak = memory.find((r) => r.name === 'wirefeed ingest');
  if (floorPeak?.peakRssMb && ingestPeak?.peakRssMb) {
    add(
      'peak RSS: wirefeed ingest ÷ fast-xml-parser',
      ingestPeak.input,
      Math.round((ingestPeak.peakRssMb / floorPeak.peakRssMb) * 100) / 100,
      2,
      true,
    );
  }
  const service = memory.find((r) => r.name === 'wirefeed run (service)');
  if (service?.peakRssMb) add('service steady-state RSS, MB', service.input, service.peakRssMb, 150, true);
  return out;
}

/** The columns both tables show; text columns are left-aligned, numbers right-aligned. */
const COLUMNS: readonly { title: string; text?: boolean; cell(r: BenchResult): string }[] = [
  { title: 'group', text: true, cell: (r) => r.group },
  { title: 'case', text: true, cell: (r) => r.name },
  { title: 'input', text: true, cell: (r) => r.input },
  { title: 'items', cell: (r) => String(r.items) },
  { title: 'MB', cell: (r) => (r.bytes ? (r.bytes / 1e6).toFixed(2) : '') },
  { title: 'median ms', cell: (r) => (r.medianMs ? r.medianMs.toFixed(1) : '') },
  { title: 'min–max ms', cell: (r) => (r.medianMs ? `${r.minMs.toFixed(1)}–${r.maxMs.toFixed(1)}` : '') },
  { title: 'items/s', cell: (r) => (r.itemsPerSec ? Math.round(r.itemsPerSec).toLocaleString('en-US') : '') },
  { title: 'MB/s', cell: (r) => (r.mbPerSec ? r.mbPerSec.toFixed(1) : '') },
  { title: 'peak RSS MB', cell: (r) => (r.peakRssMb ? r.peakRssMb.toFixed(0) : '') },
  { title: 'runs', cell: (r) => String(r.runs) },
  { title: 'note', text: true, cell: (r) => r.note ?? '' },
];

export function table(results: readonly BenchResult[]): string {
  const rows = [COLUMNS.map((c) => c.title), ...results.map((r) => COLUMNS.map((c) => c.cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const pad = (row: string[]) =>
    row
      .map((cell, i) => (COLUMNS[i]?.text ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return rows.map(pad).join('\n');
}

/** The same table in Markdown, for README's Performance section (bench/results/latest.md). */
export function markdownTable(results: readonly BenchResult[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const header = line(COLUMNS.map((c) => c.title));
  const rule = line(COLUMNS.map((c) => (c.text ? '---' : '---:')));
  return [header, rule, ...results.map((r) => line(COLUMNS.map((c) => c.cell(r))))].join('\n');
}

export function ratioTable(list: readonly Ratio[]): string {
  const rows = list.map((r) => [
    r.what,
    r.input,
    r.what.includes('MB') || r.what.includes('polls') ? String(r.value) : `${r.value}×`,
    r.target ?? '',
    r.met === null ? '' : r.met ? 'met' : 'NOT met',
  ]);
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((row) => (row[i] ?? '').length), 6));
  return rows
    .map((row) =>
      row
        .map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function writeJson(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
