/**
 * `ContentItem/DataContent` → unsafe HTML. AFP ships NITF (`<nitf><body><body.content><p>…`,
 * read by nitf/draft.ts), the bare paragraphs of its "bcNITF2.5" format
 * (`<DataContent><p>…</p></DataContent>`), XHTML, or text, sometimes as CDATA.
 * normalise/html.ts sanitises whatever comes out of here.
 */
import { findElement, isElement, type Markup, type MarkupElement, markupText } from '../markup.js';
import { markupToHtml, type Renderer } from '../markup-html.js';
import { collapseWhitespace, textAsHtml } from '../text.js';
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

/** The story as HTML: the `body` of XHTML, else the markup or text as given. */
export function dataContentHtml(content: readonly Markup[]): string | null {
  const children = findElement(content, 'body')?.children ?? content;
  if (children.some(isElement)) {
    const html = markupToHtml(children, render).trim();
    return html === '' ? null : html;
  }
  const text = children.join('').trim();
  if (text === '') return null;
  // CDATA-wrapped HTML arrives as one text run that is really markup.
  return /<(?:p|br|div)\b[^>]*>/i.test(text) ? text : textAsHtml(text);
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
