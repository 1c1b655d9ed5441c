/** The charset policy of src/formats/encoding.ts, one quirk per test. */
import { describe, expect, it } from 'vitest';
import { charsetOf, decodeBytes } from '../../src/formats/encoding.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const [lo, hi] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
    out.push(...(order === 'le' ? [lo, hi] : [hi, lo]));
  }
  return new Uint8Array(out);
}

const DECL_1252 = '<?xml version="1.0" encoding="windows-1252"?>';
const CYRILLIC_1251 = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]; // "Привет" in windows-1251

describe('decodeBytes: which label wins', () => {
  it('reads text/xml without a charset as UTF-8, not RFC 3023 us-ascii', () => {
    expect(decodeBytes(utf8('<a>नमस्ते</a>'), charsetOf('text/xml'))).toBe('<a>नमस्ते</a>');
  });

  it('lets the XML declaration win over a server default charset', () => {
    const doc = bytes('<?xml version="1.0" encoding="windows-1251"?><a>', CYRILLIC_1251, '</a>');
    expect(decodeBytes(doc, 'ISO-8859-1')).toContain('<a>Привет</a>');
  });

  it('uses the HTTP charset when the document declares none', () => {
    expect(decodeBytes(bytes('<a>', CYRILLIC_1251, '</a>'), 'windows-1251')).toBe('<a>Привет</a>');
  });

  it('ignores a UTF-16 label on bytes that read as ASCII', () => {
    const doc = bytes('<?xml version="1.0" encoding="UTF-16"?><a>é</a>');
    expect(decodeBytes(doc, 'utf-16')).toContain('<a>é</a>');
  });
});

describe('decodeBytes: validity fallbacks', () => {
  it('reads UTF-8 bytes declared ISO-8859-1 as UTF-8', () => {
    const doc = bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a>café — “x”</a>');
    expect(decodeBytes(doc, 'iso-8859-1')).toContain('<a>café — “x”</a>');
  });

  it('keeps a genuine ISO-8859-1 document as ISO-8859-1', () => {
    const doc = bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a>caf', [0xe9], '</a>');
    expect(decodeBytes(doc, null)).toContain('<a>café</a>');
  });

  it('reads bytes declared UTF-8 that are not UTF-8 as windows-1252, smart quotes included', () => {
    const doc = bytes('<?xml version="1.0" encoding="utf-8"?><a>', [0x93, 0x41, 0x94, 0x20, 0x80], '</a>');
    expect(decodeBytes(doc, null)).toContain('<a>“A” €</a>');
  });

  it('keeps valid UTF-8 sequences when a few stray windows-1252 bytes are mixed in', () => {
    const doc = bytes('<a>नमस्ते India', [0x92], 's</a>');
    expect(decodeBytes(doc, 'utf-8')).toBe('<a>नमस्ते India’s</a>');
  });

  it('falls back to windows-1252 after a UTF-8 byte-order mark on bytes that are not UTF-8', () => {
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], '<a>', [0x96], '</a>'), null)).toBe('<a>–</a>');
  });

  it('maps 0x80–0x9F to windows-1252 under a declared windows-1252', () => {
    expect(decodeBytes(bytes(DECL_1252, '<a>', [0x85, 0x99], '</a>'), null)).toContain('<a>…™</a>');
  });
});

describe('decodeBytes: UTF-16', () => {
  const doc = '<?xml version="1.0" encoding="UTF-16"?><a>नमस्ते “x”</a>';

  for (const order of ['le', 'be'] as const) {
    it(`decodes UTF-16${order.toUpperCase()} with a byte-order mark`, () => {
      expect(decodeBytes(utf16(doc, order, true), null)).toBe(doc);
    });

    it(`decodes UTF-16${order.toUpperCase()} without a byte-order mark from the <?xml pattern`, () => {
      expect(decodeBytes(utf16(doc, order, false), 'iso-8859-1')).toBe(doc);
    });
  }

  it('decodes BOM-less UTF-16LE that starts with the root element', () => {
    expect(decodeBytes(utf16('<rss/>', 'le', false), null)).toBe('<rss/>');
  });
});

describe('decodeBytes: characters XML forbids', () => {
  it('drops C0 controls and noncharacters instead of failing', () => {
    expect(decodeBytes(bytes('<a>x', [0x00, 0x08], 'y\u000bz\uffff</a>'), null)).toBe('<a>xyz</a>');
  });
});
