/** Every supported feed format, in sniffing order. Adding a format is one line here. */
import type { FeedFormat } from '../model/index.js';
import { atomFormat } from './atom/index.js';
import { rssFormat } from './rss/index.js';
import type { FeedFormatModule } from './types.js';

export const FORMAT_MODULES: readonly FeedFormatModule[] = [rssFormat, atomFormat];

export function formatModule(format: FeedFormat): FeedFormatModule {
  const found = FORMAT_MODULES.find((m) => m.format === format);
  if (found === undefined) throw new Error(`no parser registered for format ${format}`);
  return found;
}
