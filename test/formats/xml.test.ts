import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeXmlEntities, parseXml, rawXmlToText } from '../../src/formats/xml.js';
import { malformed } from '../helpers/xml.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parseXml', () => {
  it('keeps a guid of digits as a string', () => {
    const doc = parseXml('<rss><channel><item><guid>0123</guid></item></channel></rss>');
    expect(doc).toMatchObject({ rss: { channel: { item: [{ guid: '0123' }] } } });
  });

  it('makes a single item an array', () => {
    const doc = parseXml('<rss><channel><item><title>a</title></item></channel></rss>');
    expect(doc).toMatchObject({ rss: { channel: { item: [{ title: 'a' }] } } });
  });

  it('decodes predefined and numeric entities', () => {
    const doc = parseXml('<a>&lt;b&gt; &amp; &#8217; &#x2019; &quot;</a>');
    expect(doc.a).toBe('<b> & ’ ’ "');
  });

  it('keeps CDATA content literally and merged into the text', () => {
    const doc = parseXml('<a><![CDATA[<p>x &amp; y</p>]]></a>');
    expect(doc.a).toBe('<p>x &amp; y</p>');
  });

  it('repairs bare ampersands in text and attributes', () => {
    const doc = parseXml('<a href="https://x.test/?a=1&b=2">R&D &amp; AT&T</a>');
    expect(doc.a).toEqual({ '#text': 'R&D & AT&T', '@_href': 'https://x.test/?a=1&b=2' });
  });

  it('decodes HTML named references, which RSS uses without a DTD', () => {
    expect(parseXml('<a t="caf&eacute;">Pakistan&rsquo;s&nbsp;PM</a>').a).toEqual({
      '#text': 'Pakistan’s\u00a0PM',
      '@_t': 'café',
    });
  });

  it('leaves references that name nothing as written', () => {
    expect(parseXml('<a>&madeup; &lol2;</a>').a).toBe('&madeup; &lol2;');
  });

  it('accepts whitespace before the XML declaration', () => {
    expect(parseXml('\n  <?xml version="1.0"?><a>x</a>').a).toBe('x');
  });

  it('does not expand DOCTYPE entities (billion laughs)', () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<a>&lol2;</a>`;
    expect(parseXml(xml).a).toBe('&lol2;');
  });

  it('does not resolve external entities (XXE)', () => {
    const xml = '<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><a>&xxe;</a>';
    expect(parseXml(xml).a).toBe('&xxe;');
  });

  it('maps an unusual prefix bound to the Media RSS namespace to media:', () => {
    const xml = '<rss xmlns:m="http://search.yahoo.com/mrss/"><m:content url="u"/></rss>';
    expect(parseXml(xml)).toMatchObject({ rss: { 'media:content': [{ '@_url': 'u' }] } });
  });

  it('throws PARSE_MALFORMED for mismatched tags', () => {
    expect(malformed('<rss><channel></rss>').code).toBe('PARSE_MALFORMED');
  });

  it('throws PARSE_MALFORMED for a truncated document', () => {
    expect(malformed('<rss><channel><item><title>cut off').code).toBe('PARSE_MALFORMED');
  });

  it('decodes text everywhere: raw markup (stop nodes) belongs to the formats that need it', () => {
    const doc = parseXml('<feed><title type="html">A &lt;b&gt;</title></feed>');
    expect(doc).toEqual({ feed: { title: { '#text': 'A <b>', '@_type': 'html' } } });
  });
});

describe('decodeXmlEntities and rawXmlToText', () => {
  it('turns character references to characters XML forbids into U+FFFD', () => {
    expect(decodeXmlEntities('a&#0;b&#x1;c&#xD800;d&#x110000;e&#99999999999;f&#xFFFE;')).toBe(
      'a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffd',
    );
  });

  it('reads CDATA literally and decodes entities around it', () => {
    expect(rawXmlToText('&lt;<![CDATA[&amp;<b>]]><!-- note -->&gt;')).toBe('<&amp;<b>>');
  });
});

describe('decodeBytes', () => {
  it('defaults to UTF-8', () => {
    expect(decodeBytes(utf8('<a>café</a>'), null)).toBe('<a>café</a>');
  });

  it('lets a byte-order mark win over the HTTP charset', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<a>é</a>')]);
    expect(decodeBytes(bytes, 'iso-8859-1')).toBe('<a>é</a>');
  });

  it('decodes UTF-16LE with a byte-order mark', () => {
    const text = '<a>नमस्ते</a>';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeBytes(bytes, null)).toBe(text);
  });

  it('falls back to the HTTP charset when bytes declared UTF-8 are not UTF-8', () => {
    const bytes = new Uint8Array([
      ...utf8('<?xml version="1.0" encoding="utf-8"?><a>'),
      0xe9,
      ...utf8('</a>'),
    ]);
    expect(decodeBytes(bytes, 'iso-8859-1')).toContain('<a>é</a>');
  });

  it('uses the XML declaration when there is no BOM or charset', () => {
    const bytes = new Uint8Array([
      ...utf8('<?xml version="1.0" encoding="windows-1252"?><a>'),
      0x93,
      0x96,
      0x80,
    ]);
    expect(decodeBytes(bytes, null)).toContain('<a>“–€');
  });

  it('maps windows-1252 bytes 0x80–0x9F to their characters for iso-8859-1 labels too', () => {
    expect(decodeBytes(new Uint8Array([0x93, 0x41, 0x94]), 'ISO-8859-1')).toBe('“A”');
  });

  it('falls back to UTF-8 for an unknown charset label', () => {
    expect(decodeBytes(utf8('<a>é</a>'), 'x-no-such-charset')).toBe('<a>é</a>');
  });

  it('strips characters that XML 1.0 forbids', () => {
    expect(decodeBytes(utf8('<a>x\u0001y\u000bz\uffff</a>'), null)).toBe('<a>xyz</a>');
  });
});
