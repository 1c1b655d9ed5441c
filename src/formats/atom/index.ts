/**
 * Atom as a FeedFormatModule: root `<feed>` (1.0 and 0.3 alike), also written `<atom:feed>`, or an
 * Atom Entry Document (RFC 4287 §4.1.2: one `<entry>` as the root, in the Atom namespace).
 */
import type { FeedFormatModule, SniffedDocument } from '../types.js';
import { parseAtom } from './parse.js';

const ATOM_NS = 'http://www.w3.org/2005/Atom';

export const atomFormat: FeedFormatModule = {
  format: 'atom',
  sniff: (doc) => doc.kind === 'xml' && (localName(doc) === 'feed' || isEntryDocument(doc)),
  parse: (text, doc) => parseAtom(text, doc.kind === 'xml' && isEntryDocument(doc)),
};

function localName(doc: Extract<SniffedDocument, { kind: 'xml' }>): string {
  return doc.root.name.replace(/^[\w.-]+:/, '').toLowerCase();
}

/** `entry` is a common element name, so a root `entry` counts only in the Atom namespace. */
function isEntryDocument(doc: Extract<SniffedDocument, { kind: 'xml' }>): boolean {
  return localName(doc) === 'entry' && (doc.root.namespace === ATOM_NS || /^atom:/i.test(doc.root.name));
}
