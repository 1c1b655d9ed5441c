/**
 * One `<nitf>` element → draft fields. Shared by standalone NITF documents and NewsML-G2
 * `inlineXML` carrying NITF, where the G2 metadata read first wins and NITF fills the gaps.
 */
import { emptyDraft, type ItemDraft } from '../../model/index.js';
import { elementOf, type MarkupElement, markupAttr } from '../markup.js';
import { uniqueBy } from '../unique.js';
import { readBody } from './body.js';
import { readHead } from './head.js';

/**
 * Fills the fields `draft` does not have yet (null, or an empty list) from `nitf`; media found in
 * the NITF body is added to any the draft already has.
 */
export function nitfToDraft(nitf: MarkupElement, draft: ItemDraft): void {
  const found = readNitf(nitf);
  const media = uniqueBy([...draft.media, ...found.media], (m) => m.url);
  const target = draft as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(found)) {
    const have = target[key];
    if (have === null || (Array.isArray(have) && have.length === 0)) target[key] = value;
  }
  draft.media = media;
}

function readNitf(nitf: MarkupElement): ItemDraft {
  const draft = emptyDraft();
  readHead(elementOf(nitf, 'head'), draft);
  readBody(elementOf(nitf, 'body'), draft);
  // `xml:lang` (read by local name) is NITF 3.5+; `baselang` is the older attribute.
  draft.language = markupAttr(nitf, 'lang') ?? markupAttr(nitf, 'baselang');
  return draft;
}
