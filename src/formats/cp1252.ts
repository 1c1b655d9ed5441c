/**
 * windows-1252, the encoding agency copy falls back to when it is not UTF-8: desks paste from
 * Word, and the curly quotes, dashes and € arrive as cp1252 bytes 0x80–0x9F whatever the label says.
 */

/**
 * cp1252's characters for 0x80–0x9F. The five bytes cp1252 leaves undefined keep their C1 code
 * point, as the WHATWG encoding spec does.
 */
const C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** The character a cp1252 byte (or a C1 code point read as one) stands for. */
export function cp1252Char(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? C1.charAt(byte - 0x80) : String.fromCharCode(byte);
}

/**
 * Node 20's TextDecoder decodes `windows-1252` (and its WHATWG aliases iso-8859-1, latin1, ascii)
 * as ISO-8859-1, leaving 0x80–0x9F as C1 controls (fixtures/feeds/rss/windows-1252.rss.xml).
 */
export function windows1252C1(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => cp1252Char(c.charCodeAt(0)));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text when the bytes are well-formed UTF-8 (no overlongs, surrogates or code points past
 * U+10FFFF), else null. Checking and decoding are one pass: a 10,000-item feed is decoded once.
 */
export function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

export function hasHighBytes(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

const encoder = new TextEncoder();
const CP1252_AS_UTF8 = Array.from({ length: 128 }, (_, i) => encoder.encode(cp1252Char(0x80 + i)));

/**
 * UTF-8 where the bytes are UTF-8, windows-1252 for every byte that is not part of a valid
 * sequence. A whole cp1252 document reads as cp1252, and a UTF-8 feed with one pasted cp1252
 * paragraph keeps both its Devanagari and its curly quotes.
 */
export function decodeUtf8OrCp1252(bytes: Uint8Array): string {
  const out = new Uint8Array(bytes.length * 3);
  let o = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      out[o++] = b;
      i++;
      continue;
    }
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      out.set(bytes.subarray(i, i + n), o);
      o += n;
      i += n;
    } else {
      const utf8 = CP1252_AS_UTF8[b - 0x80] ?? new Uint8Array();
      out.set(utf8, o);
      o += utf8.length;
      i++;
    }
  }
  return new TextDecoder('utf-8').decode(out.subarray(0, o));
}

/** Length of the valid UTF-8 sequence starting at `i` (lead byte ≥ 0x80), or 0 (RFC 3629 §4). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const at = (k: number) => bytes[i + k] ?? 0;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => at(k) >= lo && at(k) <= hi;
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (lead === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (lead >= 0xe1 && lead <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (lead === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (lead >= 0xf1 && lead <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (lead === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
