import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/formats/index.js';
import { parseJsonFeed } from '../../src/formats/jsonfeed/parse.js';
import { ingest } from '../../src/ingest.js';
import type { FeedDraft, ItemDraft } from '../../src/model/index.js';

const V11 = 'https://jsonfeed.org/version/1.1';

function feed(value: unknown): FeedDraft {
  return parseJsonFeed({ kind: 'json', value });
}

function item(fields: Record<string, unknown>, top: Record<string, unknown> = {}): ItemDraft {
  const result = feed({ version: V11, ...top, items: [{ id: '1', title: 't', ...fields }] }).items[0];
  if (!result?.ok) throw new Error(`expected a parsed item, got ${JSON.stringify(result)}`);
  return result.draft;
}

describe('JSON Feed', () => {
  it('detects JSON Feed 1.0 and 1.1 from the version URL', () => {
    const hints = { contentType: null, fileName: null, declared: null };
    const text = (version: string) => new TextEncoder().encode(JSON.stringify({ version, items: [] }));
    expect(parseFeed(text('https://jsonfeed.org/version/1'), hints).format).toBe('jsonfeed');
    expect(parseFeed(text(V11), hints).format).toBe('jsonfeed');
  });

  it('detects a JSON Feed whose version is not the spec URL from the fields only JSON Feed has', () => {
    const hints = { contentType: null, fileName: null, declared: null };
    const detect = (value: unknown) =>
      parseFeed(new TextEncoder().encode(JSON.stringify(value)), hints).format;
    const items = [{ id: '1', title: 'Budget', content_text: 'Text' }];
    expect(detect({ version: '1.0', items })).toBe('jsonfeed');
    expect(detect({ home_page_url: 'https://a.test/', items: [] })).toBe('jsonfeed');
    expect(() => detect({ version: '1.0', items: [{ id: '1', title: 'no content' }] })).toThrow(
      /unsupported JSON document/,
    );
  });

  it('keeps a numeric id as a string guid', () => {
    expect(item({ id: 4412 }).guid).toBe('4412');
  });

  it('uses url as the link, and external_url when there is no url', () => {
    expect(item({ url: 'https://a.test/x', external_url: 'https://b.test/y' }).link).toBe('https://a.test/x');
    expect(item({ external_url: 'https://b.test/y' }).link).toBe('https://b.test/y');
  });

  it('prefers content_html over content_text', () => {
    expect(item({ content_html: '<p>html</p>', content_text: 'text' }).bodyHtml).toBe('<p>html</p>');
  });

  it('escapes content_text into paragraphs', () => {
    expect(item({ content_text: 'a < b\n\nc' }).bodyHtml).toBe('<p>a &lt; b</p><p>c</p>');
  });

  it('keeps the summary apart from the content, and makes it the body when there is no content', () => {
    expect(item({ content_html: '<p>x</p>', summary: 'Short' })).toMatchObject({
      bodyHtml: '<p>x</p>',
      summaryHtml: '<p>Short</p>',
    });
    expect(item({ summary: 'Short' })).toMatchObject({ bodyHtml: '<p>Short</p>', summaryHtml: null });
  });

  it('decodes entity references left in a title', () => {
    expect(item({ title: 'Minister&#8217;s visit' }).title).toBe('Minister’s visit');
  });

  it('reads 1.1 authors and the 1.0 author object, without repeating a name', () => {
    expect(item({ authors: [{ name: 'A' }, { name: 'B' }], author: { name: 'A' } }).author).toBe('A, B');
    expect(item({ author: { name: 'Desk' } }).author).toBe('Desk');
  });

  it('lets items inherit the feed authors and language', () => {
    expect(item({}, { authors: [{ name: 'PTI Desk' }], language: 'en-IN' })).toMatchObject({
      author: 'PTI Desk',
      language: 'en-IN',
    });
    expect(item({ language: 'hi' }, { language: 'en-IN' }).language).toBe('hi');
  });

  it('reads tags as subjects, also when a single string is sent', () => {
    expect(item({ tags: ['Weather', 'weather', null] }).subjects).toEqual([{ name: 'Weather', uri: null }]);
    expect(item({ tags: 'Economy' }).subjects).toEqual([{ name: 'Economy', uri: null }]);
  });

  it('reads image, banner_image and attachments as media', () => {
    const media = item({
      image: 'https://a.test/i.jpg',
      banner_image: 'https://a.test/b.jpg',
      attachments: [
        { url: 'https://a.test/a.mp3', mime_type: 'audio/mpeg', title: 'Brief' },
        { title: 'no url' },
      ],
    }).media;
    expect(media).toMatchObject([
      { url: 'https://a.test/i.jpg', kind: 'image' },
      { url: 'https://a.test/b.jpg', kind: 'image' },
      { url: 'https://a.test/a.mp3', kind: 'audio', mimeType: 'audio/mpeg', caption: 'Brief' },
    ]);
  });

  it('ignores values of the wrong type instead of failing the item', () => {
    const draft = item({
      url: 12,
      content_html: ['x'],
      date_published: null,
      authors: 'Desk',
      attachments: {},
    });
    expect(draft).toMatchObject({ link: '12', bodyHtml: null, published: null, author: null, media: [] });
  });

  it('rejects an item with neither a title nor content, and keeps the rest', () => {
    const items = feed({ version: V11, items: [{ id: 'x' }, 'junk', { id: 'y', title: 'ok' }] }).items;
    expect(items.map((r) => r.ok)).toEqual([false, false, true]);
    expect(items[0]).toMatchObject({ ok: false, guid: 'x', error: { code: 'ITEM_INVALID' } });
  });

  it('resolves a relative item url against the home page', () => {
    expect(item({ url: 'stories/x' }, { home_page_url: 'https://a.test/news/' }).link).toBe(
      'https://a.test/news/stories/x',
    );
  });

  it('refuses a document that is not a JSON object', () => {
    expect(() => feed([])).toThrow(expect.objectContaining({ code: 'FORMAT_UNSUPPORTED' }));
    expect(() => parseJsonFeed({ kind: 'xml', root: { name: 'rss', namespace: null } })).toThrow(
      expect.objectContaining({ code: 'FORMAT_UNSUPPORTED' }),
    );
  });

  it('ingests the 1.1 fixture into articles with resolved links and media', () => {
    const output = ingest({
      bytes: readFileSync('fixtures/feeds/jsonfeed/feed-1.1.json'),
      settings: {
        id: 'jsonfeed-test',
        agency: null,
        format: null,
        timezone: 'Asia/Kolkata',
        baseUrl: null,
        disclaimer: null,
        publisherName: 'Test',
      },
      source: 'jsonfeed/feed-1.1.json',
      contentType: 'application/feed+json',
      fetchedAt: new Date('2023-06-08T10:00:00Z'),
    });
    expect(output.format).toBe('jsonfeed');
    expect(output.rejected).toMatchObject([{ guid: 'empty-item', code: 'ITEM_INVALID' }]);
    const [monsoon, rbi] = output.articles;
    expect(monsoon).toMatchObject({
      url: 'https://wire.example.test/national/stories/monsoon-kerala',
      headline: 'Monsoon arrives over Kerala, a week behind schedule',
      summary: 'The southwest monsoon reached Kerala a week late.',
      byline: 'Asha Example',
      language: 'en-IN',
      firstCreated: '2023-06-08T05:50:00Z',
      versionCreated: '2023-06-08T06:35:00Z',
      agency: { code: 'PTI' },
      subjects: [
        { name: 'Weather', uri: null },
        { name: 'Kerala', uri: null },
      ],
      media: [{ kind: 'image' }, { kind: 'audio', caption: 'Audio brief' }],
    });
    expect(rbi).toMatchObject({
      sourceGuid: '4412',
      language: 'en',
      bodyText: expect.stringContaining('unanimous'),
    });
  });
});
