import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/formats/detect.js';
import { parseNewsMl1 } from '../../src/formats/newsml-1/parse.js';
import { ingest } from '../../src/ingest.js';
import type { ItemDraft, ItemResult } from '../../src/model/index.js';

const IDENTIFIER = `<Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20230608</DateId>
  <NewsItemId>X1</NewsItemId><RevisionId PreviousRevision="2" Update="N">3</RevisionId>
  <PublicIdentifier>urn:newsml:afp.com:20230608:X1:3</PublicIdentifier></NewsIdentifier></Identification>`;

function newsItem(component: string, management = '', identification = IDENTIFIER): string {
  return `<NewsItem>${identification}<NewsManagement>${management}</NewsManagement>
    <NewsComponent>${component}</NewsComponent></NewsItem>`;
}

function draftOf(result: ItemResult | undefined): ItemDraft {
  if (!result?.ok) throw new Error(`expected a parsed item, got ${JSON.stringify(result)}`);
  return result.draft;
}

function item(component: string, management = '', identification = IDENTIFIER): ItemDraft {
  return draftOf(
    parseNewsMl1(`<NewsML Version="1.2">${newsItem(component, management, identification)}</NewsML>`)
      .items[0],
  );
}

const HEADLINE = '<NewsLines><HeadLine>Headline</HeadLine></NewsLines>';

function text(dataContent: string, extra = ''): string {
  return `${HEADLINE}<ContentItem>${extra}<MediaType FormalName="Text"/><DataContent>${dataContent}</DataContent></ContentItem>`;
}

function photo(role: string, href: string, width: number, height: number): string {
  return `<NewsComponent><Role FormalName="${role}"/><ContentItem Href="${href}"><MediaType FormalName="Photo"/>
    <MimeType FormalName="image/jpeg"/><Characteristics><Property FormalName="Width" Value="${width}"/>
    <Property FormalName="Height" Value="${height}"/></Characteristics></ContentItem></NewsComponent>`;
}

describe('NewsML 1.2', () => {
  it('detects NewsML 1.2 from the <NewsML> root', () => {
    expect(
      detectFormat('<?xml version="1.0"?><NewsML Version="1.2"><NewsItem/></NewsML>', {
        contentType: null,
        fileName: null,
        declared: null,
      }),
    ).toBe('newsml-1');
  });

  it('keeps the PublicIdentifier without its revision as the guid, and the RevisionId as the version', () => {
    expect(item(HEADLINE)).toMatchObject({ guid: 'urn:newsml:afp.com:20230608:X1', sourceVersion: '3' });
  });

  it('builds the guid from ProviderId, DateId and NewsItemId when there is no PublicIdentifier', () => {
    const identification = `<Identification><NewsIdentifier><ProviderId>afp.com</ProviderId>
      <DateId>20230608</DateId><NewsItemId>X2</NewsItemId><RevisionId>1</RevisionId></NewsIdentifier></Identification>`;
    expect(item(HEADLINE, '', identification).guid).toBe('urn:newsml:afp.com:20230608:X2');
  });

  it('reads FirstCreated and ThisRevisionCreated as the dates', () => {
    const management =
      '<FirstCreated>20230608T091200Z</FirstCreated><ThisRevisionCreated>20230608T101000Z</ThisRevisionCreated>';
    expect(item(HEADLINE, management)).toMatchObject({
      published: '20230608T091200Z',
      updated: '20230608T101000Z',
    });
  });

  it('puts the AFP Urgency in priority, not urgency, so the normaliser maps the AFP scale', () => {
    expect(item(HEADLINE, '<Urgency FormalName="2"/>')).toMatchObject({ priority: '2', urgency: null });
  });

  it('falls back to the envelope Priority when the item has no Urgency', () => {
    const xml = `<NewsML><NewsEnvelope><Priority FormalName="4"/></NewsEnvelope>${newsItem(HEADLINE)}</NewsML>`;
    expect(draftOf(parseNewsMl1(xml).items[0]).priority).toBe('4');
  });

  it('maps Status to the article status', () => {
    expect(item(HEADLINE, '<Status FormalName="Usable"/>').status).toBe('usable');
    expect(item(HEADLINE, '<Status FormalName="Withheld"/>').status).toBe('withheld');
    expect(item(HEADLINE, '<Status FormalName="Canceled"/>').status).toBe('canceled');
  });

  it('reads an Embargoed status with a time to become usable as an embargo', () => {
    const management = `<Status FormalName="Embargoed"/><StatusWillChange><FutureStatus FormalName="Usable"/>
      <DateAndTime>20230608T120000Z</DateAndTime></StatusWillChange>`;
    expect(item(HEADLINE, management)).toMatchObject({
      status: 'usable',
      embargoedUntil: '20230608T120000Z',
    });
    expect(item(HEADLINE, '<Status FormalName="Embargoed"/>').status).toBe('withheld');
  });

  it('turns instructions into signals, and a kill instruction into a canceled status', () => {
    expect(
      item(HEADLINE, '<Instruction FormalName="Rectify"/><Instruction FormalName="Update"/>').signals,
    ).toEqual(['correction', 'update']);
    expect(item(HEADLINE, '<Status FormalName="Usable"/><Instruction FormalName="Kill"/>')).toMatchObject({
      status: 'canceled',
      signals: ['kill'],
    });
  });

  it('reads the news lines', () => {
    const lines = `<NewsLines><HeadLine>H</HeadLine><SubHeadLine>Sub &amp; more</SubHeadLine><ByLine>Jane ROE</ByLine>
      <DateLine>Paris, June 8 (AFP)</DateLine><CreditLine>AFP</CreditLine><CopyrightLine>Copyright AFP 2023</CopyrightLine>
      <SlugLine>France-strike</SlugLine><KeywordLine>strike</KeywordLine></NewsLines>`;
    expect(item(lines)).toMatchObject({
      title: 'H',
      summaryHtml: '<p>Sub &amp; more</p>',
      byline: 'Jane ROE',
      dateline: 'Paris, June 8 (AFP)',
      credit: 'AFP',
      rights: 'Copyright AFP 2023',
      slugline: 'France-strike',
      subjects: [{ name: 'strike', uri: null }],
    });
  });

  it('credits the agency named by the ProviderId domain when no line or party names it', () => {
    expect(item(HEADLINE).credit).toBe('AFP');
  });

  it('takes no ISO country code for the place, but a country written out', () => {
    const located = (country: string) =>
      item(`${HEADLINE}<DescriptiveMetadata><Location HowPresent="Origin">
        <Property FormalName="Country" Value="${country}"/></Location></DescriptiveMetadata>`).located;
    expect(located('IND')).toBeNull();
    expect(located('India')).toBe('India');
  });

  it('reads language, IPTC subject codes, keywords and the origin city', () => {
    const metadata = `${HEADLINE}<DescriptiveMetadata><Language FormalName="fr"/>
      <SubjectCode><Subject FormalName="15000000"/><SubjectDetail FormalName="15054001"/></SubjectCode>
      <Property FormalName="Keyword" Value="football"/>
      <Location HowPresent="About"><Property FormalName="City" Value="Lyon"/></Location>
      <Location HowPresent="Origin"><Property FormalName="Country" Value="FRA"/><Property FormalName="City" Value="Paris"/></Location>
      </DescriptiveMetadata>`;
    expect(item(metadata)).toMatchObject({
      language: 'fr',
      located: 'Paris',
      subjects: [
        { name: '15000000', uri: 'http://cv.iptc.org/newscodes/subjectcode/15000000' },
        { name: '15054001', uri: 'http://cv.iptc.org/newscodes/subjectcode/15054001' },
        { name: 'football', uri: null },
      ],
    });
  });

  it('takes the body from NITF DataContent, body.content only', () => {
    const nitf =
      '<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><p>One <em>a</em>.</p><p>Two</p></body.content></body></nitf>';
    const body = item(text(nitf)).bodyHtml;
    expect(body).toContain('<p>One <em>a</em>.</p>');
    expect(body).toContain('<p>Two</p>');
    expect(body).not.toContain('hl1');
  });

  it('takes the body from bare paragraphs in DataContent (AFP bcNITF2.5)', () => {
    expect(item(text('<p>One &amp; two</p><p>Three</p>')).bodyHtml).toBe('<p>One &amp; two</p><p>Three</p>');
  });

  it('reads HTML given as CDATA in DataContent as HTML, and plain text as paragraphs', () => {
    expect(item(text('<![CDATA[<p>x & y</p>]]>')).bodyHtml).toBe('<p>x & y</p>');
    expect(item(text('Line one\n\nLine two')).bodyHtml).toBe('<p>Line one</p><p>Line two</p>');
  });

  it('reads CDATA-wrapped HTML inside a bare NITF body in DataContent as HTML', () => {
    const body = '<body><body.content><![CDATA[Body here<BR>more here]]></body.content></body>';
    expect(item(text(body)).bodyHtml).toBe('Body here<BR>more here');
  });

  it('finds the text in a nested component when the top one only has news lines', () => {
    const nested = `${HEADLINE}<NewsComponent><ContentItem><MediaType FormalName="Text"/><DataContent><p>Body</p></DataContent></ContentItem></NewsComponent>`;
    expect(item(nested).bodyHtml).toBe('<p>Body</p>');
  });

  it('makes one medium of a photo component, its largest rendition, captioned by the Caption component', () => {
    const photoComponent = `<NewsComponent><Role FormalName="Photo"/>
      <NewsLines><HeadLine>Photo title</HeadLine><CreditLine>AFP/Jane Roe</CreditLine></NewsLines>
      <NewsComponent><Role FormalName="Caption"/><ContentItem><MediaType FormalName="Text"/>
        <DataContent><p>The caption.</p></DataContent></ContentItem></NewsComponent>
      ${photo('Quicklook', 'https://i.test/q.jpg', 512, 341)}${photo('HighDef', 'https://i.test/h.jpg', 3000, 2000)}
      </NewsComponent>`;
    const draft = item(text('<p>Story</p>') + photoComponent);
    expect(draft.bodyHtml).toBe('<p>Story</p>');
    expect(draft.media).toEqual([
      {
        url: 'https://i.test/h.jpg',
        kind: 'image',
        mimeType: 'image/jpeg',
        caption: 'The caption.',
        credit: 'AFP/Jane Roe',
        width: 3000,
        height: 2000,
      },
    ]);
  });

  it('keeps photos that are separate components beside the text as separate media', () => {
    const draft = item(
      text('<p>Story</p>') +
        photo('Photo', 'https://i.test/1.jpg', 10, 10) +
        photo('Photo', 'https://i.test/2.jpg', 10, 10),
    );
    expect(draft.media.map((m) => m.url)).toEqual(['https://i.test/1.jpg', 'https://i.test/2.jpg']);
  });

  it('makes a picture item with an empty headline an item whose copy is the caption (AFP photo)', () => {
    const picture = `<NewsLines><HeadLine></HeadLine><CreditLine>AFP</CreditLine></NewsLines>
      <NewsComponent><Role FormalName="Caption"/><ContentItem><MediaType FormalName="Text"/>
        <DataContent><nitf><body><body.content><p>Relatives mourn in Khan Yunis.</p></body.content></body></nitf></DataContent>
      </ContentItem></NewsComponent>${photo('main', 'https://i.test/m.jpg', 800, 600)}`;
    const draft = item(picture);
    expect(draft).toMatchObject({
      title: null,
      bodyHtml: null,
      summaryHtml: '<p>Relatives mourn in Khan Yunis.</p>',
    });
    expect(draft.media).toMatchObject([
      { url: 'https://i.test/m.jpg', caption: 'Relatives mourn in Khan Yunis.' },
    ]);
  });

  it('rejects a NewsItem with neither a headline nor text, and keeps the others', () => {
    const xml = `<NewsML>${newsItem('')}${newsItem(HEADLINE)}</NewsML>`;
    const items = parseNewsMl1(xml).items;
    expect(items.map((r) => r.ok)).toEqual([false, true]);
    expect(items[0]).toMatchObject({
      guid: 'urn:newsml:afp.com:20230608:X1',
      error: { code: 'ITEM_INVALID' },
    });
  });

  it('refuses malformed XML as PARSE_MALFORMED and another root as FORMAT_UNSUPPORTED', () => {
    expect(() => parseNewsMl1('<NewsML><NewsItem></NewsML>')).toThrow(
      expect.objectContaining({ code: 'PARSE_MALFORMED' }),
    );
    expect(() => parseNewsMl1('<rss/>')).toThrow(expect.objectContaining({ code: 'FORMAT_UNSUPPORTED' }));
  });

  it('ingests the AFP fixture into articles with the AFP urgency mapped', () => {
    const output = ingest({
      bytes: readFileSync('fixtures/feeds/afp/newsml-1.2.xml'),
      settings: {
        id: 'afp-test',
        agency: null,
        format: null,
        timezone: 'Europe/Paris',
        baseUrl: null,
        disclaimer: null,
        publisherName: 'Test',
      },
      source: 'afp/newsml-1.2.xml',
      contentType: 'application/xml',
      fetchedAt: new Date('2023-06-08T10:30:00Z'),
    });
    expect(output).toMatchObject({ format: 'newsml-1', rejected: [] });
    const [talks, monsoon] = output.articles;
    expect(talks).toMatchObject({
      agency: { code: 'AFP' },
      sourceGuid: 'urn:newsml:afp.com:20230608:TX-PAR-ABC12',
      headline: "Pakistan rejects militant group's offer of talks",
      summary: 'Government says no dialogue while attacks continue',
      byline: 'Ayesha Example',
      dateline: { text: 'Islamabad, June 8, 2023 (AFP)', place: 'Islamabad' },
      language: 'en',
      urgency: 2,
      signals: ['update'],
      firstCreated: '2023-06-08T09:12:00Z',
      versionCreated: '2023-06-08T10:10:00Z',
      media: [{ url: 'https://img.example.test/afp/abc12-highdef.jpg', width: 3000 }],
      provenance: { format: 'newsml-1', sourceVersion: '2', sourcePriority: '2' },
    });
    expect(talks?.bodyText).toContain('minister told reporters & diplomats');
    expect(monsoon).toMatchObject({
      agency: { code: 'AFP' },
      urgency: 5,
      bodyText: expect.stringContaining('Farmers'),
    });
  });
});
