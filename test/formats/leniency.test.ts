/** The leniency policy of src/formats/leniency.ts: what is repaired, and what is still rejected. */
import { describe, expect, it } from 'vitest';
import { parseRss } from '../../src/formats/rss/parse.js';
import { parseXml } from '../../src/formats/xml.js';
import type { ItemDraft } from '../../src/model/index.js';
import { malformed } from '../helpers/xml.js';

function drafts(xml: string): ItemDraft[] {
  return parseRss(xml).items.flatMap((r) => (r.ok ? [r.draft] : []));
}

describe('repairs that apply to every document', () => {
  it('skips a UTF-8 BOM and blank lines before the declaration', () => {
    expect(parseXml('\uFEFF\n\n<?xml version="1.0"?><a>x</a>').a).toBe('x');
  });

  it('skips a PHP warning printed before the declaration', () => {
    const xml =
      'Warning: date(): It is not safe in /var/www/feed.php on line 3\n<?xml version="1.0"?><a>x</a>';
    expect(parseXml(xml).a).toBe('x');
  });

  it('skips an HTML-formatted PHP warning before the declaration', () => {
    const xml =
      '<br />\n<b>Notice</b>: Undefined index in <b>feed.php</b><br />\n<?xml version="1.0"?><a>x</a>';
    expect(parseXml(xml).a).toBe('x');
  });

  it('does not treat an <?xml inside CDATA as the start of the document', () => {
    const xml = '<a><![CDATA[see <?xml version="1.0"?> here]]></a>';
    expect(parseXml(xml).a).toBe('see <?xml version="1.0"?> here');
  });

  it('reads an & that the validator would not take as a reference as text', () => {
    expect(parseXml('<a>R&D &a-b; &foo.bar; &#X41; &x;</a>').a).toBe('R&D &a-b; &foo.bar; &#X41; &x;');
  });

  it('escapes a < that cannot start markup', () => {
    expect(parseXml('<a t="1 < 2">5 < 6, a <= b, <3</a>').a).toEqual({
      '#text': '5 < 6, a <= b, <3',
      '@_t': '1 < 2',
    });
  });

  it('accepts an undeclared namespace prefix', () => {
    expect(parseXml('<rss><item><media:content url="u"/></item></rss>')).toMatchObject({
      rss: { item: [{ 'media:content': [{ '@_url': 'u' }] }] },
    });
  });

  it('leaves element case alone outside RSS and Atom', () => {
    expect(parseXml('<NewsML><Title>x</Title></NewsML>')).toEqual({ NewsML: { Title: 'x' } });
  });
});

describe('mixed-case RSS and Atom', () => {
  it('gives RSS element names their spec case', () => {
    const xml =
      '<RSS version="2.0"><Channel><Title>T</Title><Item><Title>Hello</Title><PubDate>Tue, 06 Jun 2023 18:23:00 +0530</pubdate>' +
      '<GUID>g1</GUID><Description>Body</DESCRIPTION></Item></Channel></RSS>';
    expect(drafts(xml)).toMatchObject([
      { title: 'Hello', guid: 'g1', published: 'Tue, 06 Jun 2023 18:23:00 +0530', bodyHtml: 'Body' },
    ]);
  });

  it('leaves markup inside CDATA as written', () => {
    const xml =
      '<rss><channel><item><title>t</title><description><![CDATA[<P>Body</P>]]></description></item></channel></rss>';
    expect(drafts(xml)[0]?.bodyHtml).toBe('<P>Body</P>');
  });
});

describe('RSS shapes seen in the wild', () => {
  it('reads a single item as a list of one', () => {
    expect(drafts('<rss><channel><item><title>only</title></item></channel></rss>')).toHaveLength(1);
  });

  it('reads items outside <channel>', () => {
    const xml =
      '<rss><channel><title>T</title></channel><item><title>a</title></item><item><title>b</title></item></rss>';
    expect(drafts(xml).map((d) => d.title)).toEqual(['a', 'b']);
  });
});

describe('repairs tried only when the document is not well-formed', () => {
  it('self-closes HTML void elements in unescaped markup', () => {
    const xml =
      '<rss><channel><item><title>t</title><description>a<br>b<BR>c<hr><img src="x.jpg"></description></item></channel></rss>';
    expect(drafts(xml)[0]?.title).toBe('t');
  });

  it('drops stray end tags of void elements', () => {
    expect(parseXml('<a>x<br>y</br><br></a>')).toMatchObject({ a: { '#text': 'xy', br: ['', ''] } });
  });

  it('drops end tags that close nothing open, and keeps the markup around them', () => {
    const xml =
      '<rss><channel><image><url>u</url><height>60</height></height></image>' +
      '<item><title>t</title><description>a <p>b</p></p> c</description></item></channel></rss>';
    expect(drafts(xml)[0]).toMatchObject({ title: 't', bodyHtml: 'a <p>b</p> c' });
    expect(parseXml('<a x="1>2"><b>y</b></c></a>').a).toMatchObject({ b: 'y' });
  });

  it('cuts text after the root element', () => {
    expect(parseXml('<rss><channel/></rss>\n<b>Debug</b>: 12 queries').rss).toEqual({ channel: '' });
  });

  it('leaves a well-formed <br></br> alone', () => {
    expect(parseXml('<a><br></br></a>').a).toEqual({ br: '' });
  });
});

describe('what stays rejected', () => {
  const broken = {
    'an unclosed root': '<rss><channel><item><title>x</title></item></channel>',
    'mismatched tags': '<rss><channel></rss>',
    'an end tag closing past an unclosed child': '<rss><channel><item><title>x</item></channel></rss>',
    'garbage with no element': 'this is not xml at all',
    'an empty document': '',
    'an unclosed DOCTYPE': '<!DOCTYPE rss [ <!ENTITY a "b"> <rss/>',
    'an unquoted attribute': '<rss version=2.0></rss>',
    'an unclosed comment': '<rss><!-- never closed </rss>',
    'an unclosed CDATA section': '<rss><![CDATA[ never closed </rss>',
  };
  for (const [what, xml] of Object.entries(broken)) {
    it(`rejects ${what} with PARSE_MALFORMED`, () => {
      expect(malformed(xml).code).toBe('PARSE_MALFORMED');
    });
  }

  it('rejects 100,000 nested elements without overflowing the stack', () => {
    expect(malformed(`${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`).code).toBe('PARSE_MALFORMED');
  });
});
