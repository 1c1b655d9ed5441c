/**
 * The one place fast-xml-parser is imported: shared parser configuration, the lenient
 * pre-processing real agency feeds need, and byte decoding. Format parsers get plain objects back
 * and read them through `node.ts`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IngestError } from '../model/index.js';
import { canonicalPrefixes } from './namespaces.js';
import { isNode, type XmlNode } from './node.js';
import { readProlog } from './prolog.js';

/** Elements that may repeat; always arrays so a single `<item>` reads like many. */
const REPEATABLE = new Set([
  'item',
  'entry',
  'category',
  'link',
  'author',
  'contributor',
  'enclosure',
  'dc:creator',
  'dc:subject',
  'media:content',
  'media:group',
  'media:thumbnail',
  'media:credit',
]);

/**
 * Atom text constructs are kept as raw markup: `type="xhtml"` content must be re-serialised in
 * document order, which the object form loses. atom/text.ts turns the raw string into text or HTML.
 */
const ATOM_RAW_TEXT = ['title', 'subtitle', 'tagline', 'rights', 'copyright'].map((n) => `feed.${n}`);
const ENTRY_RAW_TEXT = ['title', 'summary', 'content', 'rights'].map((n) => `feed.entry.${n}`);

/** Prefix remapping for the document being parsed; set and cleared around each synchronous parse. */
let prefixMap: Map<string, string> | null = null;

/**
 * Only the five predefined entities and character references are decoded. DOCTYPE-declared
 * entities are never registered, so billion-laughs and external entities (XXE) cannot expand.
 */
const xmlOnlyEntities = {
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
  decode: decodeXmlEntities,
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  allowBooleanAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  entityDecoder: xmlOnlyEntities,
  stopNodes: [...ATOM_RAW_TEXT, ...ENTRY_RAW_TEXT],
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATABLE.has(name),
  transformTagName: (name) => remapPrefix(name),
});

/** Parses a decoded document; throws `PARSE_MALFORMED` for XML that is beyond repair. */
export function parseXml(text: string): XmlNode {
  const xml = prepare(text);
  const verdict = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    throw new IngestError('PARSE_MALFORMED', `${msg} (line ${line}, column ${col})`);
  }
  prefixMap = canonicalPrefixes(xml);
  try {
    const doc: unknown = parser.parse(xml);
    if (!isNode(doc)) throw new Error('parser returned no document');
    return doc;
  } catch (err) {
    throw new IngestError('PARSE_MALFORMED', err instanceof Error ? err.message : String(err), {
      cause: err,
    });
  } finally {
    prefixMap = null;
  }
}

/**
 * Lenient repairs before validation: leading whitespace before `<?xml`, the DOCTYPE (dropped: we
 * never use it), and bare `&` (e.g. `AT&T`, unescaped query strings), which feeds emit constantly.
 */
function prepare(text: string): string {
  let xml = text.trimStart();
  const { doctype } = readProlog(xml);
  if (doctype) xml = xml.slice(0, doctype.start) + xml.slice(doctype.end < 0 ? xml.length : doctype.end);
  return escapeBareAmpersands(xml);
}

/**
 * CDATA, comments and PIs are matched first so the `&` inside them stays untouched. An unclosed
 * section runs to the end (`|$`) so the scan stays linear; the validator then rejects the document.
 */
const BARE_AMP =
  /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|&(?![A-Za-z_][\w.-]*;|#\d+;|#x[\da-fA-F]+;)/g;

function escapeBareAmpersands(xml: string): string {
  if (!xml.includes('&')) return xml;
  return xml.replace(BARE_AMP, (m) => (m === '&' ? '&amp;' : m));
}

function remapPrefix(name: string): string {
  if (!prefixMap) return name;
  const colon = name.indexOf(':');
  if (colon < 0) return name;
  const to = prefixMap.get(name.slice(0, colon));
  return to === undefined ? name : `${to}:${name.slice(colon + 1)}`;
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([\da-fA-F]{1,6}));/g;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes predefined and numeric references; other `&name;` stay as written (HTML decodes them). */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_m, named?: string, dec?: string, hex?: string) => {
    if (named) return PREDEFINED[named] ?? '';
    const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return isXmlChar(code) ? String.fromCodePoint(code) : '';
  });
}

const RAW_SECTIONS = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)/g;

/**
 * XML text of a raw (unparsed) element body: CDATA sections kept literally, comments dropped,
 * entity references decoded elsewhere.
 */
export function rawXmlToText(raw: string): string {
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(RAW_SECTIONS)) {
    out += decodeXmlEntities(raw.slice(last, m.index)) + (m[1] ?? '');
    last = m.index + m[0].length;
  }
  return out + decodeXmlEntities(raw.slice(last));
}

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

export { decodeBytes } from './encoding.js';
