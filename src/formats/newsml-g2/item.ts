/**
 * One NewsML-G2 2.x `newsItem` → ItemDraft. Spec sections: "Item Metadata" (`itemMeta`),
 * "Content Metadata" (`contentMeta`), "Rights Information" (`rightsInfo`), "Content Set".
 */
import { type ArticleStatus, emptyDraft, IngestError, type ItemDraft } from '../../model/index.js';
import { attr, childText, first, nodes, type XmlNode } from '../node.js';
import { textAsHtml } from '../text.js';
import { uniqueBy } from '../unique.js';
import { readInlineContent } from './content.js';
import { remoteMedia } from './media.js';
import { described, lineOf, readContentMeta } from './meta.js';
import { catalogOf, conceptCode } from './qcode.js';

const STATUSES: Readonly<Record<string, ArticleStatus>> = {
  usable: 'usable',
  withheld: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
};

export function parseNewsItem(item: XmlNode): ItemDraft {
  const draft = emptyDraft();
  const itemMeta = first(item, 'itemMeta');
  const contentMeta = first(item, 'contentMeta');
  readContentMeta(contentMeta, catalogOf(item), draft);
  draft.guid = attr(item, 'guid');
  draft.sourceVersion = attr(item, 'version');
  draft.language ??= attr(item, 'xml:lang');
  draft.title ??= lineOf(first(itemMeta, 'title'));
  // itemMeta times describe this version of the item; contentMeta's are fallbacks.
  draft.published = childText(itemMeta, 'firstCreated') ?? draft.published;
  draft.updated = childText(itemMeta, 'versionCreated') ?? draft.updated;
  draft.embargoedUntil = childText(itemMeta, 'embargoed');
  draft.status = STATUSES[conceptCode(first(itemMeta, 'pubStatus')) ?? ''] ?? null;
  draft.signals = uniqueBy(
    nodes(itemMeta, 'signal').flatMap((s) => conceptCode(s) ?? []),
    (s) => s,
  );
  draft.credit ??= providerOf(itemMeta);
  draft.rights = rightsOf(item);
  const contentSet = first(item, 'contentSet');
  readInlineContent(contentSet, draft);
  // AFP describes its videos with a "synthesis" (`afpdescRole:synthe`), beside the shot list.
  const captionText = lineOf(described(contentMeta, 'caption', 'synthe'));
  // A picture or video item has no body: its caption is the copy.
  if (draft.bodyHtml === null && captionText !== null) draft.summaryHtml ??= textAsHtml(captionText);
  const caption = captionText ?? draft.title;
  const media = remoteMedia(contentSet, { itemMeta, caption, credit: draft.credit });
  draft.media = uniqueBy([...media, ...draft.media], (m) => m.url);
  if (draft.title === null && draft.bodyHtml === null && draft.summaryHtml === null) {
    throw new IngestError('ITEM_INVALID', 'newsItem has neither a headline nor content');
  }
  return draft;
}

/** `provider` (`<provider qcode="nprov:REUTERS"/>`): its name, literal or code names the agency. */
function providerOf(itemMeta: XmlNode | undefined): string | null {
  const provider = first(itemMeta, 'provider');
  return (
    lineOf(first(provider, 'name')) ??
    attr(provider, 'literal') ??
    attr(provider, 'qcode')?.replace(/^[^:]*:/, '') ??
    null
  );
}

/** The first `copyrightNotice`, else "© holder" from the first `copyrightHolder`. */
function rightsOf(item: XmlNode): string | null {
  const infos = nodes(item, 'rightsInfo');
  const notice = infos.map((r) => lineOf(first(r, 'copyrightNotice'))).find((n) => n !== null);
  if (notice) return notice;
  for (const info of infos) {
    const holder = first(info, 'copyrightHolder');
    const name = lineOf(first(holder, 'name')) ?? attr(holder, 'literal');
    if (name !== null) return `© ${name}`;
  }
  return null;
}
