/**
 * The one place fast-xml-parser is imported: shared parser configuration, the lenient
 * pre-processing real agency feeds need, and byte decoding. Format parsers get plain objects back
 * and read them through `node.ts`.
 */
import { XMLParser } from 'fast-xml-parser';
import { IngestError } from '../model/index.js';
import { decodeXmlEntities } from './entities.js';
import { prepare, repair } from './leniency.js';
import { fromOrdered, type Markup } from './markup.js';
import { canonicalPrefixes } from './namespaces.js';
import { isNode, type XmlNode } from './node.js';
import { checkWellFormed } from './well-formed.js';

/** Elements that may repeat in RSS and Atom; always arrays so a single `<item>` reads like many. */
export const REPEATABLE: readonly string[] = [
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
];

/** Prefix remapping for the document being parsed; set and cleared around each synchronous parse. */
let prefixMap: Map<string, string> | null = null;

/**
 * entities.ts decodes every reference, exactly once. DOCTYPE-declared entities are never
 * registered, so billion-laughs and external entities (XXE) cannot expand.
 */
const xmlOnlyEntities = {
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
  decode: decodeXmlEntities,
};

/** Options every parser here shares: attributes kept, values left as strings, entity-safe decoding. */
const SHARED_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  allowBooleanAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  entityDecoder: xmlOnlyEntities,
  // No callback here reads the path; building its string for every element cost ~3% of an ingest.
  jPath: false,
} as const;

/**
 * Parses a decoded document with the repeatable elements of RSS and Atom; throws `PARSE_MALFORMED`
 * for XML that is beyond repair.
 */
export const parseXml = createXmlParser({ repeatable: REPEATABLE, stopNodes: [] });

export interface XmlParserOptions {
  /** Element names always returned as arrays. */
  repeatable: readonly string[];
  /**
   * fast-xml-parser stop-node paths (`nitf.body`, `..inlineXML`) kept as raw markup. Each one is
   * matched against every element, so a parser carries only the ones its format needs.
   */
  stopNodes: readonly string[];
}

/**
 * A parser with its own repeatable elements and raw (stop) nodes, sharing the repairs, validation,
 * entity safety and prefix canonicalisation of `parseXml`. Build it once, at module level.
 */
export function createXmlParser(options: XmlParserOptions): (text: string) => XmlNode {
  const repeatable = new Set(options.repeatable);
  const own = new XMLParser({
    ...SHARED_OPTIONS,
    trimValues: true,
    stopNodes: [...options.stopNodes],
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && repeatable.has(name),
    transformTagName: (name) => remapPrefix(name),
  });
  return (text) => parseWith(own, text);
}

function parseWith(objectParser: XMLParser, text: string): XmlNode {
  const xml = validated(text);
  prefixMap = canonicalPrefixes(xml);
  try {
    const doc: unknown = objectParser.parse(xml);
    if (!isNode(doc)) throw new Error('parser returned no document');
    return doc;
  } catch (err) {
    throw malformed(err);
  } finally {
    prefixMap = null;
  }
}

/**
 * The prepared document, or its repaired copy when only that validates; the first error otherwise.
 * What is prepared and what is repaired is leniency.ts's policy.
 */
function validated(text: string): string {
  const xml = prepare(text);
  const problem = checkWellFormed(xml);
  if (problem === null) return xml;
  const repaired = repair(xml);
  if (repaired !== xml && checkWellFormed(repaired) === null) return repaired;
  const { message, line, column } = problem;
  throw new IngestError('PARSE_MALFORMED', `${message} (line ${line}, column ${column})`);
}

function malformed(err: unknown): IngestError {
  return new IngestError('PARSE_MALFORMED', err instanceof Error ? err.message : String(err), { cause: err });
}

/**
 * Document order, untrimmed text and local names (prefixes dropped): for mixed content such as
 * NITF bodies and NewsML-G2 `inlineXML`, where element order and the spaces between inline
 * elements are the content.
 */
const markupParser = new XMLParser({
  ...SHARED_OPTIONS,
  preserveOrder: true,
  trimValues: false,
  removeNSPrefix: true,
});

/** A whole document in document order, repaired and validated like `parseXml` (NITF). */
export function parseXmlMarkup(text: string): Markup[] {
  return markupOf(validated(text));
}

/** Raw markup from a stop node of a document that has already been validated. */
export function parseMarkup(raw: string): Markup[] {
  return markupOf(raw);
}

function markupOf(xml: string): Markup[] {
  try {
    return fromOrdered(markupParser.parse(xml), SHARED_OPTIONS.attributeNamePrefix);
  } catch (err) {
    throw malformed(err);
  }
}

function remapPrefix(name: string): string {
  if (!prefixMap) return name;
  const colon = name.indexOf(':');
  if (colon < 0) return name;
  const to = prefixMap.get(name.slice(0, colon));
  if (to === undefined) return name;
  // '' canonicalises a vocabulary its documents use unprefixed (NewsML-G2, NITF): the local name.
  return to === '' ? name.slice(colon + 1) : `${to}:${name.slice(colon + 1)}`;
}

const RAW_SECTIONS = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)/g;

/**
 * XML text of a raw (unparsed) element body: CDATA sections kept literally, comments dropped,
 * entity references decoded elsewhere.
 */
export function rawXmlToText(raw: string): string {
  if (!raw.includes('<')) return decodeXmlEntities(raw);
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(RAW_SECTIONS)) {
    out += decodeXmlEntities(raw.slice(last, m.index)) + (m[1] ?? '');
    last = m.index + m[0].length;
  }
  return out + decodeXmlEntities(raw.slice(last));
}

export { decodeBytes } from './encoding.js';
export { decodeXmlEntities } from './entities.js';
