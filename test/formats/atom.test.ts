import { describe, expect, it } from 'vitest';
import { parseAtom } from '../../src/formats/atom/parse.js';
import { parseFeed } from '../../src/formats/index.js';
import type { ItemDraft, ItemResult } from '../../src/model/index.js';

function feed(entries: string, head = '', rootAttrs = ''): string {
  return `<feed xmlns="http://www.w3.org/2005/Atom" ${rootAttrs}><title>F</title>${head}${entries}</feed>`;
}

function draftOf(result: ItemResult | undefined): ItemDraft {
  if (!result?.ok) throw new Error(`expected a parsed entry, got ${JSON.stringify(result)}`);
  return result.draft;
}

function entry(xml: string, head = '', rootAttrs = ''): ItemDraft {
  return draftOf(parseAtom(feed(`<entry>${xml}</entry>`, head, rootAttrs)).items[0]);
}

describe('Atom entries', () => {
  it('takes the media:group description as the copy of an entry with no content or summary (YouTube)', () => {
    const draft = entry(
      '<title>Video</title><media:group><media:title>Video</media:title><media:description>What it shows.</media:description></media:group>',
      '',
      'xmlns:media="http://search.yahoo.com/mrss/"',
    );
    expect(draft.bodyHtml).toBe('<p>What it shows.</p>');
  });

  it('reads a text title as plain text', () => {
    expect(entry('<title type="text">5 &lt; 6 &amp; more</title>')).toMatchObject({
      title: '5 < 6 & more',
      titleIsHtml: false,
    });
  });

  it('flags an html title as HTML', () => {
    expect(entry('<title type="html">A &lt;em&gt;b&lt;/em&gt;</title>')).toMatchObject({
      title: 'A <em>b</em>',
      titleIsHtml: true,
    });
  });

  it('escapes text content into HTML paragraphs', () => {
    expect(entry('<title>t</title><content>a &lt; b\n\nc</content>').bodyHtml).toBe(
      '<p>a &lt; b</p><p>c</p>',
    );
  });

  it('reads elements written inside a text construct as the markup they were meant to be', () => {
    expect(
      entry('<title>Budget <b>2024</b></title><summary>Entry <b>Summary</b> &amp; more</summary>'),
    ).toMatchObject({
      title: 'Budget <b>2024</b>',
      titleIsHtml: true,
      bodyHtml: 'Entry <b>Summary</b> &amp; more',
    });
    const atom03 =
      '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><summary>Entry <b>Summary</b></summary></entry></feed>';
    expect(draftOf(parseAtom(atom03).items[0]).bodyHtml).toBe('Entry <b>Summary</b>');
    expect(entry('<title>t</title><content><![CDATA[a <b> b]]></content>').bodyHtml).toBe(
      '<p>a &lt;b&gt; b</p>',
    );
  });

  it('passes html content through as HTML', () => {
    expect(entry('<title>t</title><content type="html">&lt;p&gt;x&lt;/p&gt;</content>').bodyHtml).toBe(
      '<p>x</p>',
    );
  });

  it('reads html content given as CDATA', () => {
    expect(entry('<title>t</title><content type="html"><![CDATA[<p>x & y</p>]]></content>').bodyHtml).toBe(
      '<p>x & y</p>',
    );
  });

  it('serialises xhtml content as the children of the wrapping div, in order', () => {
    const xml =
      '<title>t</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">' +
      '<p>a <b>b</b> c &amp; d</p><p>e</p></div></content>';
    expect(entry(xml).bodyHtml).toBe('<p>a <b>b</b> c &amp; d</p><p>e</p>');
  });

  it('removes the prefix of a prefixed xhtml wrapper from every tag', () => {
    const xml =
      '<title>t</title><content type="xhtml"><x:div xmlns:x="http://www.w3.org/1999/xhtml"><x:p>a</x:p></x:div></content>';
    expect(entry(xml).bodyHtml).toBe('<p>a</p>');
  });

  it('uses the summary as the body, with no summary, when there is no content', () => {
    expect(entry('<title>t</title><summary type="html">&lt;p&gt;s&lt;/p&gt;</summary>')).toMatchObject({
      bodyHtml: '<p>s</p>',
      summaryHtml: null,
    });
  });

  it('keeps the summary beside content', () => {
    expect(entry('<title>t</title><summary>s</summary><content>c</content>')).toMatchObject({
      bodyHtml: '<p>c</p>',
      summaryHtml: '<p>s</p>',
    });
  });

  it('picks the alternate link, or a link without rel, over self and enclosure links', () => {
    const draft = entry(
      '<title>t</title><link rel="self" href="s"/><link rel="enclosure" href="e.jpg"/><link href="a"/>',
    );
    expect(draft.link).toBe('a');
  });

  it('turns rel="enclosure" links into media', () => {
    const draft = entry(
      '<title>t</title><link rel="enclosure" type="image/png" href="https://i.test/a.png" title="Cap"/>',
    );
    expect(draft.media).toMatchObject([
      { url: 'https://i.test/a.png', kind: 'image', mimeType: 'image/png', caption: 'Cap' },
    ]);
  });

  it('resolves entry xml:base against the feed xml:base', () => {
    const draft = entry('<title>t</title>', '', 'xml:base="https://x.test/a/"');
    const nested = draftOf(
      parseAtom(feed('<entry xml:base="b/"><title>t</title></entry>', '', 'xml:base="https://x.test/a/"'))
        .items[0],
    );
    expect([draft.baseUrl, nested.baseUrl]).toEqual(['https://x.test/a/', 'https://x.test/a/b/']);
  });

  it('joins author names and inherits the feed author when the entry has none', () => {
    const own = entry('<title>t</title><author><name>A</name></author><author><name>B</name></author>');
    const inherited = entry('<title>t</title>', '<author><name>Desk</name></author>');
    expect([own.author, inherited.author]).toEqual(['A, B', 'Desk']);
  });

  it('reads categories: label as name, scheme plus term as the uri', () => {
    const draft = entry(
      '<title>t</title><category term="15000000" scheme="http://cv.iptc.org/newscodes/subjectcode/" label="Sport"/>' +
        '<category term="local"/>',
    );
    expect(draft.subjects).toEqual([
      { name: 'Sport', uri: 'http://cv.iptc.org/newscodes/subjectcode/15000000' },
      { name: 'local', uri: null },
    ]);
  });

  it('reads id, published, updated, rights and xml:lang', () => {
    const draft = entry(
      '<id>urn:x:1</id><title>t</title><published>2023-06-06T12:00:00Z</published><updated>2023-06-06T13:00:00Z</updated>' +
        '<rights>© X</rights>',
      '',
      'xml:lang="en-GB"',
    );
    expect(draft).toMatchObject({
      guid: 'urn:x:1',
      published: '2023-06-06T12:00:00Z',
      updated: '2023-06-06T13:00:00Z',
      rights: '© X',
      language: 'en-GB',
    });
  });

  it('reads Atom 0.3 issued, modified and escaped-mode content', () => {
    const draft = entry(
      '<title>t</title><issued>2004-01-01T10:00:00Z</issued><modified>2004-01-02T10:00:00Z</modified>' +
        '<content type="text/html" mode="escaped">&lt;p&gt;old&lt;/p&gt;</content>',
    );
    expect(draft).toMatchObject({
      published: '2004-01-01T10:00:00Z',
      updated: '2004-01-02T10:00:00Z',
      bodyHtml: '<p>old</p>',
    });
  });

  it('takes the credit from the source feed title', () => {
    expect(entry('<title>t</title><source><title>Reuters World</title></source>').credit).toBe(
      'Reuters World',
    );
  });

  it('rejects an entry with neither title nor content as ITEM_INVALID and keeps the others', () => {
    const parsed = parseAtom(feed('<entry><id>e1</id></entry><entry><title>ok</title></entry>'));
    expect(parsed.items[0]).toMatchObject({ ok: false, guid: 'e1', error: { code: 'ITEM_INVALID' } });
    expect(parsed.items[1]).toMatchObject({ ok: true });
  });
});

describe('Atom documents', () => {
  it('reads the feed title, alternate link, language and rights', () => {
    const parsed = parseAtom(
      feed('', '<link rel="alternate" href="https://x.test/"/><rights>R</rights>', 'xml:lang="en"'),
    );
    expect(parsed).toMatchObject({
      format: 'atom',
      title: 'F',
      link: 'https://x.test/',
      language: 'en',
      rights: 'R',
    });
  });
});

describe('prefixed Atom documents', () => {
  it('reads an Atom feed whose elements all carry a prefix, root included', () => {
    const feed = parseFeed(
      new TextEncoder().encode(
        '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:entry><atom:id>urn:1</atom:id><atom:title>Hello</atom:title></atom:entry></atom:feed>',
      ),
      { contentType: null, fileName: null, declared: null },
    );
    expect(feed.format).toBe('atom');
    expect(feed.items[0]).toMatchObject({ ok: true, draft: { guid: 'urn:1', title: 'Hello' } });
  });

  it('reads entries that bind the Atom namespace to a prefix of their own under a plain feed', () => {
    const xml =
      '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>' +
      '<p0:entry xmlns:p0="http://www.w3.org/2005/Atom"><p0:id>urn:2</p0:id><p0:title type="text">Hi</p0:title>' +
      '<p0:content type="text">Hello World</p0:content></p0:entry></feed>';
    const feed = parseFeed(new TextEncoder().encode(xml), {
      contentType: null,
      fileName: null,
      declared: null,
    });
    expect(feed.items).toMatchObject([
      { ok: true, draft: { guid: 'urn:2', title: 'Hi', bodyHtml: '<p>Hello World</p>' } },
    ]);
  });

  it('reads an Atom Entry Document (a lone entry as the root) as a feed of one', () => {
    const read = (xml: string) =>
      parseFeed(new TextEncoder().encode(xml), { contentType: null, fileName: null, declared: null });
    const plain = read(
      '<?xml version="1.0"?><entry xmlns="http://www.w3.org/2005/Atom"><id>urn:3</id><title>One</title>' +
        '<content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry>',
    );
    expect(plain.format).toBe('atom');
    expect(plain.items).toMatchObject([
      { ok: true, draft: { guid: 'urn:3', title: 'One', bodyHtml: '<p>Body</p>' } },
    ]);
    const prefixed = read(
      '<atom:entry xmlns:atom="http://www.w3.org/2005/Atom"><atom:id>urn:4</atom:id><atom:title>Two</atom:title></atom:entry>',
    );
    expect(prefixed.items).toMatchObject([{ ok: true, draft: { guid: 'urn:4', title: 'Two' } }]);
    expect(() => read('<entry><id>x</id></entry>')).toThrow(/unsupported root element <entry>/);
  });
});
