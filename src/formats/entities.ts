/**
 * Entity references in XML text and attribute values, decoded exactly once, here, for every
 * format that reads XML through xml.ts. Later stages never decode again: a title written
 * `&amp;lt;` is the text `&lt;`, and HTML bodies are decoded by the HTML stage only as HTML.
 *
 * - The five predefined entities.
 * - Character references. A reference to a code point XML cannot hold (NUL, C0 controls, lone
 *   surrogates, U+FFFE/FFFF, past U+10FFFF) becomes U+FFFD. 0x80–0x9F are read as windows-1252, as
 *   HTML does: `&#146;` in agency copy is an apostrophe, never a C1 control.
 * - HTML named entities (`&nbsp;`, `&rsquo;`, `&eacute;`): RSS uses them without any DTD.
 * - Anything else (`&lol2;` from a DOCTYPE, `&madeup;`) stays as written. DOCTYPE entities are
 *   never expanded or fetched, so billion-laughs and XXE documents read as their literal text.
 */
import { decodeHTMLStrict } from 'entities';
import { cp1252Char } from './cp1252.js';

const ENTITY = /&(?:#(\d+)|#[xX]([\da-fA-F]+)|([A-Za-z][A-Za-z\d]*));/g;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A reference other than the five predefined ones. */
const OTHER_REFERENCE = /&(?!(?:lt|gt|amp|quot|apos);)/;

export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  // Escaped HTML bodies hold hundreds of `&lt;`/`&gt;` and nothing else: five native passes are
  // twice as fast as a callback per reference. `&amp;` goes last, so `&amp;lt;` stays `&lt;`.
  if (!OTHER_REFERENCE.test(text)) {
    return text
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&');
  }
  return text.replace(ENTITY, (ref: string, dec?: string, hex?: string, name?: string) => {
    // decodeHTMLStrict on the one whole reference returns it unchanged when it names nothing.
    if (name !== undefined) return PREDEFINED[name] ?? decodeHTMLStrict(ref);
    return characterReference(dec === undefined ? Number.parseInt(hex ?? '', 16) : Number.parseInt(dec, 10));
  });
}

function characterReference(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return cp1252Char(code);
  return isXmlChar(code) ? String.fromCodePoint(code) : '\uFFFD';
}

/** XML 1.0 §2.2 Char. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
