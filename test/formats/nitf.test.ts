import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/formats/detect.js';
import { parseNitf } from '../../src/formats/nitf/parse.js';
import { ingest } from '../../src/ingest.js';
import { IngestError, type ItemDraft } from '../../src/model/index.js';

function nitf(head: string, bodyHead: string, content = '<p>Body.</p>', end = ''): string {
  return (
    `<nitf><head>${head}</head><body><body.head>${bodyHead}</body.head>` +
    `<body.content>${content}</body.content>${end}</body></nitf>`
  );
}

function draftOf(xml: string): ItemDraft {
  const [result] = parseNitf(xml).items;
  if (!result?.ok) throw new Error(`expected a parsed document, got ${JSON.stringify(result)}`);
  return result.draft;
}

const story = (bodyHead: string, content?: string, end?: string) =>
  draftOf(nitf('', `<hedline><hl1>H</hl1></hedline>${bodyHead}`, content, end));
const docdata = (xml: string) =>
  draftOf(nitf(`<docdata>${xml}</docdata>`, '<hedline><hl1>H</hl1></hedline>'));

describe('NITF head', () => {
  it('reads doc-id@id-string as the guid', () => {
    expect(docdata('<doc-id regsrc="AP" id-string="a1b2"/>').guid).toBe('a1b2');
  });

  it('prefers hedline/hl1 over head/title for the title', () => {
    expect(draftOf(nitf('<title>Short</title>', '<hedline><hl1>Full headline</hl1></hedline>')).title).toBe(
      'Full headline',
    );
  });

  it('falls back to head/title when there is no hedline', () => {
    expect(draftOf(nitf('<title>Short title</title>', '')).title).toBe('Short title');
  });

  it('keeps ed-urg as the IPTC urgency', () => {
    expect(docdata('<urgency ed-urg="2"/>')).toMatchObject({ urgency: 2, priority: null });
  });

  it('keeps an ed-urg outside 1–9 as the priority as written', () => {
    expect(docdata('<urgency ed-urg="12"/>')).toMatchObject({ urgency: null, priority: '12' });
  });

  it('reads date.issue as the published time', () => {
    expect(docdata('<date.issue norm="20230606T094000Z"/>')).toMatchObject({
      published: '20230606T094000Z',
      embargoedUntil: null,
    });
  });

  it('reads a date.release later than date.issue as an embargo', () => {
    const draft = docdata('<date.issue norm="20230606T094000Z"/><date.release norm="20230606T120000Z"/>');
    expect(draft).toMatchObject({ published: '20230606T094000Z', embargoedUntil: '20230606T120000Z' });
  });

  it('does not read a date.release equal to date.issue as an embargo', () => {
    const draft = docdata('<date.issue norm="20230606T094000Z"/><date.release norm="20230606T094000Z"/>');
    expect(draft.embargoedUntil).toBeNull();
  });

  it('reads docdata@management-status as the status', () => {
    const xml = nitf('<docdata management-status="canceled"/>', '<hedline><hl1>H</hl1></hedline>');
    expect(draftOf(xml).status).toBe('canceled');
  });

  it('reads du-key@version as the source version', () => {
    expect(docdata('<du-key key="Wildfire-Smoke" version="3"/>').sourceVersion).toBe('3');
  });

  it('writes doc.copyright holder and year as the rights notice', () => {
    expect(docdata('<doc.copyright year="2023" holder="The Associated Press"/>').rights).toBe(
      '© 2023 The Associated Press',
    );
  });

  it('reads keywords as subjects without a URI', () => {
    expect(
      docdata('<key-list><keyword key="wildfires"/><keyword key=" air  quality "/></key-list>').subjects,
    ).toEqual([
      { name: 'wildfires', uri: null },
      { name: 'air quality', uri: null },
    ]);
  });

  it('turns an 8-digit tobject.subject.refnum into a Subject NewsCode URI, named by its most specific name', () => {
    const head =
      '<tobject><tobject.subject tobject.subject.refnum="17000000" tobject.subject.type="Weather" ' +
      'tobject.subject.matter="Forecast"/><tobject.subject tobject.subject.refnum="X1" ' +
      'tobject.subject.type="Local"/></tobject>';
    expect(draftOf(nitf(head, '<hedline><hl1>H</hl1></hedline>')).subjects).toEqual([
      { name: 'Forecast', uri: 'http://cv.iptc.org/newscodes/subjectcode/17000000' },
      { name: 'Local', uri: null },
    ]);
  });

  it('reads the language from xml:lang, else baselang', () => {
    expect(
      draftOf('<nitf baselang="en-US"><body><body.content><p>x</p></body.content></body></nitf>').language,
    ).toBe('en-US');
  });
});

describe('NITF body.head', () => {
  it('reads the byline in document order without "By" or the byttl job title', () => {
    expect(story('<byline>By <person>JANE ROE</person>, <byttl>AP Writer</byttl></byline>').byline).toBe(
      'JANE ROE',
    );
  });

  it('reads a byline whose parts have no space between them as words of their own', () => {
    expect(story('<byline>By<person>Jane Roe</person></byline>').byline).toBe('Jane Roe');
    expect(
      story('<byline>By<person>Staff Reporter</person><byttl>BusinessDesk</byttl></byline>').byline,
    ).toBe('Staff Reporter');
  });

  it('keeps the dateline as written and its location/city as the place', () => {
    const draft = story(
      '<dateline><location><city>NEW YORK</city>, <state>N.Y.</state></location> (AP) — ' +
        '<story.date norm="20230606T000000Z">June 6</story.date></dateline>',
    );
    expect(draft).toMatchObject({ dateline: 'NEW YORK, N.Y. (AP) — June 6', located: 'NEW YORK' });
  });

  it('uses story.date when docdata has no issue date', () => {
    expect(
      story('<dateline>PARIS <story.date norm="20230606T080000Z">June 6</story.date></dateline>').published,
    ).toBe('20230606T080000Z');
  });

  it('reads distributor as the credit', () => {
    expect(story('<distributor><org>The Associated Press</org></distributor>').credit).toBe(
      'The Associated Press',
    );
  });

  it('reads the abstract as summary HTML', () => {
    expect(story('<abstract><p>Short <em>take</em>.</p></abstract>').summaryHtml).toBe(
      '<p>Short <em>take</em>.</p>',
    );
  });

  it('uses hl2 as the summary only when there is no abstract', () => {
    expect(draftOf(nitf('', '<hedline><hl1>H</hl1><hl2>Deck &amp; more</hl2></hedline>')).summaryHtml).toBe(
      '<p>Deck &amp; more</p>',
    );
  });
});

describe('NITF body.content', () => {
  it('serialises paragraphs and inline markup in document order, keeping the spaces between elements', () => {
    expect(story('', '<p>A <em>b</em> <strong>c</strong> d</p><p>e<br/>f</p>').bodyHtml).toBe(
      '<p>A <em>b</em> <strong>c</strong> d</p><p>e<br>f</p>',
    );
  });

  it('maps hl2 to h2 and bq to blockquote, and unwraps block', () => {
    expect(story('', '<block><hl2>Sub</hl2><bq><block><p>Q</p></block></bq></block>').bodyHtml).toBe(
      '<h2>Sub</h2><blockquote><p>Q</p></blockquote>',
    );
  });

  it('unwraps enriched-text elements to their text', () => {
    const content =
      '<p><person>Jane</person> paid <money unit="USD">$5</money> in <location>Delhi</location>.</p>';
    expect(story('', content).bodyHtml).toBe('<p>Jane paid $5 in Delhi.</p>');
  });

  it('keeps link targets, lists and tables', () => {
    const content =
      '<p><a href="https://x.test/a" class="c">link</a></p><ul><li>one</li></ul>' +
      '<table><tr><td colspan="2">cell</td></tr></table>';
    expect(story('', content).bodyHtml).toBe(
      '<p><a href="https://x.test/a" class="c">link</a></p><ul><li>one</li></ul>' +
        '<table><tr><td colspan="2">cell</td></tr></table>',
    );
  });

  it('drops a non-publishable advisory note but keeps a publishable one', () => {
    const content =
      '<note type="npa"><body.content><p>Eds: hold</p></body.content></note>' +
      '<note type="pa"><body.content><p>Correction note</p></body.content></note>';
    expect(story('', content).bodyHtml).toBe('<p>Correction note</p>');
  });

  it('escapes CDATA and decoded entities back into HTML text', () => {
    expect(story('', '<p><![CDATA[5 < 6]]> &amp; &amp;lt;tag&amp;gt;</p>').bodyHtml).toBe(
      '<p>5 &lt; 6 &amp; &amp;lt;tag&amp;gt;</p>',
    );
  });

  it('reads HTML wrapped in CDATA as the whole body.content as HTML (AAP, ABC)', () => {
    expect(story('', '<![CDATA[Body here<BR>more here]]>').bodyHtml).toBe('Body here<BR>more here');
    expect(story('', '\n  <![CDATA[<p>One</p><p>Two</p>]]>\n').bodyHtml).toBe('<p>One</p><p>Two</p>');
    expect(story('', '<![CDATA[5 < 6, plain copy]]>').bodyHtml).toBe('5 &lt; 6, plain copy');
  });

  it('drops pretty-printing indentation down to one newline', () => {
    expect(story('', '\n    <p>a</p>\n    <p>b</p>\n  ').bodyHtml).toBe('<p>a</p>\n<p>b</p>');
  });

  it('appends body.end taglines as a last paragraph', () => {
    const end = '<body.end><tagline>AP writer <person>John Roe</person> contributed.</tagline></body.end>';
    expect(story('', '<p>Story.</p>', end).bodyHtml).toBe(
      '<p>Story.</p><p>AP writer John Roe contributed.</p>',
    );
  });

  it('lifts media out of the body, keeping the largest reference with its caption and producer', () => {
    const content =
      '<p>Before.</p><block><media media-type="image">' +
      '<media-reference source="https://p.test/s.jpg" mime-type="image/jpeg" width="160" height="107"/>' +
      '<media-reference source="https://p.test/l.jpg" mime-type="image/jpeg" width="1024" height="683"/>' +
      '<media-caption>Skyline in <location>haze</location>.</media-caption>' +
      '<media-producer>AP Photo/John Doe</media-producer></media></block><p>After.</p>';
    const draft = story('', content);
    expect(draft.bodyHtml).toBe('<p>Before.</p><p>After.</p>');
    expect(draft.media).toEqual([
      {
        url: 'https://p.test/l.jpg',
        kind: 'image',
        mimeType: 'image/jpeg',
        caption: 'Skyline in haze.',
        credit: 'AP Photo/John Doe',
        width: 1024,
        height: 683,
      },
    ]);
  });

  it('skips a media element with no referenced source', () => {
    expect(
      story('', '<media media-type="image"><media-caption>c</media-caption></media><p>x</p>').media,
    ).toEqual([]);
  });
});

describe('NITF documents', () => {
  it('reads a namespaced document with a DOCTYPE', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "nitf-3-4.dtd">' +
      '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>T</hl1></hedline>' +
      '</body.head></body></nitf>';
    expect(draftOf(xml).title).toBe('T');
  });

  it('reads a prefixed document by local names', () => {
    const xml =
      '<n:nitf xmlns:n="http://iptc.org/std/NITF/2006-10-18/"><n:body><n:body.head><n:hedline><n:hl1>T</n:hl1>' +
      '</n:hedline></n:body.head><n:body.content><n:p>x</n:p></n:body.content></n:body></n:nitf>';
    expect(draftOf(xml)).toMatchObject({ title: 'T', bodyHtml: '<p>x</p>' });
  });

  it('is detected from the <nitf> root, prefixed or not', () => {
    const none = { contentType: null, fileName: null, declared: null };
    expect(detectFormat('<!DOCTYPE nitf SYSTEM "x.dtd"><nitf/>', none)).toBe('nitf');
    expect(detectFormat('<n:nitf xmlns:n="http://iptc.org/std/NITF/2006-10-18/"/>', none)).toBe('nitf');
  });

  it('rejects a document with neither headline nor body content, keeping its guid', () => {
    const [result] = parseNitf('<nitf><head><docdata><doc-id id-string="X9"/></docdata></head></nitf>').items;
    expect(result).toMatchObject({ ok: false, guid: 'X9', error: { code: 'ITEM_INVALID' } });
  });

  it('throws PARSE_MALFORMED for a document that is not well-formed', () => {
    expect(() => parseNitf('<nitf><body></nitf>')).toThrow(IngestError);
  });

  it('ingests an AP-style document into a safe article', () => {
    const xml = nitf(
      '<docdata><doc-id id-string="ap-1"/><urgency ed-urg="3"/><date.issue norm="20230606T094000Z"/>' +
        '<du-key version="2"/><doc.copyright year="2023" holder="The Associated Press"/></docdata>',
      '<hedline><hl1>Smoke blankets Northeast</hl1></hedline><byline>By <person>Jane Roe</person></byline>' +
        '<dateline><location><city>NEW YORK</city></location> (AP)</dateline>',
      '<p>NEW YORK (AP) — Smoke <a href="javascript:alert(1)">drifted</a>.</p><script>x()</script>' +
        '<media media-type="image"><media-reference source="https://p.test/l.jpg" mime-type="image/jpeg"/></media>',
    );
    const [article] = ingest({
      bytes: new TextEncoder().encode(xml),
      settings: {
        id: 'ap-nitf',
        agency: null,
        format: null,
        timezone: 'America/New_York',
        baseUrl: null,
        disclaimer: null,
        publisherName: 'P',
      },
      source: 'test.xml',
      contentType: 'application/xml',
      fetchedAt: new Date('2023-06-06T15:00:00Z'),
    }).articles;
    expect(article).toMatchObject({
      headline: 'Smoke blankets Northeast',
      byline: 'Jane Roe',
      dateline: { text: 'NEW YORK (AP)', place: 'New York' },
      urgency: 3,
      firstCreated: '2023-06-06T09:40:00Z',
      media: [{ kind: 'image', url: 'https://p.test/l.jpg' }],
      rights: { notice: '© 2023 The Associated Press' },
      provenance: { format: 'nitf', sourceVersion: '2' },
    });
    expect(article?.bodyHtml).toBe('<p>NEW YORK (AP) — Smoke <a>drifted</a>.</p>');
  });
});
