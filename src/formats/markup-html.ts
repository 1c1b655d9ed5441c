/**
 * Markup → HTML, in document order. A renderer decides per element whether it becomes an HTML tag,
 * is unwrapped (its children kept) or is dropped with its content. The output is still unsafe:
 * normalise/html.ts sanitises every body later, so this only has to produce well-formed HTML.
 */
import { isElement, type Markup, type MarkupElement } from './markup.js';
import { looksLikeHtml } from './text.js';

export type Rendering =
  /** Emit `tag`; `attrs` says whether the source attributes go with it. */
  { tag: string; attrs: boolean } | 'unwrap' | 'drop';

export type Renderer = (element: MarkupElement) => Rendering;

/** HTML void elements: no end tag, and any children an XML source gave them are ignored. */
const VOID = new Set(['br', 'hr', 'img', 'wbr']);
const ATTRIBUTE_NAME = /^[A-Za-z_][\w.:-]*$/;

export function markupToHtml(nodes: readonly Markup[], render: Renderer): string {
  let html = '';
  for (const node of nodes) html += nodeToHtml(node, render);
  return html;
}

/**
 * `markupToHtml` for the content of a story container (NITF `body.content`, a NewsML
 * `DataContent`). Content that is only text with HTML tags in it is that HTML: agencies wrap a
 * story's HTML in CDATA (`<body.content><![CDATA[Body<BR>more]]>`), which XML reads as text.
 */
export function containerToHtml(nodes: readonly Markup[], render: Renderer): string {
  if (!nodes.some(isElement)) {
    const text = nodes.join('');
    if (looksLikeHtml(text)) return text.trim();
  }
  return markupToHtml(nodes, render);
}

/** Every element kept with its attributes, e.g. for XHTML, which already is HTML. */
export const keepAll: Renderer = (element) => ({ tag: element.name.toLowerCase(), attrs: true });

function nodeToHtml(node: Markup, render: Renderer): string {
  if (!isElement(node)) return isIndentation(node) ? '\n' : escapeText(node);
  const rendering = render(node);
  if (rendering === 'drop') return '';
  if (rendering === 'unwrap') return markupToHtml(node.children, render);
  const open = `<${rendering.tag}${rendering.attrs ? attributes(node) : ''}>`;
  if (VOID.has(rendering.tag)) return open;
  return `${open}${markupToHtml(node.children, render)}</${rendering.tag}>`;
}

/** Pretty-printing between elements: one newline says the same to HTML and keeps bodies compact. */
function isIndentation(text: string): boolean {
  return text.includes('\n') && text.trim() === '';
}

function attributes(element: MarkupElement): string {
  let out = '';
  for (const [name, value] of element.attrs) {
    if (ATTRIBUTE_NAME.test(name)) out += ` ${name}="${value.replace(/[&"<]/g, escapeChar)}"`;
  }
  return out;
}

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, escapeChar);
}

function escapeChar(c: string): string {
  return c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;';
}
