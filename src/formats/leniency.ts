/**
 * How lenient wirefeed is with XML, as a policy. Real agency feeds are routinely not well-formed;
 * a document is repaired only where the repair cannot change what a well-formed document means.
 *
 * Always, before validation (`prepare`):
 * - BOMs, whitespace and garbage before a late `<?xml` are skipped (prolog.ts `documentStart`).
 * - The DOCTYPE is dropped: its entities are never expanded or fetched (billion laughs, XXE).
 * - A bare `&` (`AT&T`, unescaped query strings) becomes `&amp;`; references are left for
 *   entities.ts, which also knows HTML's named entities.
 * - A `<` that cannot start markup (`5 < 6`, `<3`, `a <= b`) becomes `&lt;`.
 * - In RSS and Atom documents, element names the formats define are given their spec case
 *   (`<RSS>`, `<Item>`, `<PubDate>` → `rss`, `item`, `pubDate`): feeds mix case although XML does not.
 * CDATA sections, comments and processing instructions are never touched.
 *
 * Only when validation fails (`repair`, then validated again):
 * - HTML void elements written HTML-style in unescaped markup (`<br>`, `<hr>`, `<img …>`, `</br>`)
 *   are self-closed or dropped.
 * - Text after the root element's end tag is cut off.
 * - An end tag that closes nothing open (`<p>x</p></p>` pasted into a description, a stray
 *   `</height>`) is dropped.
 *
 * Never repaired, rejected as PARSE_MALFORMED: an unclosed root, mismatched tags, unquoted or
 * repeated attributes, garbage with no element. Undeclared namespace prefixes (`<media:content>`
 * without `xmlns:media`) are not an error at all: the parser does not resolve namespaces, and
 * parsers match on conventional prefixes (namespaces.ts).
 */
import { documentStart, readProlog } from './prolog.js';

export function prepare(text: string): string {
  let xml = text.slice(documentStart(text));
  const { doctype, rootName } = readProlog(xml);
  if (doctype) xml = xml.slice(0, doctype.start) + xml.slice(doctype.end < 0 ? xml.length : doctype.end);
  const names = isRssOrAtom(rootName);
  // One pass; sections are matched first so nothing inside them is rewritten. An unclosed section
  // runs to the end (`|$`) so the scan stays linear; the validator then rejects the document.
  // Only what changes is copied: most documents need nothing, and most tags are already canonical.
  const token = names ? TOKEN : TOKEN_WITHOUT_NAMES;
  token.lastIndex = 0;
  let out = '';
  let copied = 0;
  for (let m = token.exec(xml); m !== null; m = token.exec(xml)) {
    const [match, slash, name] = m;
    let replacement: string | null = null;
    if (name !== undefined) {
      const canonical = canonicalName(name);
      if (canonical !== name) replacement = `<${slash}${canonical}`;
    } else if (match === '&') {
      replacement = '&amp;';
    } else if (match === '<') {
      replacement = '&lt;';
    }
    if (replacement === null) continue;
    out += xml.slice(copied, m.index) + replacement;
    copied = m.index + match.length;
  }
  return copied === 0 ? xml : out + xml.slice(copied);
}

// A reference is what the validator accepts as one (a name of at most 20 word characters); any
// other `&` (`&a-b;`, `&#X41;`) is escaped, so it reads as text instead of failing the document.
const SECTION = String.raw`<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)`;
const BARE = String.raw`&(?![A-Za-z_]\w{0,19};|#\d+;|#x[\da-fA-F]+;)|<(?![A-Za-z_:/!?\u0080-\uFFFF])`;
const TOKEN = new RegExp(String.raw`${SECTION}|<(\/?)([A-Za-z_][\w.:-]*)|${BARE}`, 'g');
const TOKEN_WITHOUT_NAMES = new RegExp(`${SECTION}|${BARE}`, 'g');

/** A repaired copy of a document the validator rejected; the same string when nothing applies. */
export function repair(xml: string): string {
  const selfClosed = xml.replace(VOID_TAG, (m, close?: string, name?: string, attrs?: string) => {
    if (name === undefined) return m;
    return close === '/' ? '' : `<${name}${(attrs ?? '').replace(/\s*\/$/, '')}/>`;
  });
  return cutAfterRoot(dropStrayEndTags(selfClosed));
}

const TAG = new RegExp(
  String.raw`${SECTION}|<(\/?)([A-Za-z_][\w.:-]*)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>`,
  'g',
);

/**
 * End tags whose element is not open anywhere above them. One closing an element further up
 * (an unclosed child) is left alone: that is a real mismatch, and the validator says so.
 */
function dropStrayEndTags(xml: string): string {
  const open: string[] = [];
  let out = '';
  let copied = 0;
  for (const m of xml.matchAll(TAG)) {
    const [match, slash, name, selfClosing] = m;
    if (name === undefined) continue;
    if (slash === '') {
      if (selfClosing === '') open.push(name);
      continue;
    }
    const at = open.lastIndexOf(name);
    if (at >= 0) {
      open.length = at;
      continue;
    }
    out += xml.slice(copied, m.index);
    copied = m.index + match.length;
  }
  return copied === 0 ? xml : out + xml.slice(copied);
}

const VOID_TAG = new RegExp(String.raw`${SECTION}|<(\/?)(br|hr|img|wbr)\b([^<>]*)>`, 'gi');

/** Drops whatever follows the root's last end tag (`</rss>` then a debug line or a second feed). */
function cutAfterRoot(xml: string): string {
  const { rootName } = readProlog(xml);
  if (rootName === null) return xml;
  const end = xml.lastIndexOf(`</${rootName}`);
  const close = end < 0 ? -1 : xml.indexOf('>', end);
  return close < 0 ? xml : xml.slice(0, close + 1);
}

function isRssOrAtom(rootName: string | null): boolean {
  const local = rootName?.replace(/^.*:/, '').toLowerCase();
  return local === 'rss' || local === 'rdf' || local === 'feed';
}

// biome-ignore format: one list reads better than one name a line
const SPEC_NAMES = [
  // RSS 0.91–2.0 and RSS 1.0 (https://www.rssboard.org/rss-specification, RSS 1.0 §5)
  'rss', 'rdf:RDF', 'channel', 'item', 'title', 'link', 'description', 'language', 'copyright',
  'managingEditor', 'webMaster', 'pubDate', 'lastBuildDate', 'category', 'generator', 'docs', 'ttl',
  'image', 'url', 'width', 'height', 'author', 'comments', 'enclosure', 'guid', 'source', 'items',
  // Atom 1.0 (RFC 4287) and 0.3
  'feed', 'entry', 'id', 'updated', 'published', 'summary', 'content', 'rights', 'subtitle',
  'contributor', 'name', 'email', 'uri', 'icon', 'logo', 'issued', 'modified', 'created', 'tagline',
  // The modules the parsers read
  'content:encoded', 'dc:creator', 'dc:date', 'dc:subject', 'dc:language', 'dc:rights', 'dc:source',
  'media:content', 'media:group', 'media:thumbnail', 'media:credit', 'media:description', 'media:title',
];
const BY_LOWER_CASE = new Map(SPEC_NAMES.map((n) => [n.toLowerCase(), n]));

const CANONICAL = new Set(SPEC_NAMES);

function canonicalName(name: string): string {
  if (CANONICAL.has(name)) return name;
  return BY_LOWER_CASE.get(name.toLowerCase()) ?? name;
}
