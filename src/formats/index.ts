/** Bytes → FeedDraft: decode, detect, dispatch to the format's parser. */
import type { FeedDraft } from '../model/index.js';
import { detect } from './detect.js';
import { charsetOf } from './encoding.js';
import { formatModule } from './registry.js';
import type { FormatHints } from './types.js';
import { decodeBytes } from './xml.js';

export { detectFormat } from './detect.js';
export type { FeedFormatModule, FormatHints, RootElement, SniffedDocument } from './types.js';
export { decodeBytes } from './xml.js';

/**
 * `charset` is the HTTP charset when the caller has parsed it; otherwise it is read from
 * `contentType`. Throws IngestError (NOT_A_FEED, FORMAT_UNSUPPORTED, PARSE_MALFORMED) only for
 * whole-document failures; bad items come back as `ok: false` results.
 */
export function parseFeed(bytes: Uint8Array, hints: FormatHints & { charset?: string | null }): FeedDraft {
  const text = decodeBytes(bytes, hints.charset ?? charsetOf(hints.contentType));
  const { format, document } = detect(text, hints);
  return formatModule(format).parse(text, document);
}
