/**
 * NITF 3.x `body` → draft: `body.head` (hedline, byline, dateline, distributor, abstract),
 * `body.content` as HTML with its `media` lifted out, and `body.end/tagline`.
 */
import type { ItemDraft } from '../../model/index.js';
import {
  elementOf,
  elementsOf,
  isElement,
  type Markup,
  type MarkupElement,
  markupAttr,
  markupText,
} from '../markup.js';
import { containerToHtml, markupToHtml } from '../markup-html.js';
import { collapseWhitespace, textAsHtml } from '../text.js';
import { mediaIn } from './media.js';
import { renderNitf } from './render.js';
import { textIn } from './text.js';

export function readBody(body: MarkupElement | undefined, draft: ItemDraft): void {
  const head = elementOf(body, 'body.head');
  const hedline = elementOf(head, 'hedline');
  draft.title = textIn(elementOf(hedline, 'hl1')) ?? draft.title;
  draft.byline = bylineOf(head);
  readDateline(elementOf(head, 'dateline'), draft);
  draft.credit = textIn(elementOf(head, 'distributor')) ?? draft.credit;
  const abstract = elementOf(head, 'abstract');
  // hl2 is the subheadline; it stands in for a summary only when there is no abstract.
  draft.summaryHtml = abstract ? html(abstract.children) : subheadline(hedline);
  const contents = elementsOf(body, 'body.content');
  const taglines = elementsOf(elementOf(body, 'body.end'), 'tagline');
  // A tagline ("Associated Press writer Jane Roe contributed.") is copy for readers: kept, last.
  const tail = taglines.map((t) => `<p>${markupToHtml(t.children, renderNitf)}</p>`).join('');
  const copy = contents.map((c) => containerToHtml(c.children, renderNitf)).join('');
  draft.bodyHtml = (copy + tail).trim() || null;
  draft.media = contents.flatMap((c) => mediaIn(c.children));
}

const JOB_TITLE = new Set(['byttl']);

/**
 * The first `byline` with a name: its text in document order (`By <person>Jane Doe</person>`),
 * without the `byttl` job title and without a leading "By".
 */
function bylineOf(head: MarkupElement | undefined): string | null {
  for (const byline of elementsOf(head, 'byline')) {
    // `By<person>Jane Doe</person>`: the parts are words of their own even with no space between.
    const parts = byline.children.map((c) => (isElement(c) && JOB_TITLE.has(c.name) ? '' : markupText(c)));
    const text = collapseWhitespace(parts.join(' '))
      ?.replace(/^by\s+/i, '')
      .replace(/[\s,;]+$/, '');
    if (text) return text;
  }
  return null;
}

/** The dateline as written; the place is its `location/city`, else the whole `location`. */
function readDateline(dateline: MarkupElement | undefined, draft: ItemDraft): void {
  draft.dateline = textIn(dateline);
  const location = elementOf(dateline, 'location');
  draft.located = textIn(elementOf(location, 'city')) ?? textIn(location);
  draft.published ??= markupAttr(elementOf(dateline, 'story.date'), 'norm');
}

function subheadline(hedline: MarkupElement | undefined): string | null {
  const text = textIn(elementOf(hedline, 'hl2'));
  return text === null ? null : textAsHtml(text);
}

function html(nodes: readonly Markup[]): string | null {
  const out = markupToHtml(nodes, renderNitf).trim();
  return out === '' ? null : out;
}
