/** NITF 3.x as a FeedFormatModule: root `<nitf>`, with or without a namespace, prefix or DOCTYPE. */
import type { FeedFormatModule } from '../types.js';
import { parseNitf } from './parse.js';

export const nitfFormat: FeedFormatModule = {
  format: 'nitf',
  sniff: (doc) => doc.kind === 'xml' && doc.root.name.replace(/^.*:/, '') === 'nitf',
  parse: (text) => parseNitf(text),
};
