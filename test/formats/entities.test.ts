/**
 * Entity references are decoded exactly once, and DOCTYPE entities never (src/formats/entities.ts,
 * leniency.ts): billion laughs and XXE documents read as their literal text in bounded time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeXmlEntities, parseXml } from '../../src/formats/xml.js';
import { ingest } from '../../src/ingest.js';
import type { FeedSettings } from '../../src/model/index.js';

const SETTINGS: FeedSettings = {
  id: 'entities',
  agency: 'PTI',
  format: null,
  timezone: 'Asia/Kolkata',
  baseUrl: null,
  disclaimer: null,
  publisherName: 'Mid-day',
};

function ingestXml(xml: string) {
  return ingest({
    bytes: new TextEncoder().encode(xml),
    settings: SETTINGS,
    source: 'test.xml',
    contentType: 'application/rss+xml',
    fetchedAt: new Date('2023-06-06T15:00:00Z'),
  });
}

const rss = (prolog: string, title: string, description = 'Body.') =>
  `<?xml version="1.0"?>${prolog}<rss version="2.0"><channel><title>T</title>` +
  `<item><guid>g1</guid><title>${title}</title><description>${description}</description></item></channel></rss>`;

const LAUGHS = Array.from({ length: 9 }, (_, i) => {
  const ref = `&lol${i};`.replace('&lol0;', '&lol;');
  return `<!ENTITY lol${i + 1} "${ref.repeat(10)}">`;
}).join('');
const BILLION_LAUGHS = `<!DOCTYPE rss [<!ENTITY lol "lol">${LAUGHS}]>`;

describe('DOCTYPE entities are never expanded', () => {
  it('reads a billion-laughs document as its literal reference, quickly', () => {
    const started = performance.now();
    const { articles } = ingestXml(rss(BILLION_LAUGHS, '&lol9;', '&lol9; &lol9;'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(articles[0]?.headline).toBe('&lol9;');
    expect(JSON.stringify(articles)).not.toContain('lollol');
  });

  it('reads a quadratic-blowup document (one huge entity, many references) unexpanded', () => {
    const doctype = `<!DOCTYPE rss [<!ENTITY a "${'x'.repeat(50_000)}">]>`;
    const { articles } = ingestXml(rss(doctype, 't', '&a;'.repeat(5_000)));
    expect(articles[0]?.bodyText.length).toBeLessThan(20_000);
    expect(articles[0]?.bodyText).not.toContain('xxxx');
  });

  it('never reads a SYSTEM entity (XXE)', () => {
    const doctype = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    const output = ingestXml(rss(doctype, 'Leak: &xxe;', '&xxe;'));
    expect(output.articles[0]?.headline).toBe('Leak: &xxe;');
    expect(JSON.stringify(output)).not.toMatch(/root:|nologin|\/bin\/(ba)?sh/);
  });

  it('never reads a parameter entity or an external DTD', () => {
    const doctype =
      '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd" [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>';
    const output = ingestXml(rss(doctype, 'Title'));
    expect(output.articles[0]?.headline).toBe('Title');
    expect(JSON.stringify(output)).not.toContain('root:');
  });

  it('ignores a DOCTYPE written inside the root element', () => {
    const doc = parseXml('<a><!DOCTYPE a [<!ENTITY e "expanded">]><b>&e;</b></a>');
    expect(doc).toMatchObject({ a: { b: '&e;' } });
  });
});

describe('entities are decoded exactly once', () => {
  it('decodes a reference escaped twice in a title once more, as text (WordPress, STT)', () => {
    expect(ingestXml(rss('', '&amp;lt;b&amp;gt; &amp;amp; AT&amp;T')).articles[0]?.headline).toBe(
      '<b> & AT&T',
    );
    expect(ingestXml(rss('', 'Minister&amp;#8217;s visit')).articles[0]?.headline).toBe('Minister’s visit');
  });

  it('decodes an escaped HTML body once as XML, then once as HTML, never into markup', () => {
    const article = ingestXml(rss('', 't', '&lt;p&gt;x &amp;lt;script&amp;gt; y&lt;/p&gt;')).articles[0];
    expect(article?.bodyHtml).toBe('<p>x &lt;script&gt; y</p>');
    expect(article?.bodyText).toBe('x <script> y');
  });

  it('decodes HTML named entities in titles and reads &#146; as windows-1252', () => {
    expect(ingestXml(rss('', 'Caf&eacute;&nbsp;owner&#146;s &ldquo;deal&rdquo;')).articles[0]?.headline).toBe(
      'Café owner’s “deal”',
    );
  });

  it('decodes numeric references with leading zeros and upper-case hex', () => {
    expect(decodeXmlEntities('&#0000065;&#x000042;&#X43;')).toBe('ABC');
  });
});

describe('decodeXmlEntities on the five predefined references alone', () => {
  const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  /** One reference at a time, left to right: what the shortcut must equal. */
  const reference = (text: string) =>
    text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => PREDEFINED[name] ?? _);
  const pieces = fc.constantFrom(
    '&amp;',
    '&lt;',
    '&gt;',
    '&quot;',
    '&apos;',
    'amp;',
    'lt;',
    '&',
    ';',
    'a',
    ' ',
    '<p>',
  );

  it('decodes each exactly once, whatever they are mixed with', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(decodeXmlEntities(text)).toBe(reference(text));
      }),
      { numRuns: 500 },
    );
  });
});
