/**
 * Whatever HTML an agency body holds, `sanitiseHtml` output carries no script-capable markup:
 * HTML is generated from a grammar of dangerous constructs (script/style/iframe/object/svg/math,
 * on* handlers in random case, javascript:/data:/vbscript: URLs behind entity and whitespace
 * tricks, nested and unclosed tags, comments, CDATA) and the output is checked both as text and
 * as parsed by a browser-grade parser.
 */
import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlToText, sanitisedHtmlToText, sanitiseHtml } from '../../src/normalise/html.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);

/** Random upper/lower case per character: `oNcLiCk`, `ScRiPt`. */
const randomCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((flags) => [...word].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(''));

// biome-ignore format: one list reads better than one name a line
const DANGEROUS_TAGS = ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'base', 'meta',
  'link', 'frameset', 'frame', 'noscript', 'template', 'textarea', 'xmp', 'plaintext', 'noembed', 'applet'];
const BENIGN_TAGS = ['p', 'a', 'img', 'div', 'span', 'b', 'table', 'td', 'ul', 'li', 'h1', 'figure', 'br'];
const HANDLERS = ['onclick', 'onerror', 'onload', 'onmouseover', 'onfocus', 'onanimationstart'];

/** `javascript:` written the ways filters get bypassed: entities, controls, whitespace, case. */
const scheme = fc.oneof(
  randomCase('javascript:'),
  randomCase('vbscript:'),
  randomCase('data:'),
  fc.constantFrom(
    '&#106;avascript:',
    '&#x6A;&#x61;vascript:',
    '&#0000106;avascript:',
    'java&#x09;script:',
    'java&#10;script:',
    'jav&Tab;ascript:',
    'javascript&colon;',
    ' \u0001javascript:',
    '\u0000javascript:',
    'java\nscript:',
    'java\u0000script:',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==,',
    'data:image/svg+xml,',
    '&#100;ata:',
  ),
);
const url = fc.oneof(
  fc.tuple(scheme, fc.constantFrom('alert(1)', '//x.test/', '')).map(([s, rest]) => s + rest),
  fc.constantFrom('https://ok.test/a', '/relative', '//proto.test/x', 'mailto:a@b.test'),
);

const quote = fc.constantFrom('"', "'", '');
const attribute = fc.oneof(
  fc.tuple(fc.constantFrom(...HANDLERS).chain(randomCase), quote).map(([n, q]) => ` ${n}=${q}alert(1)${q}`),
  fc
    .tuple(
      fc.constantFrom('href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'background'),
      quote,
      url,
    )
    .map(([n, q, u]) => ` ${n}=${q}${u}${q}`),
  fc.constantFrom(' style="background:url(javascript:alert(1))"', ' title="t"', ' /', '/onload=alert(1)'),
);

const tagName = fc.oneof(
  fc.constantFrom(...DANGEROUS_TAGS).chain(randomCase),
  fc.constantFrom(...BENIGN_TAGS),
);
const text = fc.constantFrom('Text ', 'x', 'alert(1)', ' ', '&amp;', '&lt;', '>', '"');

const { html } = fc.letrec<{ html: string; node: string }>((tie) => ({
  html: fc.array(tie('node'), { maxLength: 6 }).map((nodes) => nodes.join('')),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.constantFrom(
      '<!-- <script>alert(1)</script> -->',
      '<![CDATA[<script>alert(1)</script>]]>',
      '<!--><script>alert(1)</script>-->',
      '<!DOCTYPE html>',
      '</script>',
      '<scr<script>ipt>alert(1)</script>',
      '<svg><script>alert(1)</script></svg>',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<style><img src=x onerror=alert(1)></style>',
      '<a href="javascript:alert(1)">x</a>',
      '<img src=x onerror=alert(1)//',
    ),
    fc
      .tuple(tagName, fc.array(attribute, { maxLength: 3 }), tie('html'), fc.boolean())
      .map(
        ([name, attrs, inner, closed]) => `<${name}${attrs.join('')}>${inner}${closed ? `</${name}>` : ''}`,
      ),
  ),
}));

const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'svg',
  'math',
  'style',
  'object',
  'embed',
  'base',
  'form',
]);
const BAD_URL = /^(?:javascript|vbscript|data):/i;

/** What a browser would build from the output: forbidden elements and attributes, if any. */
function dangerIn(output: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (FORBIDDEN_ELEMENTS.has(name)) found.push(`<${name}>`);
        for (const [key, value] of Object.entries(attribs)) {
          if (/^on/i.test(key)) found.push(`${name}[${key}]`);
          // Browsers ignore controls and whitespace inside a scheme: `java\tscript:` is javascript:.
          const bare = [...value].filter((c) => c.charCodeAt(0) > 0x20).join('');
          if ((key === 'href' || key === 'src') && BAD_URL.test(bare)) found.push(`${name}[${key}=${value}]`);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(output);
  return found;
}

/** The brief's literal checks: no forbidden tag opener, and no on*= inside any tag. */
function literalDangerIn(output: string): string[] {
  const found = [...output.matchAll(/<(?:script|iframe|svg|math|style)/gi)].map((m) => m[0]);
  for (const [tag] of output.matchAll(/<[a-z][^>]*>/gi)) {
    if (/\son\w+\s*=/i.test(tag)) found.push(tag);
    if (/\s(?:href|src)\s*=\s*["']?\s*(?:javascript|data|vbscript):/i.test(tag)) found.push(tag);
  }
  return found;
}

describe('sanitiseHtml on hostile HTML', () => {
  for (const base of [null, 'https://wire.example.test/story/1']) {
    it(`leaves no script-capable markup (base ${base ?? 'none'})`, () => {
      fc.assert(
        fc.property(html, (input) => {
          const output = sanitiseHtml(input, base);
          expect(dangerIn(output), output).toEqual([]);
          expect(literalDangerIn(output), output).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('is idempotent: sanitising its own output changes nothing dangerous', () => {
    fc.assert(
      fc.property(html, (input) => {
        const once = sanitiseHtml(input, null);
        expect(dangerIn(sanitiseHtml(once, null))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the text of sanitised HTML', () => {
  it('reads the same through the fast reader as through htmlparser2', () => {
    fc.assert(
      fc.property(html, fc.constantFrom<readonly string[]>([], ['ok.test']), (input, iframeHosts) => {
        const sanitised = sanitiseHtml(input, 'https://wire.example.test/story/1', iframeHosts);
        expect(sanitisedHtmlToText(sanitised)).toBe(htmlToText(sanitised));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('text without tags', () => {
  const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
  const pieces = fc.constantFrom(
    '&amp;',
    '&amp',
    '&lt;',
    '&rsquo;',
    '&#8217;',
    '&#x41;',
    '&nbsp;',
    '&notin;',
    '&not',
    '&',
    ';',
    '#',
    'a',
    'Z',
    '9',
    ' ',
    '  ',
    '\t',
    '\n',
    '\r\n',
    '\u00a0',
    '\f',
    '’',
    '"',
    "'",
    '>',
  );
  const tagless = fc.array(pieces, { maxLength: 30 }).map((p) => p.join(''));

  it('reads the same through the entity decoder as through the HTML reader', () => {
    fc.assert(
      fc.property(tagless, (text) => {
        expect(collapse(decodeHTML(text))).toBe(collapse(htmlToText(text)));
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('reads back as itself once escaped, up to whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(collapse(htmlToText(escapeHtml(text)))).toBe(collapse(text));
      }),
      { numRuns: RUNS * 5 },
    );
  });
});
