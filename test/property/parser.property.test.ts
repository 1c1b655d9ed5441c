/**
 * Whatever bytes arrive, `ingest()` either returns or throws an IngestError, and does so quickly:
 * random strings and bytes, XML-ish token soup, and mutations of every fixture feed (truncation,
 * byte flips, tag deletion, duplicated fragments).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT_MODULES } from '../../src/formats/registry.js';
import { ingest } from '../../src/ingest.js';
import { type FeedFormat, IngestError } from '../../src/model/index.js';
import { fixtureFeeds, fixtureSettings } from '../helpers/fixture-feeds.js';
import { mutate, mutation } from '../helpers/mutations.js';

/** FC_RUNS=5000 for a deeper search than the default suite's. */
const RUNS = Number(process.env.FC_RUNS ?? 200);
/** Per input; a fixture-sized feed ingests in a few milliseconds. */
const SLOW_MS = 1000;

function ingestOnly(bytes: Uint8Array, fixture: string, declared: FeedFormat | null = null): void {
  const started = performance.now();
  try {
    ingest({
      bytes,
      settings: { ...fixtureSettings(fixture), format: declared },
      source: fixture,
      contentType: null,
      fetchedAt: new Date('2023-06-06T15:00:00Z'),
    });
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
  }
  expect(performance.now() - started).toBeLessThan(SLOW_MS);
}

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Detection, or a format a feed's config declares (any registered one, whatever the bytes are). */
const declared = fc.constantFrom<FeedFormat | null>(null, ...FORMAT_MODULES.map((m) => m.format));

// biome-ignore format: one list reads better than one token a line
const TOKENS = [
  '<?xml version="1.0"?>', '<?xml version="1.0" encoding="windows-1252"?>', '<rss version="2.0">', '</rss>',
  '<channel>', '</channel>', '<item>', '</item>', '<title>', '</title>', '<description>', '</description>',
  '<feed xmlns="http://www.w3.org/2005/Atom">', '</feed>', '<entry>', '</entry>', '<content type="xhtml">',
  '<content type="html">', '</content>', '<div xmlns="http://www.w3.org/1999/xhtml">', '</div>',
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', '</rdf:RDF>', '<pubDate>', '</pubDate>',
  'Tue, 06 Jun 2023 18:23:00 +0530', '<guid>', '</guid>', '<media:content url="https://x.test/a.jpg"/>',
  '<![CDATA[', ']]>', '<!--', '-->', '<!DOCTYPE rss [<!ENTITY a "&b;&b;">]>', '&a;', '&amp;', '&lt;p&gt;',
  '&#x1F600;', '&#0;', '&nbsp;', '&', '<', '>', '"', "'", '<br>', '<p>', '</p>', '{', '}', '[', ']',
  '"items":', '"version": "https://jsonfeed.org/version/1.1"', '"title": "x"', 'PTI', 'Islamabad, Jun 6 (PTI)',
  '\u0000', '\uFEFF', '\uD800', ' ', '\n',
];

describe('ingest() on arbitrary input', () => {
  it('throws nothing but IngestError for random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), declared, (text, format) => {
        ingestOnly(utf8(text), 'random.xml', format);
      }),
      { numRuns: RUNS },
    );
  });

  it('throws nothing but IngestError for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), declared, (bytes, format) => {
        ingestOnly(bytes, 'random.bin', format);
      }),
      { numRuns: RUNS },
    );
  });

  it('throws nothing but IngestError for XML and JSON token soup', () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));
    fc.assert(
      fc.property(soup, declared, (text, format) => ingestOnly(utf8(text), 'soup.xml', format)),
      { numRuns: RUNS },
    );
  });
});

describe('ingest() on text that only misuses & and <', () => {
  // biome-ignore format: one list reads better than one token a line
  const PIECES = ['&', ';', '#', 'x', 'X', 'a', 'Z', '1', 'f', '-', '.', '_', ' ', '< ', '<3', '<=', 'amp', 'nbsp',
    'lt', 'rsquo', '&#', '&#x', 'é', '\u00a0'];

  it('never makes an otherwise well-formed feed malformed', () => {
    const soup = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(soup, (text) => {
        const xml = `<rss><channel><item><guid>g</guid><title>t ${text}</title><description>${text}</description></item></channel></rss>`;
        const { articles } = ingest({
          bytes: utf8(xml),
          settings: fixtureSettings('soup.xml'),
          source: 'soup.xml',
          contentType: null,
          fetchedAt: new Date('2023-06-06T15:00:00Z'),
        });
        expect(articles).toHaveLength(1);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('ingest() on mutated fixture feeds', () => {
  const fixtures = fixtureFeeds();

  it('has fixtures to mutate', () => {
    expect(fixtures.length).toBeGreaterThan(5);
  });

  it('throws nothing but IngestError, and never hangs', () => {
    const input = fc.record({
      fixture: fc.constantFrom(...fixtures),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(input, ({ fixture, mutations }) => {
        const bytes = mutations.reduce(mutate, new Uint8Array(readFileSync(fixture)));
        ingestOnly(bytes, fixture);
      }),
      { numRuns: RUNS },
    );
  });
});
