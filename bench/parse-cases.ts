/**
 * Parsing side by side on the same bytes: the raw fast-xml-parser floor, the peers (rss-parser,
 * feedsmith) and wirefeed's own stages. Every case starts from bytes, so decoding is in each.
 */
import { XMLParser } from 'fast-xml-parser';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import RssParser from 'rss-parser';
import sanitizeHtml from 'sanitize-html';
import { parseFeed } from '../src/formats/index.js';
import { ingest } from '../src/ingest.js';
import { sanitiseHtml } from '../src/normalise/html.js';
import { BENCH_SETTINGS, type BenchInput, FETCHED_AT } from './inputs.js';
import { type BenchResult, timed } from './result.js';
import { measure } from './stats.js';

const decoder = new TextDecoder();
/** The floor: fast-xml-parser with attributes and its default entity handling, nothing else. */
const floorParser = new XMLParser({ ignoreAttributes: false });
const rssParser = new RssParser();

export function parseFloor(bytes: Uint8Array): unknown {
  return floorParser.parse(decoder.decode(bytes));
}

export function wirefeedParse(input: BenchInput) {
  return parseFeed(input.bytes, { contentType: null, fileName: null, declared: null });
}

export function wirefeedIngest(input: BenchInput) {
  return ingest({
    bytes: input.bytes,
    settings: BENCH_SETTINGS,
    source: `bench/${input.name}`,
    contentType: null,
    fetchedAt: FETCHED_AT,
  });
}

export async function parseCases(input: BenchInput): Promise<BenchResult[]> {
  const shape = { name: input.name, items: input.items, bytes: input.bytes.byteLength };
  const results: BenchResult[] = [];
  const add = async (group: BenchResult['group'], name: string, fn: () => unknown, note?: string) => {
    results.push(timed(group, name, shape, await measure(fn), note));
  };
  await add('floor', 'fast-xml-parser', () => parseFloor(input.bytes), 'decode + XMLParser.parse');
  if (input.kind === 'rss' || input.kind === 'atom') {
    await add('peer', 'rss-parser', () => rssParser.parseString(decoder.decode(input.bytes)));
    const feedsmith = input.kind === 'rss' ? parseRssFeed : parseAtomFeed;
    await add('peer', 'feedsmith', () => feedsmith(decoder.decode(input.bytes)));
  }
  await add('wirefeed', 'parse', () => wirefeedParse(input), 'decode, repair, validate, parse, to drafts');
  const drafts = wirefeedParse(input).items.flatMap((i) => (i.ok ? [i.draft] : []));
  const bodies = drafts.map((d) => d.bodyHtml ?? '');
  await add(
    'peer',
    'sanitize-html',
    () => bodies.map((b) => sanitizeHtml(b)),
    'its default allowlist, bodies alone',
  );
  await add(
    'wirefeed',
    'sanitise',
    () => bodies.map((b) => sanitiseHtml(b, null)),
    'allowlist over htmlparser2, bodies alone',
  );
  await add('wirefeed', 'ingest', () => wirefeedIngest(input), 'parse + normalise + sanitise + hash');
  return results;
}
