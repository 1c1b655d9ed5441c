/**
 * NewsML-G2 QCodes (spec 2.x, "Controlled Vocabularies" / "Scheme alias"): `alias:code`, where a
 * catalog maps the alias to a scheme URI and scheme URI + code is the concept URI. Catalogs are
 * referenced remotely (`catalogRef`, never fetched here) or given inline (`catalog/scheme`).
 */
import { attr, nodes, type XmlNode } from '../node.js';

/**
 * The aliases of IPTC's own catalog (catalog.IPTC-G2-Standards_3x.xml), which every G2 document
 * references: they stand in for the remote catalog.
 */
const IPTC_SCHEMES: ReadonlyMap<string, string> = new Map([
  ['medtop', 'http://cv.iptc.org/newscodes/mediatopic/'],
  ['subj', 'http://cv.iptc.org/newscodes/subjectcode/'],
  ['genre', 'http://cv.iptc.org/newscodes/genre/'],
  ['ninat', 'http://cv.iptc.org/newscodes/ninature/'],
  ['stat', 'http://cv.iptc.org/newscodes/pubstatusg2/'],
  ['sig', 'http://cv.iptc.org/newscodes/signal/'],
  ['cpnat', 'http://cv.iptc.org/newscodes/cpnature/'],
  ['nprov', 'http://cv.iptc.org/newscodes/newsprovider/'],
  ['drol', 'http://cv.iptc.org/newscodes/descriptionrole/'],
  ['rnd', 'http://cv.iptc.org/newscodes/rendition/'],
  ['scene', 'http://cv.iptc.org/newscodes/scene/'],
  ['prod', 'http://cv.iptc.org/newscodes/product/'],
]);

export type Catalog = ReadonlyMap<string, string>;

/** IPTC's aliases, overridden by the item's inline `catalog/scheme@alias` + `@uri` declarations. */
export function catalogOf(item: XmlNode): Catalog {
  const schemes = nodes(item, 'catalog').flatMap((c) => nodes(c, 'scheme'));
  if (schemes.length === 0) return IPTC_SCHEMES;
  const catalog = new Map(IPTC_SCHEMES);
  for (const scheme of schemes) {
    const alias = attr(scheme, 'alias');
    const uri = attr(scheme, 'uri');
    if (alias !== null && uri !== null) catalog.set(alias, uri);
  }
  return catalog;
}

/** `medtop:20000763` → `http://cv.iptc.org/newscodes/mediatopic/20000763`; unknown alias → null. */
export function qcodeUri(qcode: string | null, catalog: Catalog): string | null {
  if (qcode === null) return null;
  const colon = qcode.indexOf(':');
  if (colon <= 0) return null;
  const scheme = catalog.get(qcode.slice(0, colon));
  return scheme === undefined ? null : scheme + qcode.slice(colon + 1);
}

/** The code of an element's concept (`@qcode`, else `@uri`): `stat:usable` → `usable`. */
export function conceptCode(node: XmlNode | undefined): string | null {
  return codeOf(attr(node, 'qcode') ?? attr(node, 'uri'));
}

/**
 * The code of a QCode or concept URI, lower-cased: `stat:usable`, `sig:Correction`, `hld:main` and
 * `http://cv.iptc.org/newscodes/pubstatusg2/usable` all give the bare code.
 */
export function codeOf(value: string | null): string | null {
  if (value === null) return null;
  const code = value.slice(Math.max(value.lastIndexOf(':'), value.lastIndexOf('/')) + 1).trim();
  return code === '' ? null : code.toLowerCase();
}
