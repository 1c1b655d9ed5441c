/** RSS as a FeedFormatModule: roots `<rss>` (0.91–2.0) and `<rdf:RDF>` (RSS 1.0). */
import type { FeedFormatModule } from '../types.js';
import { parseRss } from './parse.js';

export const rssFormat: FeedFormatModule = {
  format: 'rss',
  // Case-blind: `<RSS>` is seen in the wild, and xml.ts gives it the spec case (leniency.ts).
  sniff: (doc) =>
    doc.kind === 'xml' && ['rss', 'rdf'].includes(doc.root.name.replace(/^.*:/, '').toLowerCase()),
  parse: (text) => parseRss(text),
};
