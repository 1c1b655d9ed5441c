/**
 * NewsML-G2 2.x "Content Set": `inlineXML`, `inlineData` and `remoteContent` are alternative
 * renditions of the same content. The richest inline one becomes the body (NITF, then XHTML, then
 * HTML or plain text data). Remote renditions are read by media.ts.
 */
import type { ItemDraft } from '../../model/index.js';
import { elementOf, findElement, isElement, type Markup } from '../markup.js';
import { keepAll, markupToHtml, type Renderer } from '../markup-html.js';
import { nitfToDraft } from '../nitf/parse.js';
import { attr, nodes, rawText, textOf, type XmlNode } from '../node.js';
import { declaredTextAsHtml } from '../text.js';
import { parseMarkup } from '../xml.js';

/** The body (and, from NITF, whatever else the item's metadata left unset). */
export function readInlineContent(contentSet: XmlNode | undefined, draft: ItemDraft): void {
  const inline = bestInline(contentSet);
  if (inline !== null) readInline(inline, draft);
}

/** What an inline rendition holds, richest first. */
const KINDS = ['nitf', 'xhtml', 'html', 'text'] as const;
type InlineKind = (typeof KINDS)[number];

interface Inline {
  kind: InlineKind;
  /** Markup as written for `inlineXML`; the decoded text for `inlineData`. */
  source: string;
}

/**
 * `contenttype` is the spec's spelling; `contentType` is a common slip. Escaped NITF or XHTML sent
 * as `inlineData` is read like `inlineXML`.
 */
function inlineOf(node: XmlNode, xml: boolean): Inline | null {
  const type = (attr(node, 'contenttype') ?? attr(node, 'contentType') ?? '').toLowerCase();
  const source = xml ? rawText(node) : textOf(node);
  if (source === null || source.trim() === '') return null;
  if (type.includes('nitf') || (xml && NITF_ROOT.test(source))) return { kind: 'nitf', source };
  if (xml || type.includes('xhtml')) return { kind: 'xhtml', source };
  return { kind: type.includes('html') ? 'html' : 'text', source };
}

const NITF_ROOT = /<(?:[\w.-]+:)?nitf[\s>]/;

function bestInline(contentSet: XmlNode | undefined): Inline | null {
  const candidates = [
    ...nodes(contentSet, 'inlineXML').map((node) => inlineOf(node, true)),
    ...nodes(contentSet, 'inlineData')
      .filter((node) => attr(node, 'encoding')?.toLowerCase() !== 'base64')
      .map((node) => inlineOf(node, false)),
  ];
  let best: Inline | null = null;
  for (const c of candidates) {
    if (c !== null && (best === null || KINDS.indexOf(c.kind) < KINDS.indexOf(best.kind))) best = c;
  }
  return best;
}

function readInline(inline: Inline, draft: ItemDraft): void {
  if (inline.kind === 'text' || inline.kind === 'html') {
    draft.bodyHtml ??= inline.kind === 'html' ? inline.source.trim() : declaredTextAsHtml(inline.source);
    return;
  }
  const markup = markupIn(inline.source);
  if (markup === null) {
    draft.bodyHtml ??= inline.source.trim();
    return;
  }
  const nitf = findElement(markup, 'nitf');
  if (nitf !== undefined) nitfToDraft(nitf, draft);
  else draft.bodyHtml ??= xhtmlBody(markup);
}

/**
 * The rendition's markup. Some providers wrap it in CDATA, or send it escaped as `inlineData`,
 * so a fragment that is only text starting with `<` is parsed once more. Null when that text is
 * not well-formed: it is then passed on as HTML, which the sanitiser reads leniently.
 */
function markupIn(source: string): Markup[] | null {
  try {
    const markup = parseMarkup(source);
    if (markup.some(isElement)) return markup;
    const text = markup.join('').trim();
    return text.startsWith('<') ? parseMarkup(text) : markup;
  } catch {
    return null;
  }
}

/**
 * XHTML (`application/xhtml+xml`): the children of `html/body`, or the fragment as it stands. The
 * body's own `header` is left out: dpa's (digitalwires) repeats the item's date, keywords,
 * headline and byline there, above the story; headers inside sections are the story's.
 */
function xhtmlBody(markup: readonly Markup[]): string | null {
  const html = findElement(markup, 'html');
  const body = elementOf(html, 'body');
  const copy = body?.children.filter((c) => !isElement(c) || c.name !== 'header');
  const out = markupToHtml(copy ?? (html ? [] : markup), renderXhtml).trim();
  return out === '' ? null : out;
}

/** XHTML already is HTML; only the document head (its `title` repeats the headline) is left out. */
const renderXhtml: Renderer = (element) => (element.name === 'head' ? 'drop' : keepAll(element));
