/**
 * Real feeds use conventional prefixes (`content:`, `dc:`, `media:`), and parsers match on those.
 * A feed that binds a well-known namespace to another prefix (`<m:content xmlns:m=".../mrss/">`)
 * is mapped back to the conventional one.
 */

import { readProlog } from './prolog.js';

const CONVENTIONAL: Readonly<Record<string, string>> = {
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/2005/Atom': 'atom',
  // '' = read unprefixed: NewsML-G2 2.x and NITF 3.x documents normally use these as the default
  // namespace, so `<nar:newsItem xmlns:nar=…>` (fixtures/feeds/newsml-g2/prefixed.xml) reads as `newsItem`.
  'http://iptc.org/std/nar/2006-10-01/': '',
  'http://iptc.org/std/NITF/2006-10-18/': '',
};

const DECLARATION = /xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g;

/** Prefix → conventional prefix for this document, or null when every prefix is already conventional. */
export function canonicalPrefixes(xml: string): Map<string, string> | null {
  if (!xml.includes('xmlns:')) return null;
  let map: Map<string, string> | null = null;
  const root = readProlog(xml).rootName;
  for (const [, prefix, uri] of xml.matchAll(DECLARATION)) {
    const conventional = uri === undefined ? undefined : CONVENTIONAL[uri];
    if (prefix === undefined || conventional === undefined) continue;
    // In an Atom document, prefixed Atom elements (`<atom:feed>`, `<atom:entry>` standing alone, or
    // `<p0:entry xmlns:p0=…>` under a plain `<feed>`) read as plain Atom; in RSS the same namespace
    // only marks extensions (`<atom:link rel="self">`) and keeps its prefix.
    const target = conventional === 'atom' && isAtomRoot(root, prefix) ? '' : conventional;
    if (target === prefix) continue;
    map ??= new Map();
    map.set(prefix, target);
  }
  return map;
}

function isAtomRoot(root: string | null, prefix: string): boolean {
  return root === 'feed' || root === 'entry' || root === `${prefix}:feed` || root === `${prefix}:entry`;
}
