/**
 * Pictures and other media from ninjs. An association is itself a ninjs object (1.x: an object
 * keyed by name, `{ featureimage: {…} }`; 2.x/3.x: an array of objects with a `name`), and its
 * `renditions` (1.x: keyed by name; 2.x/3.x: an array) are sizes of one picture: the largest becomes
 * the DraftMedia, captioned by the association's description.
 */
import type { DraftMedia, MediaKind } from '../../model/index.js';
import { isObject, type JsonObject, jsonInt, jsonObjects, textField } from '../json.js';
import { largestBy } from '../largest.js';
import { kindOf } from '../media-rss.js';
import { collapseWhitespace } from '../text.js';
import { uniqueBy } from '../unique.js';
import { captionOf } from './content.js';

/** ninjs `type` (https://cv.iptc.org/newscodes/ninature/) → the model's media kind. */
const KINDS: Readonly<Record<string, MediaKind>> = {
  picture: 'image',
  photo: 'image',
  graphic: 'graphic',
  video: 'video',
  audio: 'audio',
};

export function mediaOf(item: JsonObject): DraftMedia[] {
  const found: DraftMedia[] = [];
  // A picture item is its own media; a text item's renditions are text formats (AP's NITF download).
  if (kindOfType(item) !== null) found.push(...pictureOf(item));
  for (const association of namedList(item.associations)) found.push(...pictureOf(association));
  return uniqueBy(found, (m) => m.url);
}

/** An array (2.x, 3.x) or an object keyed by name (1.x); the same shape holds for renditions. */
function namedList(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return jsonObjects(value);
  return isObject(value) ? jsonObjects(Object.values(value)) : [];
}

function pictureOf(object: JsonObject): DraftMedia[] {
  const best = largestBy(renditions(object.renditions), area);
  const url = textField(best, 'href', 'url');
  if (best === undefined || url === null) return [];
  const mimeType = textField(best, 'contentType', 'contenttype', 'mimetype');
  return [
    {
      url,
      kind: kindOfType(object) ?? kindOf(null, mimeType),
      mimeType,
      caption: captionOf(object) ?? collapseWhitespace(textField(object, 'headline', 'title')),
      credit: creditOf(object),
      width: jsonInt(best.width),
      height: jsonInt(best.height),
    },
  ];
}

/** AP's `description_creditline` ("Jane Doe/AP") is the credit as AP wants it printed. */
function creditOf(object: JsonObject): string | null {
  const keys = ['description_creditline', 'by', 'byline', 'copyrightHolder', 'copyrightholder'];
  const photographer = object.photographer;
  const credit =
    textField(object, ...keys) ?? (isObject(photographer) ? textField(photographer, 'name') : null);
  return collapseWhitespace(credit);
}

/** Renditions that can be shown: with a link and not a text format. */
function renditions(value: unknown): JsonObject[] {
  return namedList(value).filter((r) => {
    const mimeType = textField(r, 'contentType', 'contenttype', 'mimetype') ?? '';
    return textField(r, 'href', 'url') !== null && !/^(text\/|application\/.*xml)/i.test(mimeType);
  });
}

function area(rendition: JsonObject): number {
  return (jsonInt(rendition.width) ?? 0) * (jsonInt(rendition.height) ?? 0);
}

function kindOfType(object: JsonObject): MediaKind | null {
  const type = textField(object, 'type')?.toLowerCase();
  return type === undefined ? null : (KINDS[type] ?? null);
}
