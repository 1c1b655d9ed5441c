/**
 * RSS 0.91/0.92/2.0 and RDF/RSS 1.0 → FeedDraft. RSS 0.9x and RDF put `<item>` beside `<channel>`
 * at the root rather than inside it, so both places are read (fixtures/feeds/rss/rdf-1.0.rss.xml).
 */
import { type FeedDraft, IngestError } from '../../model/index.js';
import { itemResult } from '../item-result.js';
import { attr, childText, childTextOf, first, nodes, type XmlNode } from '../node.js';
import { collapseWhitespace, resolveBase } from '../text.js';
import { createXmlParser, REPEATABLE } from '../xml.js';
import { type ChannelContext, itemGuid, parseItem } from './item.js';

/**
 * Bodies stay raw: the parser hands over a stop node's content with one search for its end tag
 * instead of reading it character by character, and item.ts decodes it once. That took a fifth
 * off parsing a feed whose items carry full stories.
 */
const parseRssXml = createXmlParser({
  repeatable: REPEATABLE,
  stopNodes: ['..description', '..content:encoded'],
});

export function parseRss(text: string): FeedDraft {
  const root = rssRoot(parseRssXml(text));
  const channel = first(root, 'channel');
  const ctx: ChannelContext = {
    language: childTextOf(channel, ['language', 'dc:language']),
    rights: childTextOf(channel, ['copyright', 'dc:rights']),
    baseUrl: resolveBase(attr(channel, 'xml:base'), attr(root, 'xml:base')),
  };
  const items = [...nodes(channel, 'item'), ...nodes(root, 'item')];
  return {
    format: 'rss',
    title: collapseWhitespace(childText(channel, 'title')),
    link: childText(channel, 'link'),
    language: ctx.language,
    rights: ctx.rights,
    items: items.map((item) =>
      itemResult(
        () => parseItem(item, ctx),
        () => itemGuid(item),
      ),
    ),
  };
}

/** `<rss>` or `<rdf:RDF>` (any prefix: only the local name is fixed by the RDF spec). */
function rssRoot(doc: XmlNode): XmlNode {
  for (const [name, value] of Object.entries(doc)) {
    if (name !== 'rss' && !name.endsWith(':RDF') && name !== 'RDF') continue;
    // An empty `<rss/>` parses to '', which is still a (degenerate) RSS document.
    return typeof value === 'object' && value !== null ? (value as XmlNode) : {};
  }
  throw new IngestError('NOT_A_FEED', 'document has no <rss> or <rdf:RDF> root element');
}
