/**
 * Bytes → string for XML feeds. Order of authority (RFC 7303 §3): byte-order mark, then the HTTP
 * charset, then the XML declaration, then UTF-8. Agencies still ship windows-1252 with a wrong or
 * missing declaration, so a bad label falls back to UTF-8 rather than failing.
 */

export function decodeBytes(bytes: Uint8Array, contentTypeCharset: string | null): string {
  const label =
    bomEncoding(bytes) ?? supported(contentTypeCharset) ?? supported(declaredEncoding(bytes)) ?? 'utf-8';
  const decoder = new TextDecoder(label);
  const text = decoder.decode(bytes);
  return stripIllegalXmlChars(decoder.encoding === 'windows-1252' ? windows1252C1(text) : text);
}

/**
 * Node 20's TextDecoder decodes `windows-1252` (and its WHATWG aliases iso-8859-1, latin1, ascii)
 * as ISO-8859-1, leaving 0x80–0x9F as C1 controls. Those bytes are curly quotes, dashes and € in
 * every real feed that uses them (fixtures/feeds/rss/windows-1252.rss.xml).
 */
const CP1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function windows1252C1(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => CP1252_C1.charAt(c.charCodeAt(0) - 0x80));
}

/** The `charset` parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | null): string | null {
  if (!contentType) return null;
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1] ?? null;
}

/** Characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/FFFF) make parsers fail. */
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '');
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

function supported(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** Reads `<?xml … encoding="…"?>`; BOM-less UTF-16 is recognised from the `<?` byte pattern. */
function declaredEncoding(b: Uint8Array): string | null {
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return 'utf-16le';
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(b.subarray(0, 512));
  const label = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head)?.[1] ?? null;
  // A declaration readable as ASCII cannot be UTF-16; feeds that claim it are really 8-bit.
  return label && /^utf-?16/i.test(label) ? null : label;
}
