/**
 * Bytes → string for XML feeds. The policy, adapted from RFC 7303 §3 (RFC 3023) to what servers
 * and agencies actually send:
 *
 * 1. A byte-order mark (UTF-8, UTF-16LE/BE) is authoritative.
 * 2. BOM-less UTF-16 is recognised from NULs beside ASCII in the first four bytes (`<\0?\0x\0m\0l`,
 *    `\0<\0?\0x\0m\0l`). A UTF-16 label on bytes that read as ASCII is ignored: they cannot be UTF-16.
 * 3. Then the XML declaration's encoding, then the HTTP charset, then UTF-8. The declaration wins
 *    over HTTP, unlike RFC 7303, because the document's author wrote it while a server's charset is
 *    usually a default (Apache's ISO-8859-1). RFC 3023's us-ascii default for `text/xml` without
 *    a charset is never applied: such servers mean UTF-8 or whatever the declaration says.
 * 4. Validity fallbacks. A UTF-8 label (or none) on bytes that are not UTF-8 falls to the other
 *    8-bit candidate, else to windows-1252 byte by byte (valid UTF-8 sequences stay UTF-8). An 8-bit
 *    or legacy label on bytes that are valid UTF-8 with multibyte sequences means UTF-8 mislabelled
 *    (UTF-8 served as ISO-8859-1): real ISO-8859-1 text is almost never valid UTF-8 as well.
 * 5. Every windows-1252 alias (iso-8859-1, latin1, us-ascii) gets cp1252's 0x80–0x9F.
 * 6. Characters XML 1.0 forbids are dropped rather than failing the parse.
 */
import { decodeStrictUtf8, decodeUtf8OrCp1252, hasHighBytes, windows1252C1 } from './cp1252.js';

export function decodeBytes(bytes: Uint8Array, contentTypeCharset: string | null): string {
  return stripIllegalXmlChars(decode(bytes, contentTypeCharset));
}

function decode(bytes: Uint8Array, httpCharset: string | null): string {
  const bom = bomEncoding(bytes) ?? utf16Pattern(bytes);
  if (bom?.startsWith('utf-16')) return new TextDecoder(bom).decode(bytes);
  const labels = [bom, declaredEncoding(bytes), httpCharset]
    .map(supported)
    .filter((l): l is string => l !== null && !l.startsWith('utf-16'));
  const label = labels[0] ?? 'utf-8';
  if (label === 'utf-8') {
    const utf8 = decodeStrictUtf8(bytes);
    if (utf8 !== null) return utf8;
    const other = bom === null ? labels.find((l) => l !== 'utf-8' && l !== 'windows-1252') : undefined;
    return other === undefined ? decodeUtf8OrCp1252(bytes) : decodeLegacy(bytes, other);
  }
  const utf8 = hasHighBytes(bytes) ? decodeStrictUtf8(bytes) : null;
  return utf8 ?? decodeLegacy(bytes, label);
}

function decodeLegacy(bytes: Uint8Array, label: string): string {
  const text = new TextDecoder(label).decode(bytes);
  return label === 'windows-1252' ? windows1252C1(text) : text;
}

/** The `charset` parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | null): string | null {
  if (!contentType) return null;
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1] ?? null;
}

/** Characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/FFFF) make parsers fail. */
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Any code unit outside the BMP's legal ranges, surrogates included. Legal text rarely has one (an
 * emoji's surrogate pair does), so the slower code-point scan runs only when this finds something.
 */
const MAYBE_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;

export function stripIllegalXmlChars(text: string): string {
  return MAYBE_ILLEGAL.test(text) ? text.replace(ILLEGAL_XML_CHARS, '') : text;
}

/** TextDecoder drops the BOM it is named for; a UTF-8 BOM on invalid bytes is trimmed later. */
function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** BOM-less UTF-16: two ASCII characters (`<?`, `<r`, ` <`) with their NUL high bytes. */
function utf16Pattern(b: Uint8Array): string | null {
  if (b.length < 4) return null;
  const ascii = (x: number | undefined) => x !== undefined && x > 0 && x < 0x80;
  if (ascii(b[0]) && b[1] === 0 && ascii(b[2]) && b[3] === 0) return 'utf-16le';
  if (b[0] === 0 && ascii(b[1]) && b[2] === 0 && ascii(b[3])) return 'utf-16be';
  return null;
}

/** A WHATWG encoding name for the label, or null when TextDecoder does not know it. */
function supported(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/**
 * `<?xml … encoding="…"?>` in the first kilobyte, read as ASCII. Not anchored at the start:
 * garbage before the declaration (a PHP warning) is skipped by the parser too.
 */
function declaredEncoding(b: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  return /<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head)?.[1] ?? null;
}
