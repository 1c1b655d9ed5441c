/** RSS as a FeedFormatModule: roots `<rss>` (0.91–2.0) and `<rdf:RDF>` (RSS 1.0). */
import type { FeedFormatModule } from '../types.js';
import { parseRss } from './parse.js';

export const rssFormat: FeedFormatModule = {
  format: 'rss',
  sniff: (doc) => doc.kind === 'xml' && ['rss', 'RDF'].includes(doc.root.name.replace(/^.*:/, '')),
  parse: (text) => parseRss(text),
};
