import { describe, expect, it } from 'vitest';
import { parseRss } from '../../src/formats/rss/parse.js';
import type { ItemDraft, ItemResult } from '../../src/model/index.js';

const NS =
  'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
  'xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"';

function rss(items: string, channel = ''): string {
  return `<?xml version="1.0"?><rss version="2.0" ${NS}><channel><title>T</title>${channel}${items}</channel></rss>`;
}

function draftOf(result: ItemResult | undefined): ItemDraft {
  if (!result?.ok) throw new Error(`expected a parsed item, got ${JSON.stringify(result)}`);
  return result.draft;
}

function item(xml: string, channel = ''): ItemDraft {
  return draftOf(parseRss(rss(`<item>${xml}</item>`, channel)).items[0]);
}

describe('RSS items', () => {
  it('decodes entities in titles exactly once, so double-escaped ones stay as written', () => {
    expect(item('<title>Group&#8217;s offer &rsquo; &amp;rsquo; &amp;lt; more</title>').title).toBe(
      'Group’s offer ’ &rsquo; &lt; more',
    );
  });

  it('keeps a title with markup-like text as plain text', () => {
    const draft = item('<title>5 &lt; 6 &lt;b&gt;</title>');
    expect(draft).toMatchObject({ title: '5 < 6 <b>', titleIsHtml: false });
  });

  it('uses content:encoded as the body and description as the summary', () => {
    const draft = item(
      '<title>t</title><description>Short</description><content:encoded><![CDATA[<p>Long</p>]]></content:encoded>',
    );
    expect(draft).toMatchObject({ bodyHtml: '<p>Long</p>', summaryHtml: 'Short' });
  });

  it('keeps markup written unescaped inside a body as HTML, with CDATA and entities read once', () => {
    const draft = item(
      '<title>t</title><description>a &amp;lt; <![CDATA[<b>x</b>]]></description>' +
        '<content:encoded><p>Raw <em>markup</em> &amp; more</p></content:encoded>',
    );
    expect(draft.bodyHtml).toBe('<p>Raw <em>markup</em> & more</p>');
    expect(draft.summaryHtml).toBe('a &lt; <b>x</b>');
  });

  it('makes the description the body, with no summary, when there is no content:encoded', () => {
    const draft = item('<title>t</title><description>&lt;p&gt;Story&lt;/p&gt;</description>');
    expect(draft).toMatchObject({ bodyHtml: '<p>Story</p>', summaryHtml: null });
  });

  it('fills a missing link from a permalink guid', () => {
    const draft = item('<title>t</title><guid>https://x.test/a</guid>');
    expect(draft).toMatchObject({ guid: 'https://x.test/a', link: 'https://x.test/a' });
  });

  it('does not use a guid marked isPermaLink="false" as the link', () => {
    const draft = item('<title>t</title><guid isPermaLink="false">https://x.test/a</guid>');
    expect(draft).toMatchObject({ guid: 'https://x.test/a', link: null });
  });

  it('reads every dc:creator, joined', () => {
    expect(item('<title>t</title><dc:creator>A One</dc:creator><dc:creator>B Two</dc:creator>').author).toBe(
      'A One, B Two',
    );
  });

  it('takes the name from an e-mail style author', () => {
    expect(item('<title>t</title><author>desk@x.test (PTI Desk)</author>').author).toBe('PTI Desk');
  });

  it('reads pubDate, falling back to dc:date, and atom:updated or dc:modified', () => {
    const a = item(
      '<title>t</title><pubDate>Tue, 06 Jun 2023 18:23:00 +0530</pubDate><atom:updated>2023-06-07</atom:updated>',
    );
    const b = item(
      '<title>t</title><dc:date>2023-06-06T18:23:00+05:30</dc:date><dc:modified>2023-06-08</dc:modified>',
    );
    expect([a.published, a.updated, b.published, b.updated]).toEqual([
      'Tue, 06 Jun 2023 18:23:00 +0530',
      '2023-06-07',
      '2023-06-06T18:23:00+05:30',
      '2023-06-08',
    ]);
  });

  it('turns categories into subjects with a URL domain as the uri, plus dc:subject', () => {
    const draft = item(
      '<title>t</title><category domain="https://x.test/topics/a">A</category><category domain="internal">B</category>' +
        '<category>A</category><dc:subject>C</dc:subject>',
    );
    expect(draft.subjects).toEqual([
      { name: 'A', uri: 'https://x.test/topics/a' },
      { name: 'B', uri: null },
      { name: 'C', uri: null },
    ]);
  });

  it('reads media:content with caption, credit, kind and size', () => {
    const draft = item(
      '<title>t</title><media:content url="https://i.test/a.jpg" medium="image" type="image/jpeg" width="1200" height="800">' +
        '<media:description>A map</media:description><media:credit>istock</media:credit></media:content>',
    );
    expect(draft.media).toEqual([
      {
        url: 'https://i.test/a.jpg',
        kind: 'image',
        mimeType: 'image/jpeg',
        caption: 'A map',
        credit: 'istock',
        width: 1200,
        height: 800,
      },
    ]);
  });

  it('reads media:content inside media:group with the group caption', () => {
    const draft = item(
      '<title>t</title><media:group><media:content url="https://i.test/v.mp4" type="video/mp4"/>' +
        '<media:description>Clip</media:description></media:group>',
    );
    expect(draft.media).toMatchObject([{ url: 'https://i.test/v.mp4', kind: 'video', caption: 'Clip' }]);
  });

  it("takes a video item's media:description as its copy when it has no description", () => {
    const group = (description: string) =>
      `<title>t</title><media:group><media:content url="https://i.test/v.mp4"/>${description}</media:group>`;
    expect(item(group('<media:description>A clip &amp; more</media:description>')).bodyHtml).toBe(
      '<p>A clip &amp; more</p>',
    );
    expect(
      item(group('<media:description type="html">&lt;b&gt;A&lt;/b&gt;</media:description>')).bodyHtml,
    ).toBe('<b>A</b>');
    const withDescription = item(
      `<description>Story</description>${group('<media:description>Clip</media:description>')}`,
    );
    expect(withDescription.bodyHtml).toBe('Story');
  });

  it('uses media:thumbnail only when there is no media:content', () => {
    const withContent = item(
      '<title>t</title><media:content url="https://i.test/big.jpg" medium="image"/><media:thumbnail url="https://i.test/t.jpg"/>',
    );
    const thumbOnly = item('<title>t</title><media:thumbnail url="https://i.test/t.jpg" width="x"/>');
    expect(withContent.media.map((m) => m.url)).toEqual(['https://i.test/big.jpg']);
    expect(thumbOnly.media).toMatchObject([{ url: 'https://i.test/t.jpg', kind: 'image', width: null }]);
  });

  it('reads an enclosure and drops one repeating a media:content URL', () => {
    const draft = item(
      '<title>t</title><media:content url="https://i.test/a.jpg"/><enclosure url="https://i.test/a.jpg" type="image/jpeg" length="1"/>' +
        '<enclosure url="https://i.test/b.mp3" type="audio/mpeg" length="2"/>',
    );
    expect(draft.media.map((m) => [m.url, m.kind])).toEqual([
      ['https://i.test/a.jpg', null],
      ['https://i.test/b.mp3', 'audio'],
    ]);
  });

  it('inherits the channel language and copyright unless the item states its own', () => {
    const channel = '<language>en-in</language><copyright>PTI</copyright>';
    const own = item('<title>t</title><dc:language>hi</dc:language><dc:rights>Own</dc:rights>', channel);
    const inherited = item('<title>t</title>', channel);
    expect([own.language, own.rights, inherited.language, inherited.rights]).toEqual([
      'hi',
      'Own',
      'en-in',
      'PTI',
    ]);
  });

  it('takes the credit from <source>', () => {
    expect(item('<title>t</title><source url="https://r.test/">Reuters</source>').credit).toBe('Reuters');
  });

  it('resolves xml:base on the item against the channel', () => {
    const xml = `<rss ${NS}><channel xml:base="https://x.test/news/"><item xml:base="world/"><title>t</title></item></channel></rss>`;
    expect(draftOf(parseRss(xml).items[0]).baseUrl).toBe('https://x.test/news/world/');
  });

  it('rejects an item with neither title nor description as ITEM_INVALID and keeps the others', () => {
    const feed = parseRss(
      rss('<item><guid>g1</guid><link>https://x.test</link></item><item><title>ok</title></item>'),
    );
    expect(feed.items[0]).toMatchObject({ ok: false, guid: 'g1', error: { code: 'ITEM_INVALID' } });
    expect(feed.items[1]).toMatchObject({ ok: true, draft: { title: 'ok' } });
  });
});

describe('RSS documents', () => {
  it('reads the channel title, link, language and rights', () => {
    const feed = parseRss(
      rss('', '<link>https://x.test/</link><language>en</language><dc:rights>R</dc:rights>'),
    );
    expect(feed).toMatchObject({
      format: 'rss',
      title: 'T',
      link: 'https://x.test/',
      language: 'en',
      rights: 'R',
      items: [],
    });
  });

  it('finds RSS 0.9x items placed beside the channel', () => {
    const feed = parseRss(
      '<rss version="0.91"><channel><title>T</title></channel><item><title>a</title></item></rss>',
    );
    expect(feed.items).toMatchObject([{ ok: true, draft: { title: 'a' } }]);
  });

  it('reads RDF items and uses rdf:about as the guid', () => {
    const xml =
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">' +
      '<channel rdf:about="https://x.test/"><title>T</title></channel>' +
      '<item rdf:about="https://x.test/1"><title>a</title><link>https://x.test/1</link></item></rdf:RDF>';
    expect(parseRss(xml).items).toMatchObject([
      { ok: true, draft: { guid: 'https://x.test/1', title: 'a' } },
    ]);
  });

  it('throws NOT_A_FEED when the root is not RSS', () => {
    expect(() => parseRss('<feed/>')).toThrow(expect.objectContaining({ code: 'NOT_A_FEED' }));
  });
});

describe('Media RSS groups', () => {
  it('takes one rendition per media:group: the isDefault one, else the widest', () => {
    const item = (group: string) =>
      `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><item><title>t</title><media:group>${group}<media:description>Cap</media:description></media:group></item></channel></rss>`;
    const widest = parseRss(
      item(
        '<media:content url="https://x.test/s.jpg" width="320"/><media:content url="https://x.test/l.jpg" width="1280"/>',
      ),
    );
    const chosen = parseRss(
      item(
        '<media:content url="https://x.test/s.jpg" width="320" isDefault="true"/><media:content url="https://x.test/l.jpg" width="1280"/>',
      ),
    );
    const media = (feed: ReturnType<typeof parseRss>) => (feed.items[0]?.ok ? feed.items[0].draft.media : []);
    expect(media(widest)).toEqual([expect.objectContaining({ url: 'https://x.test/l.jpg', caption: 'Cap' })]);
    expect(media(chosen)).toEqual([expect.objectContaining({ url: 'https://x.test/s.jpg' })]);
  });
});
