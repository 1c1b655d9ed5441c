/**
 * NewsML-G2 packages in a `newsMessage`: a `packageItem` whose groups reference (`itemRef
 * @residref`) one story and the pictures, graphics or video that go with it — how AFP and Reuters
 * send "text with photos". The media items are folded into the story's media instead of becoming
 * articles of their own. A package of several stories (a "top stories" list) joins nothing: which
 * picture belongs to which story is not said.
 */
import type { ItemResult } from '../../model/index.js';
import { attr, first, nodes, type XmlNode } from '../node.js';
import { uniqueBy } from '../unique.js';
import { mediaItemKind } from './media.js';

export interface MessageItem {
  guid: string | null;
  node: XmlNode;
  result: ItemResult;
}

export function joinPackages(items: readonly MessageItem[], packages: readonly XmlNode[]): ItemResult[] {
  const byGuid = new Map<string, MessageItem>();
  for (const item of items) if (item.guid !== null && !byGuid.has(item.guid)) byGuid.set(item.guid, item);
  const folded = new Set<MessageItem>();
  for (const pkg of packages) {
    const members = uniqueBy(
      referencedGuids(pkg).flatMap((guid) => byGuid.get(guid) ?? []),
      (m) => m.guid ?? '',
    );
    const media = members.filter((m) => isMediaItem(m) && m.result.ok);
    const stories = members.filter((m) => !isMediaItem(m));
    const story = stories[0];
    if (stories.length !== 1 || story === undefined || !story.result.ok || media.length === 0) continue;
    const draft = story.result.draft;
    const extra = media.flatMap((m) => (m.result.ok ? m.result.draft.media : []));
    draft.media = uniqueBy([...draft.media, ...extra], (m) => m.url);
    for (const m of media) folded.add(m);
  }
  return items.filter((item) => !folded.has(item)).map((item) => item.result);
}

function isMediaItem(item: MessageItem): boolean {
  return mediaItemKind(first(item.node, 'itemMeta')) !== null;
}

/** Every `itemRef` of every group, in document order. */
function referencedGuids(pkg: XmlNode): string[] {
  const groups = nodes(first(pkg, 'groupSet'), 'group');
  return groups.flatMap((group) => nodes(group, 'itemRef').flatMap((ref) => attr(ref, 'residref') ?? []));
}
