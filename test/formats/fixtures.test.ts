import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/formats/index.js';
import type { FeedDraft, ItemDraft } from '../../src/model/index.js';

function parseFixture(path: string): FeedDraft {
  return parseFeed(readFileSync(`fixtures/feeds/${path}`), {
    contentType: null,
    fileName: path,
    declared: null,
  });
}

function drafts(feed: FeedDraft): ItemDraft[] {
  return feed.items.flatMap((r) => (r.ok ? [r.draft] : []));
}

describe('fixture feeds', () => {
  it('reads the PTI world feed with content:encoded, Media RSS and +0530 times', () => {
    const feed = parseFixture('pti/world.rss.xml');
    const [first] = drafts(feed);
    expect(feed).toMatchObject({ format: 'rss', language: 'en-in' });
    expect(feed.items).toHaveLength(3);
    expect(first).toMatchObject({
      guid: 'FGN25-20230606',
      title: 'Islamabad turns down militant group’s offer of fresh talks, says report',
      published: 'Tue, 06 Jun 2023 18:23:00 +0530',
      media: [
        { caption: 'Map of Pakistan; used for representational purpose.', credit: 'istock', width: 1200 },
      ],
    });
  });

  it('decodes a windows-1252 feed from its XML declaration', () => {
    const [item] = drafts(parseFixture('rss/windows-1252.rss.xml'));
    expect(item?.title).toBe('Rupee firms to 82.40 against dollar – dealers');
    expect(item?.bodyHtml).toContain('“Inflows helped,”');
    expect(item?.bodyHtml).toContain('€70');
    expect(item?.guid).toBe('0012');
  });

  it('reads RDF items that sit beside the channel', () => {
    expect(drafts(parseFixture('rss/rdf-1.0.rss.xml')).map((d) => d.guid)).toEqual([
      'https://wire.example.test/rdf/1',
      'https://wire.example.test/rdf/2',
    ]);
  });

  it('reads an IANS feed with leading whitespace, bare ampersands and a single item', () => {
    const [item] = drafts(parseFixture('ians/national.rss.xml'));
    expect(item).toMatchObject({ title: 'R&D spending to rise, says minister', author: 'IANS Desk' });
    expect(item?.link).toBe('https://wire.example.test/ians/story?id=7781&lang=en');
  });

  it('reads ANI thumbnails and a permalink guid as the link', () => {
    const [rail, heat] = drafts(parseFixture('ani/national.rss.xml'));
    expect(rail?.link).toBe(rail?.guid);
    expect(rail?.media).toMatchObject([{ kind: 'image', width: 640 }]);
    expect(heat?.media).toMatchObject([{ mimeType: 'image/jpeg' }]);
  });

  it('reads a Reuters Atom feed with a re-prefixed media:group and rejects the empty entry', () => {
    const feed = parseFixture('reuters/world.atom.xml');
    expect(feed.items[0]).toMatchObject({
      ok: true,
      draft: { author: 'Jane Example, Ravi Sample', media: [{ credit: 'REUTERS/Photographer Example' }] },
    });
    expect(feed.items[1]).toMatchObject({ ok: false, error: { code: 'ITEM_INVALID' } });
  });

  it('reads xhtml content and xml:base from the Atom quirk fixture', () => {
    const [harbour, plain] = drafts(parseFixture('atom/xhtml-content.atom.xml'));
    expect(harbour?.bodyHtml).toContain('<strong>reopened</strong> on Tuesday &amp; ferries');
    expect(harbour?.baseUrl).toBe('https://wire.example.test/desk/stories/');
    expect(plain?.bodyHtml).toBe(
      '<p>First paragraph of plain text.</p><p>Second paragraph, with 5 &lt; 6.</p>',
    );
  });
});
