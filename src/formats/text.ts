/**
 * Text helpers for format parsers. Drafts carry plain text or unsafe HTML; these turn feed
 * strings into one or the other without interpreting anything further.
 */
import { decodeXmlEntities } from './entities.js';

/** Runs of whitespace (including newlines and NBSP) become one space; trimmed; empty → null. */
export function collapseWhitespace(text: string | null): string | null {
  if (text === null) return null;
  const collapsed = text.replace(/[\s\u00a0]+/g, ' ').trim();
  return collapsed === '' ? null : collapsed;
}

/**
 * Plain text from a source with no XML layer (JSON Feed, ninjs) that may still carry HTML
 * references (`&#8217;`, `&amp;`): decoded once, here. XML text was decoded by the parser
 * (entities.ts), and decoding it again would turn the text `&lt;` into `<`: XML formats use
 * `collapseWhitespace`.
 */
export function plainText(text: string | null): string | null {
  return text === null ? null : collapseWhitespace(decodeXmlEntities(text));
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Plain text as HTML: blank lines become paragraphs, single newlines `<br>`. Mirrors
 * normalise/html.ts `textToHtml`; kept here so formats/ does not import a later stage.
 */
export function textAsHtml(text: string): string {
  return text
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${p.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

const HTML_TAGS = 'p|div|br|h[1-6]|ul|ol|li|strong|em|b|i|a|span|blockquote|table';
const HTML_TAG = new RegExp(`<(?:${HTML_TAGS})\\b[^>]*>`, 'i');
const OPENS_WITH_HTML_TAG = new RegExp(`^\\s*<(?:${HTML_TAGS})\\b[^>]*>`, 'i');

/** Whether a string with no declared type carries HTML rather than text. */
export function looksLikeHtml(value: string): boolean {
  return HTML_TAG.test(value);
}

/**
 * Text declared plain as HTML, unless it is HTML mislabelled as text: agencies send `<p>…</p>`
 * as `text/plain` (ANSA's NewsML-G2 `inlineData`). Only a value that opens with such a tag counts,
 * so copy that merely mentions `<b>` stays text.
 */
export function declaredTextAsHtml(text: string): string {
  return OPENS_WITH_HTML_TAG.test(text) ? text.trim() : textAsHtml(text);
}

/** True for absolute http(s) URLs; used to tell a URL-valued attribute from a label. */
export function isHttpUrl(value: string | null): value is string {
  return value !== null && /^https?:\/\/\S+$/i.test(value);
}

/** `base` resolved against `parent`; null when neither gives an absolute URL. */
export function resolveBase(base: string | null, parent: string | null): string | null {
  if (base === null) return parent;
  try {
    return new URL(base, parent ?? undefined).href;
  } catch {
    return parent;
  }
}

/** Parses a non-negative integer attribute (`width="1200"`); anything else → null. */
export function toInt(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value.trim())) return null;
  return Number.parseInt(value, 10);
}
