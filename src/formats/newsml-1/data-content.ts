/**
 * `ContentItem/DataContent` → unsafe HTML. AFP ships NITF (`<nitf><body><body.content><p>…`,
 * read by nitf/draft.ts), the bare paragraphs of its "bcNITF2.5" format
 * (`<DataContent><p>…</p></DataContent>`), XHTML, or text, sometimes as CDATA.
 * normalise/html.ts sanitises whatever comes out of here.
 */
import { findElement, isElement, type Markup, type MarkupElement, markupText } from '../markup.js';
import { containerToHtml, type Renderer } from '../markup-html.js';
import { collapseWhitespace, looksLikeHtml, textAsHtml } from '../text.js';
import { parseMarkup } from '../xml.js';

/**
 * The DataContent's raw markup in document order (it is a stop node of the NewsML parser). It is
 * re-wrapped so that text outside any element, as in a plain-text story, is kept.
 */
export function readDataContent(raw: string): Markup[] {
  const [wrapper] = parseMarkup(`<DataContent>${raw}</DataContent>`);
  return isElement(wrapper) ? [...wrapper.children] : [];
}

export function embeddedNitf(content: readonly Markup[]): MarkupElement | undefined {
  return findElement(content, 'nitf');
}

/**
 * The story as HTML: the `body.content` of a bare NITF body, the `body` of XHTML, else the markup
 * or text as given. HTML inside CDATA arrives as one text run that is really markup.
 */
export function dataContentHtml(content: readonly Markup[]): string | null {
  const container = findElement(content, 'body.content') ?? findElement(content, 'body');
  const children = container?.children ?? content;
  if (!children.some(isElement) && !looksLikeHtml(children.join(''))) {
    const text = children.join('').trim();
    return text === '' ? null : textAsHtml(text);
  }
  const html = containerToHtml(children, render).trim();
  return html === '' ? null : html;
}

/** Plain text of a caption component's DataContent (markup, or HTML inside CDATA). */
export function dataContentText(content: readonly Markup[]): string | null {
  let text = '';
  for (const node of content) text += ` ${markupText(node)}`;
  return collapseWhitespace(text.replace(/<[^>]*>/g, ' '));
}

const DROPPED = new Set(['head', 'title', 'script', 'style']);
const UNWRAPPED = new Set(['html', 'body', 'body.content', 'block']);

const render: Renderer = (element) => {
  const name = element.name.toLowerCase();
  if (DROPPED.has(name)) return 'drop';
  return UNWRAPPED.has(name) ? 'unwrap' : { tag: name, attrs: true };
};
