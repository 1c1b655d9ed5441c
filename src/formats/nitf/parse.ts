/**
 * NITF 3.x document → FeedDraft. One document is one story. NITF is document-centric (mixed
 * content everywhere in the body), so the whole document is read in document order (markup.ts).
 */
import { emptyDraft, type FeedDraft, IngestError, type ItemDraft, itemsOnlyFeed } from '../../model/index.js';
import { itemResult } from '../item-result.js';
import { isElement, type MarkupElement, markupAttr, pathOf } from '../markup.js';
import { parseXmlMarkup } from '../xml.js';
import { nitfToDraft } from './draft.js';

export { nitfToDraft } from './draft.js';

export function parseNitf(text: string): FeedDraft {
  const nitf = parseXmlMarkup(text).find((n): n is MarkupElement => isElement(n) && n.name === 'nitf');
  if (nitf === undefined) throw new IngestError('NOT_A_FEED', 'document has no <nitf> root element');
  const item = itemResult(
    () => nitfItem(nitf),
    () => markupAttr(pathOf(nitf, ['head', 'docdata', 'doc-id']), 'id-string'),
  );
  return itemsOnlyFeed('nitf', [item], item.ok ? item.draft.language : null);
}

function nitfItem(nitf: MarkupElement): ItemDraft {
  const draft = emptyDraft();
  nitfToDraft(nitf, draft);
  if (draft.title === null && draft.bodyHtml === null) {
    throw new IngestError('ITEM_INVALID', 'NITF document has neither a headline nor body content');
  }
  return draft;
}
