/**
 * Media RSS (https://www.rssboard.org/media-rss) and RSS enclosures → DraftMedia. Shared by the RSS
 * and Atom parsers, since agencies put `media:*` in both.
 */
import type { DraftMedia, MediaKind } from '../model/index.js';
import { largestBy } from './largest.js';
import { attr, childText, first, nodes, type XmlNode } from './node.js';
import { textAsHtml, toInt } from './text.js';
import { uniqueBy } from './unique.js';

/**
 * Every top-level `media:content`, one per `media:group` (the spec's renditions of one object: the
 * `isDefault` one, else the widest), then `media:thumbnail` only when the item has no content (a
 * thumbnail of a video is not the story's picture). Deduplicated by URL.
 */
export function mediaOf(item: XmlNode): DraftMedia[] {
  const found: DraftMedia[] = [];
  for (const content of nodes(item, 'media:content')) found.push(...fromContent(content, [item]));
  for (const group of nodes(item, 'media:group')) {
    const chosen = preferredRendition(nodes(group, 'media:content'));
    if (chosen) found.push(...fromContent(chosen, [group, item]));
  }
  if (found.length === 0) {
    for (const thumb of nodes(item, 'media:thumbnail')) found.push(...fromThumbnail(thumb, [item]));
    for (const group of nodes(item, 'media:group')) {
      for (const thumb of nodes(group, 'media:thumbnail')) found.push(...fromThumbnail(thumb, [group, item]));
    }
  }
  for (const enclosure of nodes(item, 'enclosure')) found.push(...fromEnclosure(enclosure));
  return uniqueBy(found, (m) => m.url);
}

/**
 * The item's Media RSS description, its own or its first group's or content's, as HTML: the only
 * copy a video item carries (YouTube, agency video wires), so it stands in for a missing one.
 * `type="html"` says it is markup; plain text is the default.
 */
export function mediaDescriptionOf(item: XmlNode): string | null {
  const scopes = [item, ...nodes(item, 'media:group'), ...nodes(item, 'media:content')];
  for (const scope of scopes) {
    const node = first(scope, 'media:description');
    const text = childText(scope, 'media:description');
    if (text !== null) return attr(node, 'type')?.toLowerCase() === 'html' ? text : textAsHtml(text);
  }
  return null;
}

function preferredRendition(contents: XmlNode[]): XmlNode | undefined {
  const chosen = contents.find((c) => attr(c, 'isDefault')?.toLowerCase() === 'true');
  if (chosen) return chosen;
  return largestBy(contents, (c) => toInt(attr(c, 'width')) ?? 0);
}

/** Media RSS `medium` first, then the MIME type's top level. */
export function kindOf(medium: string | null, mimeType: string | null): MediaKind | null {
  const m = medium?.toLowerCase();
  if (m === 'image' || m === 'video' || m === 'audio') return m;
  if (m === 'document' || m === 'executable') return 'other';
  const top = mimeType?.toLowerCase().split('/')[0];
  return top === 'image' || top === 'video' || top === 'audio' ? top : null;
}

/** Caption and credit: the element's own, else its group's, else the item's. */
function described(node: XmlNode, scopes: XmlNode[]): Pick<DraftMedia, 'caption' | 'credit'> {
  const chain = [node, ...scopes];
  const pick = (name: string) => chain.map((n) => childText(n, name)).find((t) => t !== null) ?? null;
  return { caption: pick('media:description') ?? pick('media:title'), credit: pick('media:credit') };
}

function fromContent(content: XmlNode, scopes: XmlNode[]): DraftMedia[] {
  const url = attr(content, 'url');
  if (url === null) return [];
  const mimeType = attr(content, 'type');
  return [
    {
      url,
      kind: kindOf(attr(content, 'medium'), mimeType),
      mimeType,
      ...described(content, scopes),
      width: toInt(attr(content, 'width')),
      height: toInt(attr(content, 'height')),
    },
  ];
}

function fromThumbnail(thumb: XmlNode, scopes: XmlNode[]): DraftMedia[] {
  const url = attr(thumb, 'url');
  if (url === null) return [];
  return [
    {
      url,
      kind: 'image',
      mimeType: null,
      ...described(thumb, scopes),
      width: toInt(attr(thumb, 'width')),
      height: toInt(attr(thumb, 'height')),
    },
  ];
}

/** RSS `<enclosure url type length>`; length has no place in the model and is dropped. */
function fromEnclosure(enclosure: XmlNode): DraftMedia[] {
  const url = attr(enclosure, 'url');
  if (url === null) return [];
  const mimeType = attr(enclosure, 'type');
  const kind = kindOf(null, mimeType);
  return [{ url, kind, mimeType, caption: null, credit: null, width: null, height: null }];
}
