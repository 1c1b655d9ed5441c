/**
 * Headlines, bodies and descriptions across the three ninjs generations: 1.x has flat fields
 * (`headline`, `body_html`, `body_text`, `description_text`), 2.x and 3.x arrays of
 * `{ role, contenttype | contentType, value }` (ninjs 2.0/3.0 schema: "for a simple body use an
 * array with one object only containing the value property").
 */
import { field, isObject, type JsonObject, jsonList, jsonText, textField } from '../json.js';
import { declaredTextAsHtml, looksLikeHtml, plainText, textAsHtml } from '../text.js';

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
  // An untyped value is "up to the provider": markup is read as HTML, anything else as text.
  const untyped = preferred(list.filter((v) => v.contentType === null));
  if (untyped !== null) return looksLikeHtml(untyped.value) ? untyped.value : textAsHtml(untyped.value);
  // Other types (an `application/nitf+xml` body) are markup this reader does not understand.
  const plain = preferred(list.filter((v) => v.contentType?.startsWith('text/')));
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

function isHtmlType(contentType: string | null): boolean {
  return contentType?.includes('html') ?? false;
}
