/** Atom as a FeedFormatModule: root `<feed>` (1.0 and 0.3 alike). */
import type { FeedFormatModule } from '../types.js';
import { parseAtom } from './parse.js';

export const atomFormat: FeedFormatModule = {
  format: 'atom',
  sniff: (root) => root.name === 'feed',
  parse: parseAtom,
};
