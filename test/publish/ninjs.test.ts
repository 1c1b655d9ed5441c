/**
 * `toNinjs()` output validates against the official IPTC ninjs 3.1 schema (schemas/ninjs/, vendored
 * with its GeoJSON dependency so nothing is fetched), for every fixture feed and for the fields
 * wire copy needs: bodies, by, located, infoSources, disclaimer, pubStatus, urgency, subjects,
 * altIds, media associations and embargoes.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest.js';
import { type Article, IngestError } from '../../src/model/index.js';
import { toNinjs } from '../../src/publish/ninjs.js';
import { sampleArticle } from '../helpers/article.js';
import { FIXTURE_ROOT, fixtureFeeds, fixtureSettings } from '../helpers/fixture-feeds.js';
import { mutate, mutation } from '../helpers/mutations.js';
import { expectValidNinjs as expectValid, validateNinjs as validate } from '../helpers/ninjs-schema.js';

/** The fixture's articles; a document damaged beyond reading has none. */
function articlesOf(fixture: string, bytes: Uint8Array): Article[] {
  try {
    return ingest({
      bytes,
      settings: fixtureSettings(fixture),
      source: relative(FIXTURE_ROOT, fixture),
      contentType: null,
      fetchedAt: new Date('2023-06-06T15:00:00Z'),
    }).articles;
  } catch (err) {
    if (err instanceof IngestError) return [];
    throw err;
  }
}

function article(overrides: Partial<Article> = {}): Article {
  return { ...sampleArticle(), ...overrides };
}

describe('toNinjs against the ninjs 3.1 schema', () => {
  const fixtures = fixtureFeeds();

  for (const fixture of fixtures) {
    it(`validates every article of ${relative(FIXTURE_ROOT, fixture)}`, () => {
      const articles = articlesOf(fixture, readFileSync(fixture));
      expect(articles.length).toBeGreaterThan(0);
      for (const a of articles) expectValid(toNinjs(a));
    });
  }

  it('validates the articles of damaged fixture feeds too', () => {
    const input = fc.record({
      fixture: fc.constantFrom(...fixtures),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(input, ({ fixture, mutations }) => {
        const bytes = mutations.reduce(mutate, new Uint8Array(readFileSync(fixture)));
        for (const a of articlesOf(fixture, bytes)) expectValid(toNinjs(a));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('rejects what ninjs forbids, so the validator is really checking', () => {
    expect(validate({ uri: 'urn:x', pubStatus: 'published' })).toBe(false);
    expect(validate({ uri: 'urn:x', urgency: 0 })).toBe(false);
    expect(validate({ uri: 'urn:x', wirefeed: true })).toBe(false);
  });
});

describe('toNinjs fields', () => {
  it('gives the headline and both bodies, HTML and plain text', () => {
    const ninjs = toNinjs(article());
    expect(ninjs.headlines).toEqual([{ role: 'main', value: 'Nepal PM to visit India next week' }]);
    expect(ninjs.bodies).toEqual([
      { role: 'main', contentType: 'text/html', value: sampleArticle().bodyHtml },
      { role: 'main', contentType: 'text/plain', value: sampleArticle().bodyText },
    ]);
    expectValid(ninjs);
  });

  it('gives the byline as by and the dateline place as located', () => {
    const ninjs = toNinjs(article({ byline: 'Shirish B Pradhan' }));
    expect(ninjs).toMatchObject({ by: 'Shirish B Pradhan', located: 'Kathmandu' });
    expectValid(ninjs);
  });

  it('names the agency as the originating infoSource', () => {
    expect(toNinjs(article()).infoSources).toEqual([
      { name: 'Press Trust of India', literal: 'PTI', role: 'originfo' },
    ]);
    expect(toNinjs(article({ agency: null })).infoSources).toBeUndefined();
  });

  it('carries the disclaimer as a disclaimer description beside the summary', () => {
    const ninjs = toNinjs(
      article({
        summary: 'Short.',
        disclaimer: { key: 'default', text: 'From PTI; not edited by Mid-day.' },
      }),
    );
    expect(ninjs.descriptions).toEqual([
      { role: 'summary', contentType: 'text/plain', value: 'Short.' },
      { role: 'disclaimer', contentType: 'text/plain', value: 'From PTI; not edited by Mid-day.' },
    ]);
    expectValid(ninjs);
  });

  for (const status of ['usable', 'withheld', 'canceled'] as const) {
    it(`gives pubStatus ${status}`, () => {
      const ninjs = toNinjs(article({ status }));
      expect(ninjs.pubStatus).toBe(status);
      expectValid(ninjs);
    });
  }

  it('gives urgency only when the source states one', () => {
    expect(toNinjs(article({ urgency: 2 })).urgency).toBe(2);
    expect(toNinjs(article()).urgency).toBeUndefined();
    expectValid(toNinjs(article({ urgency: 2 })));
  });

  it('gives subjects a uri when they have one and a name always', () => {
    const ninjs = toNinjs(
      article({
        subjects: [
          { name: 'Economy', uri: 'http://cv.iptc.org/newscodes/mediatopic/04000000' },
          { name: 'World News', uri: null },
          { name: 'Odd', uri: 'not a uri' },
        ],
      }),
    );
    expect(ninjs.subjects).toEqual([
      { name: 'Economy', uri: 'http://cv.iptc.org/newscodes/mediatopic/04000000' },
      { name: 'World News' },
      { name: 'Odd', literal: 'not a uri' },
    ]);
    expectValid(ninjs);
  });

  it('gives the wirefeed id and the source guid as altIds', () => {
    expect(toNinjs(article()).altIds).toEqual([
      { role: 'wirefeed', value: 'pti-000000000000000000000001' },
      { role: 'sourceGuid', value: 'FGN25-20230606' },
    ]);
  });

  it('gives media as associations with a rendition each', () => {
    const ninjs = toNinjs(
      article({
        media: [
          {
            kind: 'image',
            url: 'https://img.example.test/a.jpg',
            mimeType: 'image/jpeg',
            caption: 'Map of Nepal',
            credit: 'istock',
            width: 1200,
            height: 800,
          },
          {
            kind: 'video',
            url: 'https://img.example.test/v.mp4',
            mimeType: null,
            caption: null,
            credit: null,
            width: null,
            height: null,
          },
        ],
      }),
    );
    expect(ninjs.associations).toEqual([
      {
        name: 'media1',
        uri: 'https://img.example.test/a.jpg',
        type: 'picture',
        descriptions: [{ role: 'caption', contentType: 'text/plain', value: 'Map of Nepal' }],
        by: 'istock',
        renditions: [
          {
            name: 'original',
            href: 'https://img.example.test/a.jpg',
            contentType: 'image/jpeg',
            width: 1200,
            height: 800,
          },
        ],
      },
      {
        name: 'media2',
        uri: 'https://img.example.test/v.mp4',
        type: 'video',
        renditions: [{ name: 'original', href: 'https://img.example.test/v.mp4' }],
      },
    ]);
    expectValid(ninjs);
  });

  it('gives embargoedUntil when the story is embargoed', () => {
    const ninjs = toNinjs(article({ embargoedUntil: '2023-06-07T00:00:00Z' }));
    expect(ninjs.embargoedUntil).toBe('2023-06-07T00:00:00Z');
    expectValid(ninjs);
  });

  it('percent-encodes URL characters RFC 3986 does not allow, and drops media with no URI', () => {
    const image = sampleMedia('https://img.example.test/r/w=100|h=50/नक्शा.jpg');
    const ninjs = toNinjs(
      article({ url: 'https://x.test/a^b', media: [image, sampleMedia('/relative.jpg')] }),
    );
    expect(ninjs.renditions).toEqual([
      { name: 'web', href: 'https://x.test/a%5Eb', contentType: 'text/html' },
    ]);
    expect(ninjs.associations).toMatchObject([
      { uri: 'https://img.example.test/r/w=100%7Ch=50/%E0%A4%A8%E0%A4%95%E0%A5%8D%E0%A4%B6%E0%A4%BE.jpg' },
    ]);
    expectValid(ninjs);
  });

  it('keeps out-of-scale urgency out rather than emit invalid ninjs', () => {
    expect(toNinjs(article({ urgency: 0 })).urgency).toBeUndefined();
    expect(toNinjs(article({ urgency: 12 })).urgency).toBeUndefined();
  });

  it('declares the standard it conforms to', () => {
    expect(toNinjs(article()).standard).toEqual({
      name: 'ninjs',
      version: '3.1',
      schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json',
    });
  });

  it('leaves out every field the article does not have, as ninjs has no nulls', () => {
    const ninjs = toNinjs(
      article({ agency: null, dateline: null, language: null, sourceGuid: null, url: null }),
    );
    expect(Object.values(ninjs)).not.toContain(null);
    expectValid(ninjs);
  });
});

function sampleMedia(url: string): Article['media'][number] {
  return { kind: 'image', url, mimeType: null, caption: null, credit: null, width: null, height: null };
}

describe('toNinjs URIs', () => {
  it('percent-encodes brackets outside the host, which WHATWG URLs keep but RFC 3986 forbids', () => {
    const ninjs = toNinjs({ ...article(), url: 'https://wire.example.test/ani/nat[ional]' });
    expect(ninjs.renditions).toEqual([
      expect.objectContaining({ href: 'https://wire.example.test/ani/nat%5Bional%5D' }),
    ]);
    expectValid(ninjs);
  });
});
