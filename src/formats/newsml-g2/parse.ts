/**
 * NewsML-G2 2.x → FeedDraft. Roots: `newsItem` (one item) or `newsMessage`, whose `itemSet`s hold
 * any kind of item. Only `newsItem`s are stories: `packageItem`, `conceptItem`, `knowledgeItem`
 * and `planningItem` are skipped, not rejected. `header/sent` is when the message was sent, not
 * when any story was, so it is not read.
 */
import { type FeedDraft, IngestError, itemsOnlyFeed } from '../../model/index.js';
import { itemResult } from '../item-result.js';
import { attr, first, nodes, type XmlNode } from '../node.js';
import { createXmlParser } from '../xml.js';
import { parseNewsItem } from './item.js';

/** The G2 item roots: a document with any of them at the root is G2. */
export const G2_ROOTS = [
  'newsMessage',
  'newsItem',
  'packageItem',
  'conceptItem',
  'knowledgeItem',
  'planningItem',
];

/**
 * `inlineXML` is kept raw: its NITF or XHTML is mixed content, re-read in document order by
 * content.ts. Properties that repeat in the schema are always arrays.
 */
const parseG2Xml = createXmlParser({
  // biome-ignore format: one list reads better than one name a line
  repeatable: [
    'itemSet', 'newsItem', 'catalog', 'scheme', 'rightsInfo', 'signal', 'link', 'headline', 'subject',
    'keyword', 'genre', 'language', 'located', 'by', 'creator', 'creditline', 'description', 'slugline',
    'dateline', 'name', 'remoteContent', 'inlineXML', 'inlineData',
  ],
  stopNodes: ['..inlineXML'],
});

export function parseNewsMlG2(text: string): FeedDraft {
  const items = newsItems(parseG2Xml(text));
  return itemsOnlyFeed(
    'newsml-g2',
    items.map((item) =>
      itemResult(
        () => parseNewsItem(item),
        () => attr(item, 'guid'),
      ),
    ),
  );
}

function newsItems(doc: XmlNode): XmlNode[] {
  if (doc.newsItem !== undefined) return nodes(doc, 'newsItem');
  const message = first(doc, 'newsMessage');
  if (message !== undefined) return nodes(message, 'itemSet').flatMap((set) => nodes(set, 'newsItem'));
  if (G2_ROOTS.some((root) => doc[root] !== undefined)) return [];
  throw new IngestError('NOT_A_FEED', 'document has no NewsML-G2 newsMessage or newsItem root');
}
