/** The documents every case of one bench run reads, generated once, and the settings wirefeed reads them with. */
import { DEFAULT_DISCLAIMER } from '../src/config/index.js';
import type { FeedSettings } from '../src/model/feed.js';
import { generateAtom, generateNewsMl, generateRss } from './generate.js';

export type InputKind = 'rss' | 'newsml-g2' | 'atom';

export interface BenchInput {
  name: string;
  kind: InputKind;
  items: number;
  text: string;
  bytes: Uint8Array;
}

function input(name: string, kind: InputKind, items: number, text: string): BenchInput {
  return { name, kind, items, text, bytes: new TextEncoder().encode(text) };
}

export function benchInputs(): BenchInput[] {
  return [
    input('rss-100', 'rss', 100, generateRss(100)),
    input('rss-1k', 'rss', 1_000, generateRss(1_000)),
    input('rss-10k', 'rss', 10_000, generateRss(10_000)),
    input('newsml-g2-1k', 'newsml-g2', 1_000, generateNewsMl(1_000)),
    input('atom-1k', 'atom', 1_000, generateAtom(1_000)),
  ];
}

/** A feed as a publisher would configure an agency wire: agency detected, IST, the default disclaimer. */
export const BENCH_SETTINGS: FeedSettings = {
  id: 'bench',
  agency: null,
  format: null,
  timezone: 'Asia/Kolkata',
  baseUrl: null,
  disclaimer: { key: 'default', template: DEFAULT_DISCLAIMER },
  publisherName: 'Mid-day',
};

export const FETCHED_AT = new Date('2024-06-02T00:00:00Z');
