/**
 * NITF 3.x block and inline elements (DTD "body.content" and "enriched text") → HTML. NITF is close
 * to HTML: shared names pass through, NITF-only structure is mapped, enriched-text markup (`person`,
 * `org`, `location`, `money`, `chron` …) is unwrapped to its text, and metadata is dropped.
 */

import { type MarkupElement, markupAttr } from '../markup.js';
import type { Renderer } from '../markup-html.js';

/** Same meaning in NITF and HTML; only links and table cells keep their attributes. */
// biome-ignore format: one list reads better than one tag a line
const HTML_NAMES = new Set([
  'p', 'br', 'hr', 'em', 'strong', 'b', 'i', 'u', 'sub', 'sup', 'pre', 'ul', 'ol', 'li', 'a',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
const WITH_ATTRIBUTES = new Set(['a', 'td', 'th']);

const RENAMED: Readonly<Record<string, string>> = {
  hl1: 'h2',
  hl2: 'h2',
  bq: 'blockquote',
  // Block-level lines that read as their own paragraph when they appear inside body.content.
  byline: 'p',
  dateline: 'p',
  credit: 'p',
  datasource: 'p',
  dt: 'p',
  dd: 'p',
};

/**
 * Not copy: `media` is read into draft media (media.ts); the rest is metadata that can sit among
 * the paragraphs. Script-like tags never occur in NITF and are dropped defensively with their text.
 */
// biome-ignore format: as above
const DROPPED = new Set([
  'media', 'tobject', 'key-list', 'nitf-table-metadata', 'nitf-colgroup', 'nitf-col', 'alt-code',
  'series', 'rights', 'script', 'style', 'iframe', 'object', 'embed',
]);

export const renderNitf: Renderer = (element) => {
  const name = element.name;
  if (DROPPED.has(name) || isNonPublishableNote(element)) return 'drop';
  if (HTML_NAMES.has(name)) return { tag: name, attrs: WITH_ATTRIBUTES.has(name) };
  const renamed = RENAMED[name];
  return renamed === undefined ? 'unwrap' : { tag: renamed, attrs: false };
};

/** `<note type="npa">` is a non-publishable advisory to editors (NITF 3.x `note@type`). */
function isNonPublishableNote(element: MarkupElement): boolean {
  return element.name === 'note' && markupAttr(element, 'type')?.toLowerCase() === 'npa';
}
