import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/formats/detect.js';
import { parseNinjs } from '../../src/formats/ninjs/parse.js';
import { ingest } from '../../src/ingest.js';
import type { FeedDraft, ItemDraft } from '../../src/model/index.js';

function feed(value: unknown): FeedDraft {
  return parseNinjs({ kind: 'json', value });
}

function item(fields: Record<string, unknown>): ItemDraft {
  const result = feed({ uri: 'urn:x:1', headline: 'h', ...fields }).items[0];
  if (!result?.ok) throw new Error(`expected a parsed item, got ${JSON.stringify(result)}`);
  return result.draft;
}

const none = { contentType: null, fileName: null, declared: null };

describe('ninjs', () => {
  it('detects a ninjs object, an array of them and an AP Media API envelope', () => {
    expect(detectFormat('{"uri":"urn:x","headline":"h"}', none)).toBe('ninjs');
    expect(
      detectFormat('{"uri":"urn:x","$schema":"http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"}', none),
    ).toBe('ninjs');
    expect(detectFormat('[{"uri":"urn:x","versionCreated":"2023-06-08T10:00:00Z"}]', none)).toBe('ninjs');
    expect(detectFormat('{"data":{"items":[{"meta":{},"item":{"uri":"u","headline":"h"}}]}}', none)).toBe(
      'ninjs',
    );
  });

  it("detects AP's single-item answer, a list under `item`, and Superdesk's uri-less ninjs", () => {
    const single = {
      api_version: '1.1',
      data: { meta: {}, item: { uri: 'u?qt=1', altids: { itemid: 'ap1' }, headline: 'AP' } },
    };
    expect(feed(single).items).toMatchObject([{ ok: true, draft: { guid: 'ap1', title: 'AP' } }]);
    const bbc = { total: 1, item: [{ uri: 'https://b.test/1', headline: 'BBC', body_html: '<p>b</p>' }] };
    expect(detectFormat(JSON.stringify(bbc), none)).toBe('ninjs');
    expect(feed(bbc).items).toMatchObject([{ ok: true, draft: { guid: 'https://b.test/1', title: 'BBC' } }]);
    const superdesk = {
      guid: 'urn:newsml:aap:1',
      headline: 'h',
      body_html: '<p>x</p>',
      versioncreated: '2017-08-24T04:38:34+0000',
    };
    expect(detectFormat(JSON.stringify(superdesk), none)).toBe('ninjs');
    expect(feed(superdesk).items).toMatchObject([{ ok: true, draft: { guid: 'urn:newsml:aap:1' } }]);
    // A guid with one ninjs-like field is not enough: plenty of JSON has a guid and a headline.
    expect(() => detectFormat('{"guid":"g","headline":"h"}', none)).toThrow(
      expect.objectContaining({ code: 'FORMAT_UNSUPPORTED' }),
    );
  });

  it('reads a bare empty array as a ninjs list with nothing new', () => {
    expect(detectFormat('[]', none)).toBe('ninjs');
    expect(feed([]).items).toEqual([]);
    expect(() => detectFormat('[{"id": 1}]', none)).toThrow(/unsupported JSON/);
  });

  it('detects an AP envelope that brought no items this poll', () => {
    expect(detectFormat('{"api_version":"2.2","data":{"items":[]}}', none)).toBe('ninjs');
  });

  it('does not take an object with a uri alone for ninjs', () => {
    expect(() => detectFormat('{"uri":"urn:x","name":"n"}', none)).toThrow(
      expect.objectContaining({ code: 'FORMAT_UNSUPPORTED' }),
    );
  });

  it('reads every item of a { items: [...] } list, each in isolation', () => {
    const items = feed({ items: [{ uri: 'a', headline: 'A' }, 42, { uri: 'c' }] }).items;
    expect(items.map((r) => r.ok)).toEqual([true, false, false]);
    expect(items[2]).toMatchObject({ ok: false, guid: 'c', error: { code: 'ITEM_INVALID' } });
  });

  it('uses the AP altids itemid as the guid, since AP uris carry per-request parameters', () => {
    expect(item({ uri: 'https://api.test/content/abc?qt=1&et=2', altids: { itemid: 'abc' } }).guid).toBe(
      'abc',
    );
    expect(item({ uri: 'urn:x:2' }).guid).toBe('urn:x:2');
  });

  it('keeps a numeric version as the source version string', () => {
    expect(item({ version: 2 }).sourceVersion).toBe('2');
  });

  it('reads 1.x and 3.x date, status and embargo names alike', () => {
    expect(
      item({ firstcreated: 'a', versioncreated: 'b', embargoed: 'c', pubstatus: 'withheld' }),
    ).toMatchObject({
      published: 'a',
      updated: 'b',
      embargoedUntil: 'c',
      status: 'withheld',
    });
    expect(
      item({ firstCreated: 'a', versionCreated: 'b', embargoedUntil: 'c', pubStatus: 'usable' }),
    ).toMatchObject({
      published: 'a',
      updated: 'b',
      embargoedUntil: 'c',
      status: 'usable',
    });
  });

  it('accepts both spellings of canceled and ignores unknown statuses', () => {
    expect(item({ pubstatus: 'cancelled' }).status).toBe('canceled');
    expect(item({ pubStatus: 'stat:canceled' }).status).toBe('canceled');
    expect(item({ pubstatus: 'draft' }).status).toBeNull();
  });

  it('keeps urgency only on the IPTC 1–9 scale, from a number or a digit string', () => {
    expect(item({ urgency: 3 }).urgency).toBe(3);
    expect(item({ urgency: '4' }).urgency).toBe(4);
    expect(item({ urgency: 12 }).urgency).toBeNull();
  });

  it('prefers the main headline of a 2.x/3.x headlines array', () => {
    const headlines = [
      { role: 'short', value: 'Short' },
      { role: 'main', value: 'Main headline' },
    ];
    expect(item({ headline: undefined, headlines }).title).toBe('Main headline');
  });

  it('flags an HTML headline as HTML', () => {
    const headlines = [{ contentType: 'text/html', value: 'A <em>b</em>' }];
    expect(item({ headline: undefined, headlines })).toMatchObject({
      title: 'A <em>b</em>',
      titleIsHtml: true,
    });
  });

  it('prefers an HTML body over a text body in a 3.x bodies array', () => {
    const bodies = [
      { role: 'main', contentType: 'text/plain', value: 'plain' },
      { role: 'main', contentType: 'text/html', value: '<p>html</p>' },
    ];
    expect(item({ bodies }).bodyHtml).toBe('<p>html</p>');
  });

  it('reads 2.x lower-case contenttype on bodies', () => {
    expect(item({ bodies: [{ contenttype: 'text/html', value: '<p>x</p>' }] }).bodyHtml).toBe('<p>x</p>');
  });

  it('prefers 1.x body_html over body_text, and escapes body_text into paragraphs', () => {
    expect(item({ body_html: '<p>h</p>', body_text: 't' }).bodyHtml).toBe('<p>h</p>');
    expect(item({ body_text: 'a & b\n\nc' }).bodyHtml).toBe('<p>a &amp; b</p><p>c</p>');
    expect(item({ body_text: '<p>Markup sent as text.</p>' }).bodyHtml).toBe('<p>Markup sent as text.</p>');
  });

  it('reads a NITF body as HTML before a plain-text one, and the text when the NITF is broken', () => {
    const nitf = '<nitf><body><body.content><p>From <b>NITF</b>.</p></body.content></body></nitf>';
    const bodies = (value: string) => [
      { role: 'nitf', contentType: 'text/vnd.IPTC.NITF', value },
      { role: 'text', contentType: 'text/plain', value: 'From text.' },
    ];
    expect(item({ bodies: bodies(nitf) }).bodyHtml).toBe('<p>From <b>NITF</b>.</p>');
    expect(item({ bodies: bodies('<nitf><body>') }).bodyHtml).toBe('<p>From text.</p>');
  });

  it('reads an untyped body as HTML only when it holds markup', () => {
    expect(item({ bodies: [{ value: '<p>x</p>' }] }).bodyHtml).toBe('<p>x</p>');
    expect(item({ bodies: [{ value: '5 < 6' }] }).bodyHtml).toBe('<p>5 &lt; 6</p>');
  });

  it('reads descriptions as the summary', () => {
    expect(item({ description_text: 'Sum' }).summaryHtml).toBe('<p>Sum</p>');
    expect(item({ descriptions: [{ contentType: 'text/html', value: '<p>S</p>' }] }).summaryHtml).toBe(
      '<p>S</p>',
    );
  });

  it("reads AP Media API descriptions: a picture's description_caption, a story's headline_extended", () => {
    expect(item({ description_caption: 'FILE - A photo' }).summaryHtml).toBe('<p>FILE - A photo</p>');
    expect(item({ headline_extended: 'One line.' }).summaryHtml).toBe('<p>One line.</p>');
    expect(item({ description_text: 'Sum', headline_extended: 'x' }).summaryHtml).toBe('<p>Sum</p>');
  });

  it('captions and credits an AP Media API picture from description_caption and its creditline', () => {
    const picture = {
      type: 'picture',
      description_caption: 'FILE - A photo',
      renditions: { main: { href: 'https://i.test/m.jpg', width: 30, height: 20 } },
    };
    const [withCreditline] = item({ ...picture, description_creditline: 'Jane Doe/AP' }).media;
    expect(withCreditline).toMatchObject({ caption: 'FILE - A photo', credit: 'Jane Doe/AP' });
    const [photographerOnly] = item({ ...picture, photographer: { name: 'John Roe' } }).media;
    expect(photographerOnly?.credit).toBe('John Roe');
  });

  it('reads by (2.x/3.x), byline (1.x) and AP bylines', () => {
    expect(item({ by: 'Jane Roe' }).byline).toBe('Jane Roe');
    expect(item({ byline: 'By JANE ROE' }).byline).toBe('By JANE ROE');
    expect(item({ bylines: [{ by: 'A' }, { by: 'B' }] }).byline).toBe('A, B');
  });

  it('reads located, dateline and slugline', () => {
    expect(item({ located: 'Paris', dateline: 'PARIS (AP) —', slugline: 'FR-X' })).toMatchObject({
      located: 'Paris',
      dateline: 'PARIS (AP) —',
      slugline: 'FR-X',
    });
  });

  it('gives subjects their uri, an IPTC uri from code and scheme, or none', () => {
    const subject = [
      { name: 'Uri', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000617' },
      { name: 'Iptc', code: '15000000', scheme: 'subj' },
      { name: 'Qcode', uri: 'medtop:11000000' },
      { name: 'Vocab', code: 'abc', scheme: 'http://cv.ap.org/id/' },
      { name: 'Other', code: 'x1', scheme: 'internal' },
      { literal: 'literal-only' },
    ];
    expect(item({ subject }).subjects).toEqual([
      { name: 'Uri', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000617' },
      { name: 'Iptc', uri: 'http://cv.iptc.org/newscodes/subjectcode/15000000' },
      { name: 'Qcode', uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000' },
      { name: 'Vocab', uri: 'http://cv.ap.org/id/abc' },
      { name: 'Other', uri: null },
      { name: 'literal-only', uri: null },
    ]);
  });

  it('takes the largest rendition of a 1.x featureimage association, captioned by its description', () => {
    const associations = {
      featureimage: {
        type: 'picture',
        description_text: 'Caption',
        byline: 'AP Photo/X',
        renditions: {
          thumb: { href: 'https://i.test/t.jpg', width: 100, height: 60 },
          main: { href: 'https://i.test/m.jpg', mimetype: 'image/jpeg', width: 3000, height: 2000 },
        },
      },
    };
    expect(item({ associations }).media).toEqual([
      {
        url: 'https://i.test/m.jpg',
        kind: 'image',
        mimeType: 'image/jpeg',
        caption: 'Caption',
        credit: 'AP Photo/X',
        width: 3000,
        height: 2000,
      },
    ]);
  });

  it('reads 3.x association and rendition arrays, skipping text renditions and unlinked associations', () => {
    const associations = [
      { name: 'ref', uri: 'u1', type: 'picture' },
      {
        name: 'pic',
        uri: 'u2',
        type: 'picture',
        renditions: [
          { name: 'nitf', href: 'https://i.test/story.xml', contentType: 'text/xml' },
          {
            name: 'web',
            href: 'https://i.test/w.jpg',
            contentType: 'image/jpeg',
            width: '800',
            height: '600',
          },
        ],
      },
    ];
    expect(item({ associations }).media).toMatchObject([{ url: 'https://i.test/w.jpg', width: 800 }]);
  });

  it('credits the originating info source, else the first, else the copyright holder', () => {
    const infoSources = [
      { name: 'Partner', role: 'http://cv.iptc.org/newscodes/infosourcerole/partner' },
      { name: 'AFP', role: 'http://cv.iptc.org/newscodes/infosourcerole/origcont' },
    ];
    expect(item({ infoSources }).credit).toBe('AFP');
    expect(item({ infosource: [{ name: 'AP' }] }).credit).toBe('AP');
    expect(item({ copyrightholder: 'The Associated Press' }).credit).toBe('The Associated Press');
  });

  it('reads the copyright notice as rights', () => {
    expect(item({ copyrightNotice: '© 2023 AFP' }).rights).toBe('© 2023 AFP');
  });

  it('survives values of the wrong type', () => {
    const draft = item({
      subject: 'x',
      associations: 'y',
      bodies: 5,
      headlines: null,
      urgency: 'high',
      version: {},
    });
    expect(draft).toMatchObject({ title: 'h', subjects: [], media: [], bodyHtml: '<p>5</p>', urgency: null });
  });

  it('refuses JSON that holds no ninjs', () => {
    expect(() => feed('text')).toThrow(expect.objectContaining({ code: 'FORMAT_UNSUPPORTED' }));
  });

  it('ingests the AP Media API fixture into articles', () => {
    const output = ingest({
      bytes: readFileSync('fixtures/feeds/ap/ninjs-1.json'),
      settings: {
        id: 'ap-test',
        agency: 'AP',
        format: null,
        timezone: 'UTC',
        baseUrl: null,
        disclaimer: null,
        publisherName: 'Test',
      },
      source: 'ap/ninjs-1.json',
      contentType: 'application/json',
      fetchedAt: new Date('2023-06-08T14:05:00Z'),
    });
    expect(output).toMatchObject({ format: 'ninjs', rejected: [] });
    const [heat, kill] = output.articles;
    expect(heat).toMatchObject({
      status: 'usable',
      sourceGuid: '4c1f0a7e9b2d',
      headline: 'Heat wave grips northern plains as power demand peaks',
      slugline: 'AS-India-Heat',
      byline: 'Jane Example',
      dateline: { text: 'NEW DELHI (AP) —', place: 'New Delhi' },
      urgency: 3,
      firstCreated: '2023-06-08T12:30:00Z',
      versionCreated: '2023-06-08T13:55:42Z',
      media: [
        { url: 'https://img.example.test/9d2e7f/main.jpg', width: 3000, credit: 'AP Photo/Ravi Example' },
      ],
      provenance: { format: 'ninjs', sourceVersion: '2' },
    });
    expect(kill).toMatchObject({ status: 'canceled', sourceGuid: '77aa01' });
  });
});
