import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/formats/detect.js';
import { parseNewsMlG2 } from '../../src/formats/newsml-g2/parse.js';
import { ingest } from '../../src/ingest.js';
import type { ItemDraft, ItemResult } from '../../src/model/index.js';

const NAR = 'http://iptc.org/std/nar/2006-10-01/';
const BODY = '<contentSet><inlineData contenttype="text/plain">Body.</inlineData></contentSet>';

function newsItem(parts: {
  meta?: string;
  content?: string;
  set?: string;
  head?: string;
  attrs?: string;
}): string {
  return (
    `<newsItem guid="urn:g" version="1" ${parts.attrs ?? ''}>${parts.head ?? ''}` +
    `<itemMeta><itemClass qcode="ninat:text"/>${parts.meta ?? ''}</itemMeta>` +
    `<contentMeta><headline>H</headline>${parts.content ?? ''}</contentMeta>${parts.set ?? BODY}</newsItem>`
  );
}

function draftOf(result: ItemResult | undefined): ItemDraft {
  if (!result?.ok) throw new Error(`expected a parsed item, got ${JSON.stringify(result)}`);
  return result.draft;
}

function item(parts: Parameters<typeof newsItem>[0]): ItemDraft {
  const xml = newsItem(parts).replace('<newsItem ', `<newsItem xmlns="${NAR}" `);
  return draftOf(parseNewsMlG2(xml).items[0]);
}

const meta = (content: string) => item({ content });
const nitfSet = (nitf: string) =>
  `<contentSet><inlineXML contenttype="application/nitf+xml">${nitf}</inlineXML></contentSet>`;

describe('NewsML-G2 documents', () => {
  it('reads a lone newsItem root, with @guid and @version', () => {
    expect(item({})).toMatchObject({ guid: 'urn:g', sourceVersion: '1', title: 'H' });
  });

  it('reads every newsItem of every itemSet in a newsMessage and skips packageItems', () => {
    const xml =
      `<newsMessage xmlns="${NAR}"><header><sent>2023-06-06T10:00:00Z</sent></header>` +
      `<itemSet>${newsItem({}).replace('urn:g', 'urn:a')}<packageItem guid="urn:p"/></itemSet>` +
      `<itemSet>${newsItem({}).replace('urn:g', 'urn:b')}</itemSet></newsMessage>`;
    expect(parseNewsMlG2(xml).items.map((r) => r.ok && r.draft.guid)).toEqual(['urn:a', 'urn:b']);
  });

  it('rejects an item without headline or content alone, keeping its guid', () => {
    const bad = '<newsItem guid="urn:bad"><itemMeta/><contentMeta/></newsItem>';
    const xml = `<newsMessage xmlns="${NAR}"><itemSet>${bad}${newsItem({})}</itemSet></newsMessage>`;
    const [first, second] = parseNewsMlG2(xml).items;
    expect(first).toMatchObject({ ok: false, guid: 'urn:bad', error: { code: 'ITEM_INVALID' } });
    expect(second?.ok).toBe(true);
  });

  it('yields no items for a lone packageItem rather than failing', () => {
    expect(parseNewsMlG2(`<packageItem xmlns="${NAR}" guid="urn:p"/>`).items).toEqual([]);
  });

  it('reads a document whose G2 namespace is bound to a prefix', () => {
    const xml =
      `<nar:newsItem xmlns:nar="${NAR}" guid="urn:p"><nar:contentMeta><nar:headline>P</nar:headline>` +
      '<nar:subject qcode="medtop:15000000"/></nar:contentMeta><nar:contentSet>' +
      '<nar:inlineXML contenttype="application/xhtml+xml"><h:html xmlns:h="http://www.w3.org/1999/xhtml">' +
      '<h:body><h:p>x</h:p></h:body></h:html></nar:inlineXML></nar:contentSet></nar:newsItem>';
    expect(draftOf(parseNewsMlG2(xml).items[0])).toMatchObject({
      title: 'P',
      subjects: [{ name: 'medtop:15000000', uri: 'http://cv.iptc.org/newscodes/mediatopic/15000000' }],
      bodyHtml: '<p>x</p>',
    });
  });

  it('is detected from newsMessage and newsItem roots, but not from NewsML 1.x', () => {
    const none = { contentType: null, fileName: null, declared: null };
    expect(detectFormat(`<newsMessage xmlns="${NAR}"/>`, none)).toBe('newsml-g2');
    expect(detectFormat(`<nar:newsItem xmlns:nar="${NAR}"/>`, none)).toBe('newsml-g2');
    expect(detectFormat('<NewsML Version="1.2"/>', none)).not.toBe('newsml-g2');
  });
});

describe('NewsML-G2 itemMeta', () => {
  it('reads firstCreated as published and versionCreated as updated', () => {
    const draft = item({
      meta: '<versionCreated>2023-06-06T11:00:00Z</versionCreated><firstCreated>2023-06-06T10:00:00Z</firstCreated>',
    });
    expect(draft).toMatchObject({ published: '2023-06-06T10:00:00Z', updated: '2023-06-06T11:00:00Z' });
  });

  it('falls back to contentMeta contentCreated and contentModified', () => {
    const draft = meta('<contentCreated>2023-06-06T09:00:00Z</contentCreated>');
    expect(draft.published).toBe('2023-06-06T09:00:00Z');
  });

  it('reads embargoed as the embargo time', () => {
    expect(item({ meta: '<embargoed>2023-06-06T12:00:00+05:30</embargoed>' }).embargoedUntil).toBe(
      '2023-06-06T12:00:00+05:30',
    );
  });

  it('maps pubStatus, as a QCode or a URI, to the status', () => {
    expect(item({ meta: '<pubStatus qcode="stat:canceled"/>' }).status).toBe('canceled');
    expect(
      item({ meta: '<pubStatus uri="http://cv.iptc.org/newscodes/pubstatusg2/withheld"/>' }).status,
    ).toBe('withheld');
    expect(item({ meta: '<pubStatus qcode="stat:unknown"/>' }).status).toBeNull();
  });

  it('reads signals as lower-case codes without their scheme', () => {
    expect(item({ meta: '<signal qcode="sig:Correction"/><signal qcode="sig:update"/>' }).signals).toEqual([
      'correction',
      'update',
    ]);
  });

  it('names the provider as the credit when there is no creditline', () => {
    expect(item({ meta: '<provider qcode="nprov:REUTERS"/>' }).credit).toBe('REUTERS');
    expect(
      item({ meta: '<provider qcode="nprov:REUTERS"/>', content: '<creditline>AP</creditline>' }).credit,
    ).toBe('AP');
  });

  it('uses itemMeta title when there is no headline', () => {
    const xml = `<newsItem xmlns="${NAR}" guid="g"><itemMeta><title>SLUG-TITLE</title></itemMeta>${BODY}</newsItem>`;
    expect(draftOf(parseNewsMlG2(xml).items[0]).title).toBe('SLUG-TITLE');
  });
});

describe('NewsML-G2 contentMeta', () => {
  it('prefers the headline without a role, and uses a sub headline as the summary', () => {
    const xml = newsItem({}).replace(
      '<headline>H</headline>',
      '<headline role="hld:sub">Sub</headline><headline role="hld:main">Main</headline>',
    );
    const draft = draftOf(parseNewsMlG2(xml).items[0]);
    expect(draft).toMatchObject({ title: 'Main', summaryHtml: '<p>Sub</p>' });
  });

  it('reads a summary description over a sub headline, and ignores other description roles', () => {
    const draft = meta(
      '<headline role="hld:sub">Sub</headline><description role="drol:caption">Cap</description>' +
        '<description role="drol:summary">Sum &amp; more</description>',
    );
    expect(draft.summaryHtml).toBe('<p>Sum &amp; more</p>');
  });

  it('reads slugline, dateline, located name, creditline, urgency and language', () => {
    expect(
      meta(
        '<urgency>2</urgency><located qcode="geo:1"><name>Kochi</name></located><slugline>A-B</slugline>' +
          '<dateline>KOCHI, June 6</dateline><creditline>Example Wire</creditline><language tag="en-GB"/>',
      ),
    ).toMatchObject({
      urgency: 2,
      located: 'Kochi',
      slugline: 'A-B',
      dateline: 'KOCHI, June 6',
      credit: 'Example Wire',
      language: 'en-GB',
    });
  });

  it('strips a leading "By" from the by line', () => {
    expect(meta('<by>By Jane Example</by>').byline).toBe('Jane Example');
  });

  it('expands medtop and subj QCodes to IPTC concept URIs, and lets @uri win', () => {
    const draft = meta(
      '<subject qcode="medtop:20000735"><name>weather forecast</name></subject>' +
        '<subject qcode="subj:04006000"><name>Financial Services</name></subject>' +
        '<subject qcode="x:1" uri="https://cv.example.test/1"><name>Own</name></subject>',
    );
    expect(draft.subjects).toEqual([
      { name: 'weather forecast', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000735' },
      { name: 'Financial Services', uri: 'http://cv.iptc.org/newscodes/subjectcode/04006000' },
      { name: 'Own', uri: 'https://cv.example.test/1' },
    ]);
  });

  it('expands a QCode through an inline catalog scheme', () => {
    const draft = item({
      head: '<catalog><scheme alias="desk" uri="https://cv.example.test/desk/"/></catalog>',
      content: '<subject qcode="desk:south"><name>South</name></subject>',
    });
    expect(draft.subjects).toEqual([{ name: 'South', uri: 'https://cv.example.test/desk/south' }]);
  });

  it('keeps a subject of an unknown scheme by name, without a URI', () => {
    expect(meta('<subject qcode="N2:FRX"><name>Foreign Exchange</name></subject>').subjects).toEqual([
      { name: 'Foreign Exchange', uri: null },
    ]);
  });

  it('reads keywords as subjects', () => {
    expect(meta('<keyword>monsoon</keyword>').subjects).toEqual([{ name: 'monsoon', uri: null }]);
  });

  it('uses the copyright notice as the rights, else the holder', () => {
    const notice =
      '<rightsInfo><copyrightHolder literal="X"/><copyrightNotice>(c) X 2023</copyrightNotice></rightsInfo>';
    expect(item({ head: notice }).rights).toBe('(c) X 2023');
    expect(
      item({ head: '<rightsInfo><copyrightHolder><name>X Ltd</name></copyrightHolder></rightsInfo>' }).rights,
    ).toBe('© X Ltd');
  });
});

describe('NewsML-G2 contentSet', () => {
  it('reads NITF inlineXML for the body, where G2 metadata wins and NITF fills the gaps', () => {
    const draft = item({
      set: nitfSet(
        '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>NITF H</hl1></hedline>' +
          '<byline>By <person>Jane</person></byline></body.head><body.content><p>One <em>two</em></p>' +
          '<media media-type="image"><media-reference source="https://p.test/a.jpg"/></media></body.content></body></nitf>',
      ),
    });
    expect(draft).toMatchObject({
      title: 'H',
      byline: 'Jane',
      bodyHtml: '<p>One <em>two</em></p>',
      media: [{ url: 'https://p.test/a.jpg', kind: 'image' }],
    });
  });

  it('reads the body of XHTML inlineXML, leaving out its head and closing empty elements', () => {
    const xhtml =
      '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">' +
      '<head><title>T</title></head><body><p>a</p><p/></body></html></inlineXML>';
    expect(item({ set: `<contentSet>${xhtml}</contentSet>` }).bodyHtml).toBe('<p>a</p><p></p>');
  });

  it("leaves out the XHTML body's own header (dpa's date, keywords, headline, byline), not a section's", () => {
    const xhtml =
      '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>' +
      '<header><time>24.09.2024 12:05</time><ul class="slugline"><li>Gesundheit</li></ul><h1>Head</h1>' +
      '<p class="byline">Von Jane Doe, dpa</p></header>' +
      '<section class="main"><header><h2>Part one</h2></header><p>Story.</p></section></body></html></inlineXML>';
    expect(item({ set: `<contentSet>${xhtml}</contentSet>` }).bodyHtml).toBe(
      '<section class="main"><header><h2>Part one</h2></header><p>Story.</p></section>',
    );
  });

  it('reads NITF that a provider wrapped in CDATA inside inlineXML', () => {
    const set = nitfSet(
      '<![CDATA[<nitf><body><body.content><p>a &amp; b</p></body.content></body></nitf>]]>',
    );
    expect(item({ set }).bodyHtml).toBe('<p>a &amp; b</p>');
  });

  it('reads NITF sent escaped as inlineData', () => {
    const set =
      '<contentSet><inlineData contenttype="application/nitf+xml">&lt;nitf&gt;&lt;body&gt;&lt;body.content&gt;' +
      '&lt;p&gt;escaped&lt;/p&gt;&lt;/body.content&gt;&lt;/body&gt;&lt;/nitf&gt;</inlineData></contentSet>';
    expect(item({ set }).bodyHtml).toBe('<p>escaped</p>');
  });

  it('escapes plain-text inlineData into paragraphs', () => {
    const set = '<contentSet><inlineData contenttype="text/plain">a &lt; b\n\nc</inlineData></contentSet>';
    expect(item({ set }).bodyHtml).toBe('<p>a &lt; b</p><p>c</p>');
  });

  it('reads paragraphs sent as text/plain inlineData as the HTML they are (ANSA)', () => {
    const set =
      '<contentSet><inlineData contenttype="text/plain"><![CDATA[\n<p>\n (ANSA) - Rome, October 11 - Alfano said.</p>\n' +
      '<p>Second.</p>]]></inlineData></contentSet>';
    expect(item({ set }).bodyHtml).toBe('<p>\n (ANSA) - Rome, October 11 - Alfano said.</p>\n<p>Second.</p>');
    const mention =
      '<contentSet><inlineData contenttype="text/plain">Use &lt;p&gt; tags</inlineData></contentSet>';
    expect(item({ set: mention }).bodyHtml).toBe('<p>Use &lt;p&gt; tags</p>');
  });

  it('prefers NITF over plain-text data among alternative renditions', () => {
    const set =
      '<contentSet><inlineData contenttype="text/plain">plain</inlineData>' +
      '<inlineXML><nitf><body><body.content><p>rich</p></body.content></body></nitf></inlineXML></contentSet>';
    expect(item({ set }).bodyHtml).toBe('<p>rich</p>');
  });

  describe('packages in a newsMessage', () => {
    const story = (guid: string) => newsItem({}).replace('guid="urn:g"', `guid="${guid}"`);
    const picture = (guid: string, url: string) =>
      newsItem({
        content: '<description role="drol:caption">Caption.</description>',
        set: `<contentSet><remoteContent href="${url}" contenttype="image/jpeg" width="10" height="10"/></contentSet>`,
      })
        .replace('guid="urn:g"', `guid="${guid}"`)
        .replace('ninat:text', 'ninat:picture');
    const pkg = (...refs: string[]) =>
      `<packageItem guid="urn:pkg"><itemMeta><itemClass qcode="ninat:composite"/></itemMeta><groupSet root="root">` +
      `<group id="root"><groupRef idref="main"/></group><group id="main">${refs.map((r) => `<itemRef residref="${r}"/>`).join('')}</group>` +
      '</groupSet></packageItem>';
    const message = (...items: string[]) =>
      parseNewsMlG2(`<newsMessage xmlns="${NAR}"><itemSet>${items.join('')}</itemSet></newsMessage>`).items;

    it("folds a package's pictures into its one story, which then carries them", () => {
      const items = message(
        pkg('urn:s', 'urn:p1', 'urn:p2'),
        story('urn:s'),
        picture('urn:p1', 'https://p.test/1.jpg'),
        picture('urn:p2', 'https://p.test/2.jpg'),
        picture('urn:loose', 'https://p.test/3.jpg'),
      );
      expect(items.map((r) => (r.ok ? r.draft.guid : null))).toEqual(['urn:s', 'urn:loose']);
      expect(draftOf(items[0]).media.map((m) => [m.url, m.caption])).toEqual([
        ['https://p.test/1.jpg', 'Caption.'],
        ['https://p.test/2.jpg', 'Caption.'],
      ]);
    });

    it('joins nothing in a package of several stories: which picture goes where is not said', () => {
      const items = message(
        pkg('urn:a', 'urn:b', 'urn:p'),
        story('urn:a'),
        story('urn:b'),
        picture('urn:p', 'https://p.test/p.jpg'),
      );
      expect(items.map((r) => (r.ok ? r.draft.guid : null))).toEqual(['urn:a', 'urn:b', 'urn:p']);
      expect(draftOf(items[0]).media).toEqual([]);
    });
  });

  it("takes an AFP video's synthesis as its copy and caption, not its shot list", () => {
    const xml = newsItem({
      content:
        '<description role="afpdescRole:script">SHOTLIST: KUWAIT. VAR inside</description>' +
        '<description role="afpdescRole:synthe">Donors meet in Kuwait.</description>',
      set: '<contentSet><remoteContent href="https://v.test/a.mp4" contenttype="video/mp4" width="1280"/></contentSet>',
    }).replace('ninat:text', 'ninat:video');
    const draft = draftOf(parseNewsMlG2(xml).items[0]);
    expect(draft.summaryHtml).toBe('<p>Donors meet in Kuwait.</p>');
    expect(draft.media).toMatchObject([{ url: 'https://v.test/a.mp4', caption: 'Donors meet in Kuwait.' }]);
  });

  it('keeps the largest rendition of a picture item, captioned from its description', () => {
    const xml = newsItem({
      content:
        '<description role="drol:caption">Notes in Mumbai.</description><creditline>REUTERS/P</creditline>',
      set:
        '<contentSet><remoteContent href="https://p.test/t.jpg" contenttype="image/jpeg" width="240" height="160"/>' +
        '<remoteContent href="https://p.test/b.jpg" contenttype="image/jpeg" width="3500" height="2333"/></contentSet>',
    }).replace('ninat:text', 'ninat:picture');
    const draft = draftOf(parseNewsMlG2(xml).items[0]);
    expect(draft.media).toEqual([
      {
        url: 'https://p.test/b.jpg',
        kind: 'image',
        mimeType: 'image/jpeg',
        caption: 'Notes in Mumbai.',
        credit: 'REUTERS/P',
        width: 3500,
        height: 2333,
      },
    ]);
    expect(draft.summaryHtml).toBe('<p>Notes in Mumbai.</p>');
  });

  it('reads image renditions and image links of a text item as media', () => {
    const draft = item({
      meta: '<link rel="irel:seeAlso" href="https://p.test/l.jpg" contenttype="image/jpeg"><title>Cap</title></link>',
      set: `<contentSet><inlineData>x</inlineData><remoteContent href="https://p.test/r.jpg" contenttype="image/jpeg"/>
        <remoteContent href="https://p.test/story.pdf" contenttype="application/pdf"/></contentSet>`,
    });
    expect(draft.media.map((m) => [m.url, m.caption])).toEqual([
      ['https://p.test/r.jpg', null],
      ['https://p.test/l.jpg', 'Cap'],
    ]);
  });

  it('ingests a correction into a safe article', () => {
    const xml = newsItem({
      attrs: `xmlns="${NAR}"`,
      meta:
        '<provider qcode="nprov:REUTERS"/><versionCreated>2023-06-06T11:05:00Z</versionCreated>' +
        '<firstCreated>2023-06-06T10:20:00Z</firstCreated><embargoed>2023-06-06T12:00:00Z</embargoed>' +
        '<pubStatus qcode="stat:usable"/><signal qcode="sig:correction"/>',
      content:
        '<urgency>3</urgency><located><name>Mumbai</name></located><dateline>MUMBAI, June 6</dateline>' +
        '<by>By Jane Example</by><subject qcode="medtop:20000344"><name>monetary policy</name></subject>',
      set: nitfSet(
        '<nitf><body><body.content><p onclick="x()">MUMBAI, June 6 (Reuters) - Rates held.</p>' +
          '<media media-type="image"><media-reference source="https://p.test/a.jpg" mime-type="image/jpeg"/>' +
          '<media-caption>Cap</media-caption></media></body.content></body></nitf>',
      ),
    }).replace('version="1"', 'version="2"');
    const [article] = ingest({
      bytes: new TextEncoder().encode(xml),
      settings: {
        id: 'reuters-g2',
        agency: null,
        format: null,
        timezone: 'UTC',
        baseUrl: null,
        disclaimer: null,
        publisherName: 'P',
      },
      source: 'test.xml',
      contentType: 'application/vnd.iptc.g2.newsitem+xml',
      fetchedAt: new Date('2023-06-06T15:00:00Z'),
    }).articles;
    expect(article).toMatchObject({
      headline: 'H',
      agency: { code: 'REUTERS' },
      byline: 'Jane Example',
      dateline: { text: 'MUMBAI, June 6', place: 'Mumbai' },
      urgency: 3,
      embargoedUntil: '2023-06-06T12:00:00Z',
      status: 'usable',
      signals: ['correction'],
      subjects: [{ name: 'monetary policy', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000344' }],
      media: [{ kind: 'image', url: 'https://p.test/a.jpg', caption: 'Cap' }],
      provenance: { format: 'newsml-g2', sourceVersion: '2' },
    });
    expect(article?.bodyHtml).toBe('<p>MUMBAI, June 6 (Reuters) - Rates held.</p>');
  });
});
