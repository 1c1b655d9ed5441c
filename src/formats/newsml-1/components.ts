/**
 * The `NewsComponent` tree of a NewsML 1.2 item: where the story text is and which pictures come
 * with it. AFP sends a picture as one component whose child components are renditions of it
 * (`Role` HighDef, Preview, Quicklook, Thumbnail) beside a `Role="Caption"` text component; the
 * largest rendition becomes the DraftMedia.
 */
import type { DraftMedia, MediaKind } from '../../model/index.js';
import { kindOf as mimeKind } from '../media-rss.js';
import { attr, childText, first, nodes, rawText, type XmlNode } from '../node.js';
import { collapseWhitespace, toInt } from '../text.js';
import { dataContentText, readDataContent } from './data-content.js';

export interface StoryParts {
  /** The first text ContentItem outside any picture, and the component holding it. */
  textItem: XmlNode | undefined;
  textComponent: XmlNode | undefined;
  media: DraftMedia[];
}

export function storyParts(root: XmlNode | undefined): StoryParts {
  const parts: StoryParts = { textItem: undefined, textComponent: undefined, media: [] };
  if (root !== undefined) walk(root, parts);
  return parts;
}

function walk(component: XmlNode, parts: StoryParts): void {
  if (isPicture(component)) {
    parts.media.push(...pictureOf(component));
    return;
  }
  for (const item of nodes(component, 'ContentItem')) {
    if (isText(item) && parts.textItem === undefined) {
      parts.textItem = item;
      parts.textComponent = component;
    } else if (isRendition(item)) parts.media.push(...mediaOf([item], null, null));
  }
  for (const child of nodes(component, 'NewsComponent')) walk(child, parts);
}

/** No text of its own, renditions of its own or as leaf children, and nothing else but a caption. */
function isPicture(component: XmlNode): boolean {
  const own = nodes(component, 'ContentItem');
  if (own.some(isText)) return false;
  const children = nodes(component, 'NewsComponent');
  if (!children.every((c) => isLeaf(c) || isCaption(c))) return false;
  return own.some(isRendition) || children.some(isLeaf);
}

function pictureOf(component: XmlNode): DraftMedia[] {
  const leaves = nodes(component, 'NewsComponent').filter(isLeaf);
  const renditions = [...nodes(component, 'ContentItem'), ...leaves.flatMap((l) => nodes(l, 'ContentItem'))];
  const lines = first(component, 'NewsLines');
  const captionComponent = nodes(component, 'NewsComponent').find(isCaption);
  const caption =
    captionText(captionComponent) ??
    collapseWhitespace(
      childText(lines, 'HeadLine') ?? childText(first(captionComponent, 'NewsLines'), 'HeadLine'),
    );
  const credit = collapseWhitespace(childText(lines, 'CreditLine') ?? childText(lines, 'ByLine'));
  return mediaOf(renditions.filter(isRendition), caption, credit);
}

/** The rendition with the most pixels stands for the picture; unsized ones count as zero. */
function mediaOf(renditions: XmlNode[], caption: string | null, credit: string | null): DraftMedia[] {
  let best: XmlNode | undefined;
  for (const r of renditions) if (best === undefined || area(r) > area(best)) best = r;
  const url = attr(best, 'Href');
  if (best === undefined || url === null) return [];
  const mimeType = attr(first(best, 'MimeType'), 'FormalName');
  return [
    {
      url,
      kind: kindOf(attr(first(best, 'MediaType'), 'FormalName'), mimeType),
      mimeType,
      caption,
      credit,
      width: characteristic(best, 'Width'),
      height: characteristic(best, 'Height'),
    },
  ];
}

function captionText(component: XmlNode | undefined): string | null {
  const item = nodes(component, 'ContentItem').find(isText);
  const raw = rawText(item?.DataContent);
  return raw === null ? null : dataContentText(readDataContent(raw));
}

/** `MediaType@FormalName` Text, else a text MIME type, else inline DataContent without an `Href`. */
export function isText(item: XmlNode): boolean {
  const mediaType = attr(first(item, 'MediaType'), 'FormalName');
  if (mediaType !== null) return mediaType.toLowerCase() === 'text';
  const mimeType = attr(first(item, 'MimeType'), 'FormalName');
  if (mimeType !== null) return /^(text\/|application\/(xhtml\+)?xml)/i.test(mimeType);
  return attr(item, 'Href') === null && item.DataContent !== undefined;
}

function isRendition(item: XmlNode): boolean {
  return attr(item, 'Href') !== null && !isText(item);
}

function isLeaf(component: XmlNode): boolean {
  const items = nodes(component, 'ContentItem');
  return nodes(component, 'NewsComponent').length === 0 && items.length > 0 && items.every(isRendition);
}

function isCaption(component: XmlNode): boolean {
  return /caption/i.test(attr(first(component, 'Role'), 'FormalName') ?? '');
}

const KINDS: Readonly<Record<string, MediaKind>> = {
  photo: 'image',
  picture: 'image',
  image: 'image',
  graphic: 'graphic',
  video: 'video',
  audio: 'audio',
};

function kindOf(mediaType: string | null, mimeType: string | null): MediaKind | null {
  return KINDS[mediaType?.toLowerCase() ?? ''] ?? mimeKind(null, mimeType);
}

/** `Characteristics/Property FormalName="Width" Value="512"`. */
function characteristic(item: XmlNode, name: string): number | null {
  const property = nodes(first(item, 'Characteristics'), 'Property').find(
    (p) => attr(p, 'FormalName') === name,
  );
  return toInt(attr(property, 'Value'));
}

function area(item: XmlNode): number {
  return (characteristic(item, 'Width') ?? 0) * (characteristic(item, 'Height') ?? 0);
}
