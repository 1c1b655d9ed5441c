/** Every supported feed format, in sniffing order. Adding a format is one line here. */
import { type FeedFormat, IngestError } from '../model/index.js';
import { atomFormat } from './atom/index.js';
import { jsonFeedFormat } from './jsonfeed/index.js';
import { newsMl1Format } from './newsml-1/index.js';
import { newsMlG2Format } from './newsml-g2/index.js';
import { ninjsFormat } from './ninjs/index.js';
import { nitfFormat } from './nitf/index.js';
import { rssFormat } from './rss/index.js';
import type { FeedFormatModule } from './types.js';

export const FORMAT_MODULES: readonly FeedFormatModule[] = [
  rssFormat,
  atomFormat,
  jsonFeedFormat,
  ninjsFormat,
  newsMl1Format,
  newsMlG2Format,
  nitfFormat,
];

export function formatModule(format: FeedFormat): FeedFormatModule {
  const found = FORMAT_MODULES.find((m) => m.format === format);
  if (found === undefined) throw new IngestError('FORMAT_UNSUPPORTED', `no parser for format ${format}`);
  return found;
}
