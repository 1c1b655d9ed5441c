/**
 * NewsML 1.2 as a FeedFormatModule: root `<NewsML>`, or a bare `<NewsItem>`. XML is case-sensitive,
 * so NewsML-G2's lower-case `newsItem` root never matches.
 */
import type { FeedFormatModule } from '../types.js';
import { parseNewsMl1 } from './parse.js';

export const newsMl1Format: FeedFormatModule = {
  format: 'newsml-1',
  sniff: (doc) => doc.kind === 'xml' && (doc.root.name === 'NewsML' || doc.root.name === 'NewsItem'),
  parse: (text) => parseNewsMl1(text),
};
