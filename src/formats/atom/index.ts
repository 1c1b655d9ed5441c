/** Atom as a FeedFormatModule: root `<feed>` (1.0 and 0.3 alike), also written `<atom:feed>`. */
import type { FeedFormatModule } from '../types.js';
import { parseAtom } from './parse.js';

export const atomFormat: FeedFormatModule = {
  format: 'atom',
  sniff: (doc) => doc.kind === 'xml' && doc.root.name.replace(/^[\w.-]+:/, '').toLowerCase() === 'feed',
  parse: (text) => parseAtom(text),
};
