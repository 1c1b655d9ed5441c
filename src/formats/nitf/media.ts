/**
 * NITF `media` (DTD "media" section) → DraftMedia: `media-reference` renditions, `media-caption`,
 * `media-producer`. One `media` element is one picture or clip, so of several references (sizes
 * of the same picture) the largest is kept.
 */
import type { DraftMedia } from '../../model/index.js';
import { largestBy } from '../largest.js';
import { elementOf, elementsOf, isElement, type Markup, type MarkupElement, markupAttr } from '../markup.js';
import { kindOf } from '../media-rss.js';
import { toInt } from '../text.js';
import { textIn } from './text.js';

/** Every `media` element under `nodes`, in document order. */
export function mediaIn(nodes: readonly Markup[]): DraftMedia[] {
  const found: DraftMedia[] = [];
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name === 'media') {
      const media = mediaOf(node);
      if (media !== null) found.push(media);
    } else {
      found.push(...mediaIn(node.children));
    }
  }
  return found;
}

function mediaOf(media: MarkupElement): DraftMedia | null {
  const reference = largestBy(
    elementsOf(media, 'media-reference').filter((r) => markupAttr(r, 'source') !== null),
    area,
  );
  const url = markupAttr(reference, 'source');
  if (reference === undefined || url === null) return null;
  const mimeType = markupAttr(reference, 'mime-type');
  return {
    url,
    kind: kindOf(markupAttr(media, 'media-type'), mimeType),
    mimeType,
    caption: textIn(elementOf(media, 'media-caption')) ?? markupAttr(reference, 'alternate-text'),
    credit: textIn(elementOf(media, 'media-producer')) ?? markupAttr(reference, 'source-credit'),
    width: toInt(markupAttr(reference, 'width')),
    height: toInt(markupAttr(reference, 'height')),
  };
}

function area(reference: MarkupElement): number {
  return (toInt(markupAttr(reference, 'width')) ?? 0) * (toInt(markupAttr(reference, 'height')) ?? 0);
}
