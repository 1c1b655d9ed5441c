/** ninjs as a FeedFormatModule: a JSON ninjs object, an array of them, or an AP Media API envelope. */
import type { FeedFormatModule } from '../types.js';
import { isNinjsDocument } from './collection.js';
import { parseNinjs } from './parse.js';

export const ninjsFormat: FeedFormatModule = {
  format: 'ninjs',
  sniff: (doc) => doc.kind === 'json' && isNinjsDocument(doc.value),
  parse: (_text, document) => parseNinjs(document),
};
