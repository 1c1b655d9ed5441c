/** One RSS `<item>` → ItemDraft. Spec: https://www.rssboard.org/rss-specification */
import { type DraftSubject, emptyDraft, IngestError, type ItemDraft } from '../../model/index.js';
import { mediaDescriptionOf, mediaOf } from '../media-rss.js';
import {
  attr,
  childText,
  childTextOf,
  childTexts,
  first,
  nodes,
  rawText,
  textOf,
  type XmlNode,
} from '../node.js';
import { collapseWhitespace, isHttpUrl, resolveBase } from '../text.js';
import { uniqueBy } from '../unique.js';
import { rawXmlToText } from '../xml.js';

/** Channel-level values items inherit when they do not state their own. */
export interface ChannelContext {
  language: string | null;
  rights: string | null;
  baseUrl: string | null;
}

export function parseItem(item: XmlNode, channel: ChannelContext): ItemDraft {
  const draft = emptyDraft();
  const guid = first(item, 'guid');
  draft.guid = itemGuid(item);
  draft.link = childText(item, 'link') ?? permalink(guid) ?? attr(item, 'rdf:about');
  draft.title = collapseWhitespace(childText(item, 'title'));
  Object.assign(draft, bodyAndSummary(item));
  draft.author = authorOf(item);
  draft.published = childTextOf(item, ['pubDate', 'dc:date', 'dcterms:issued']);
  draft.updated = childTextOf(item, ['atom:updated', 'dc:modified', 'dcterms:modified']);
  draft.subjects = subjectsOf(item);
  draft.media = mediaOf(item);
  draft.language = childText(item, 'dc:language') ?? channel.language;
  draft.baseUrl = resolveBase(attr(item, 'xml:base'), channel.baseUrl);
  draft.rights = childText(item, 'dc:rights') ?? channel.rights;
  draft.credit = creditOf(item);
  if (draft.title === null && draft.bodyHtml === null) {
    throw new IngestError('ITEM_INVALID', 'item has neither a title nor a description or content');
  }
  return draft;
}

/** The guid's text; RDF items have no guid, and their `rdf:about` URI is their identity. */
export function itemGuid(item: XmlNode): string | null {
  return textOf(first(item, 'guid')) ?? attr(item, 'rdf:about');
}

/** RSS 2.0: a guid is a permalink unless `isPermaLink="false"`; only URL-shaped ones are used. */
function permalink(guid: XmlNode | undefined): string | null {
  if (attr(guid, 'isPermaLink')?.toLowerCase() === 'false') return null;
  const text = textOf(guid);
  return isHttpUrl(text) ? text : null;
}

/**
 * With `content:encoded`, it is the body and `description` the summary. Without it, `description`
 * is the whole story in agency feeds (fixtures/feeds/pti/world.rss.xml, FGN40), so it becomes the
 * body and the summary stays null rather than repeating the body.
 */
function bodyAndSummary(item: XmlNode): Pick<ItemDraft, 'bodyHtml' | 'summaryHtml'> {
  const description = bodyText(item, 'description');
  const content = bodyText(item, 'content:encoded');
  if (content === null) return { bodyHtml: description ?? mediaDescriptionOf(item), summaryHtml: null };
  return { bodyHtml: content, summaryHtml: description === content ? null : description };
}

/**
 * A raw (stop-node) body: CDATA kept, entities decoded. Markup written unescaped inside it — invalid
 * RSS that agencies send anyway — stays as the HTML it was meant to be.
 */
function bodyText(item: XmlNode, name: string): string | null {
  const raw = rawText(first(item, name));
  if (raw === null) return null;
  const text = rawXmlToText(raw).trim();
  return text === '' ? null : text;
}

/** `dc:creator` (all of them) over RSS `author`, which is an e-mail: `desk@pti.in (PTI Desk)`. */
function authorOf(item: XmlNode): string | null {
  const creators = childTexts(item, 'dc:creator').map(collapseWhitespace);
  const named = creators.filter((c): c is string => c !== null);
  if (named.length > 0) return named.join(', ');
  const author = childText(item, 'author');
  if (author === null) return null;
  return collapseWhitespace(/^\S+@\S+\s*\((.+)\)$/.exec(author)?.[1] ?? author);
}

function subjectsOf(item: XmlNode): DraftSubject[] {
  const subjects: DraftSubject[] = [];
  for (const category of nodes(item, 'category')) {
    const name = collapseWhitespace(textOf(category));
    const domain = attr(category, 'domain');
    if (name !== null) subjects.push({ name, uri: isHttpUrl(domain) ? domain : null });
  }
  for (const subject of childTexts(item, 'dc:subject')) {
    const name = collapseWhitespace(subject);
    if (name !== null) subjects.push({ name, uri: null });
  }
  return uniqueBy(subjects, (s) => s.name.toLowerCase());
}

/** `<source url="…">Reuters</source>`, else a `dc:source` that names rather than links. */
function creditOf(item: XmlNode): string | null {
  const source = collapseWhitespace(childText(item, 'source'));
  if (source !== null) return source;
  const dcSource = childText(item, 'dc:source');
  return isHttpUrl(dcSource) ? null : collapseWhitespace(dcSource);
}
