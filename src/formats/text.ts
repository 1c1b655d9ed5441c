/**
 * Text helpers for format parsers. Drafts carry plain text or unsafe HTML; these turn feed
 * strings into one or the other without interpreting anything further.
 */
import { decodeHTMLStrict } from 'entities';

/**
 * Titles in RSS are text that often arrives entity-escaped twice (`&amp;#8217;`, `&amp;rsquo;`):
 * after XML decoding, HTML references remain and are decoded here. Strict: `AT&T` stays as is.
 */
export function decodeHtmlEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

/** Runs of whitespace (including newlines and NBSP) become one space; trimmed; empty → null. */
export function collapseWhitespace(text: string | null): string | null {
  if (text === null) return null;
  const collapsed = text.replace(/[\s\u00a0]+/g, ' ').trim();
  return collapsed === '' ? null : collapsed;
}

/** A text field that may hold entity references, as clean plain text. */
export function plainText(text: string | null): string | null {
  return text === null ? null : collapseWhitespace(decodeHtmlEntities(text));
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
