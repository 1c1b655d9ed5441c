/**
 * NewsML-G2 media: `remoteContent` renditions (spec 2.x "Content Set": `@href`, `@contenttype`,
 * `@rendition`, `@width`, `@height`) and `itemMeta/link`s to pictures or video.
 */
import type { DraftMedia, MediaKind } from '../../model/index.js';
import { largestBy } from '../largest.js';
import { kindOf } from '../media-rss.js';
import { attr, first, nodes, type XmlNode } from '../node.js';
import { toInt } from '../text.js';
import { uniqueBy } from '../unique.js';
import { lineOf } from './meta.js';
import { conceptCode } from './qcode.js';

/** `itemClass` NatureOfItem codes (ninat:) whose item is itself a piece of media. */
const ITEM_KINDS: Readonly<Record<string, MediaKind>> = {
  picture: 'image',
  graphic: 'graphic',
  video: 'video',
  audio: 'audio',
};

/** The kind of media a picture, graphic, video or audio item is; null for text and the rest. */
export function mediaItemKind(itemMeta: XmlNode | undefined): MediaKind | null {
  return ITEM_KINDS[conceptCode(first(itemMeta, 'itemClass')) ?? ''] ?? null;
}

export interface MediaContext {
  itemMeta: XmlNode | undefined;
  caption: string | null;
  credit: string | null;
}

/**
 * A picture, graphic, video or audio item is one piece of media in several renditions (thumbnail,
 * preview, base image …): the largest is kept, captioned from the item. A text item's remote
 * renditions count only when they are media, as do links to pictures and video.
 */
export function remoteMedia(contentSet: XmlNode | undefined, ctx: MediaContext): DraftMedia[] {
  const itemKind = mediaItemKind(ctx.itemMeta);
  const renditions = nodes(contentSet, 'remoteContent').flatMap((r) => rendition(r, itemKind));
  if (itemKind !== null) {
    const best = largestBy(renditions, area);
    return best === undefined ? [] : [{ ...best, caption: ctx.caption, credit: ctx.credit }];
  }
  const media = [...renditions, ...nodes(ctx.itemMeta, 'link').flatMap(linked)];
  return uniqueBy(
    media.filter((m) => m.kind !== null),
    (m) => m.url,
  );
}

function rendition(remote: XmlNode, itemKind: MediaKind | null): DraftMedia[] {
  const url = attr(remote, 'href');
  if (url === null) return [];
  const mimeType = attr(remote, 'contenttype') ?? attr(remote, 'contentType');
  return [
    {
      url,
      kind: itemKind ?? kindOf(null, mimeType),
      mimeType,
      caption: null,
      credit: null,
      width: toInt(attr(remote, 'width')),
      height: toInt(attr(remote, 'height')),
    },
  ];
}

function linked(link: XmlNode): DraftMedia[] {
  const url = attr(link, 'href');
  const mimeType = attr(link, 'contenttype');
  if (url === null || kindOf(null, mimeType) === null) return [];
  const caption = lineOf(first(link, 'title'));
  return [{ url, kind: kindOf(null, mimeType), mimeType, caption, credit: null, width: null, height: null }];
}

function area(m: DraftMedia): number {
  return (m.width ?? 0) * (m.height ?? 0);
}
