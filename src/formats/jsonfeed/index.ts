/** JSON Feed as a FeedFormatModule: a JSON object whose `version` is a jsonfeed.org version URL. */
import type { FeedFormatModule } from '../types.js';
import { isJsonFeed, parseJsonFeed } from './parse.js';

export const jsonFeedFormat: FeedFormatModule = {
  format: 'jsonfeed',
  sniff: (doc) => doc.kind === 'json' && isJsonFeed(doc.value),
  parse: (_text, document) => parseJsonFeed(document),
};
