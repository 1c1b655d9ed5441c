/**
 * Headlines, bodies and descriptions across the three ninjs generations: 1.x has flat fields
 * (`headline`, `body_html`, `body_text`, `description_text`), 2.x and 3.x arrays of
 * `{ role, contenttype | contentType, value }` (ninjs 2.0/3.0 schema: "for a simple body use an
 * array with one object only containing the value property").
 */

import { emptyDraft } from '../../model/index.js';
import { field, isObject, type JsonObject, jsonList, jsonText, textField } from '../json.js';
import { findElement } from '../markup.js';
import { nitfToDraft } from '../nitf/parse.js';
import { declaredTextAsHtml, looksLikeHtml, plainText, textAsHtml } from '../text.js';
import { parseXmlMarkup } from '../xml.js';

interface Variant {
  role: string | null;
  contentType: string | null;
  value: string;
}

/** Roles that name the main version; other roles (`short`, `alternate`) are kept as fallbacks. */
const MAIN_ROLES = new Set(['main', 'default', 'body', 'headline', 'summary', 'abstract']);

export interface Headline {
  text: string;
  isHtml: boolean;
}

export function headlineOf(item: JsonObject): Headline | null {
  const chosen = preferred(variants(item.headlines));
  if (chosen !== null) {
    const isHtml = isHtmlType(chosen.contentType);
    return { text: isHtml ? chosen.value : (plainText(chosen.value) ?? chosen.value), isHtml };
  }
  // `title` is metadata (3.0: "use headlines for publishable headlines"), so only a fallback.
  const text = plainText(textField(item, 'headline', 'title'));
  return text === null ? null : { text, isHtml: false };
}

/** Unsafe HTML: an HTML body first (3.x `bodies`, 1.x `body_html`/`body_xhtml`), else text as paragraphs. */
export function bodyOf(item: JsonObject): string | null {
  return htmlOf(variants(item.bodies), item, ['body_html', 'body_xhtml'], ['body_text']);
}

/**
 * The description as HTML, for the summary. The AP Media API names a picture's description
 * `description_caption` and a story's one-sentence summary `headline_extended`.
 */
export function descriptionOf(item: JsonObject): string | null {
  const textKeys = ['description_text', 'description_caption', 'headline_extended'];
  return htmlOf(variants(item.descriptions), item, ['description_html'], textKeys);
}

/** The description as plain text, for a picture's caption. */
export function captionOf(item: JsonObject): string | null {
  const list = variants(item.descriptions);
  const text = preferred(list.filter((v) => !isHtmlType(v.contentType))) ?? preferred(list);
  const raw =
    text?.value ??
    textField(item, 'description_text', 'description_caption') ??
    textField(item, 'description_html');
  return raw === null ? null : plainText(raw.replace(/<[^>]*>/g, ' '));
}

function htmlOf(list: Variant[], item: JsonObject, htmlKeys: string[], textKeys: string[]): string | null {
  const html = preferred(list.filter((v) => isHtmlType(v.contentType)));
  if (html !== null) return html.value;
  const flatHtml = textField(item, ...htmlKeys);
  if (flatHtml !== null) return flatHtml;
  const nitf = list.map((v) => (isNitfType(v.contentType) ? nitfBody(v.value) : null)).find((b) => b);
  if (nitf) return nitf;
  // An untyped value is "up to the provider": markup is read as HTML, anything else as text.
  const untyped = preferred(list.filter((v) => v.contentType === null));
  if (untyped !== null) return looksLikeHtml(untyped.value) ? untyped.value : textAsHtml(untyped.value);
  // Other markup types (a NITF body that did not parse) are not text.
  const plain = preferred(
    list.filter((v) => v.contentType?.startsWith('text/') && !isNitfType(v.contentType)),
  );
  const text = plain?.value ?? textField(item, ...textKeys);
  return text === null ? null : declaredTextAsHtml(text);
}

/** Array entries with a value; a lone object or a bare string (seen from lax producers) counts too. */
function variants(value: unknown): Variant[] {
  return jsonList(value).flatMap((v): Variant[] => {
    if (!isObject(v)) {
      const text = jsonText(v);
      return text === null ? [] : [{ role: null, contentType: null, value: text }];
    }
    const text = jsonText(v.value);
    if (text === null) return [];
    const role = jsonText(v.role)?.toLowerCase() ?? null;
    const contentType = jsonText(field(v, 'contentType', 'contenttype', 'mimetype'))?.toLowerCase() ?? null;
    return [{ role, contentType, value: text }];
  });
}

function preferred(list: Variant[]): Variant | null {
  return list.find((v) => v.role === null || MAIN_ROLES.has(v.role)) ?? list[0] ?? null;
}

/** `application/nitf+xml`, or IPTC's registered `text/vnd.IPTC.NITF`. */
function isNitfType(contentType: string | null): boolean {
  return contentType?.includes('nitf') ?? false;
}

/**
 * A NITF body's `body.content` as HTML, read like a NITF document (nitf/draft.ts); null when it is
 * not well-formed NITF, so a text body beside it is taken instead.
 */
function nitfBody(value: string): string | null {
  try {
    const nitf = findElement(parseXmlMarkup(value), 'nitf');
    if (nitf === undefined) return null;
    const draft = emptyDraft();
    nitfToDraft(nitf, draft);
    return draft.bodyHtml;
  } catch {
    return null;
  }
}

function isHtmlType(contentType: string | null): boolean {
  return contentType?.includes('html') ?? false;
}
