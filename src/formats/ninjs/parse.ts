/**
 * IPTC ninjs 1.x, 2.x and 3.x → FeedDraft. One document may hold many items (see collection.ts);
 * each is parsed in isolation so one bad item never takes down the rest.
 */
import { type FeedDraft, IngestError, itemsOnlyFeed } from '../../model/index.js';
import { itemResult } from '../item-result.js';
import { jsonValue } from '../json.js';
import type { SniffedDocument } from '../types.js';
import { ninjsCandidates } from './collection.js';
import { ninjsGuid, parseNinjsItem } from './item.js';

export function parseNinjs(document: SniffedDocument): FeedDraft {
  const candidates = ninjsCandidates(jsonValue(document, 'ninjs'));
  if (candidates === null) {
    throw new IngestError('FORMAT_UNSUPPORTED', 'JSON document is neither a ninjs object nor a list of them');
  }
  return itemsOnlyFeed(
    'ninjs',
    candidates.map((item) =>
      itemResult(
        () => parseNinjsItem(item),
        () => ninjsGuid(item),
      ),
    ),
  );
}
