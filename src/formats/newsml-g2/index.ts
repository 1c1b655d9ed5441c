/**
 * NewsML-G2 as a FeedFormatModule: a G2 item root (`newsMessage`, `newsItem`, …), prefixed or not.
 * NewsML 1.x (root `NewsML`) is a different format.
 */
import type { FeedFormatModule } from '../types.js';
import { G2_ROOTS, parseNewsMlG2 } from './parse.js';

export const newsMlG2Format: FeedFormatModule = {
  format: 'newsml-g2',
  sniff: (doc) => doc.kind === 'xml' && G2_ROOTS.includes(doc.root.name.replace(/^.*:/, '')),
  parse: (text) => parseNewsMlG2(text),
};
