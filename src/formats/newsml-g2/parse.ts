/**
 * NewsML-G2 2.x → FeedDraft. Roots: `newsItem` (one item) or `newsMessage`, whose `itemSet`s hold
 * any kind of item. Only `newsItem`s are stories: `conceptItem`, `knowledgeItem` and
 * `planningItem` are skipped, not rejected, and a `packageItem` only joins a story to its pictures
 * (packages.ts). `header/sent` is when the message was sent, not when any story was, so it is
 * not read.
 */
import { type FeedDraft, IngestError, itemsOnlyFeed } from '../../model/index.js';
import { itemResult } from '../item-result.js';
import { attr, first, nodes, type XmlNode } from '../node.js';
import { createXmlParser } from '../xml.js';
import { parseNewsItem } from './item.js';
import { joinPackages } from './packages.js';

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
  const { items, packages } = messageItems(parseG2Xml(text));
  const parsed = items.map((node) => {
    const guid = attr(node, 'guid');
    return {
      guid,
      node,
      result: itemResult(
        () => parseNewsItem(node),
        () => guid,
      ),
    };
  });
  return itemsOnlyFeed('newsml-g2', joinPackages(parsed, packages));
}

function messageItems(doc: XmlNode): { items: XmlNode[]; packages: XmlNode[] } {
  if (doc.newsItem !== undefined) return { items: nodes(doc, 'newsItem'), packages: [] };
  const message = first(doc, 'newsMessage');
  if (message !== undefined) {
    const sets = nodes(message, 'itemSet');
    return {
      items: sets.flatMap((set) => nodes(set, 'newsItem')),
      packages: sets.flatMap((set) => nodes(set, 'packageItem')),
    };
  }
  if (G2_ROOTS.some((root) => doc[root] !== undefined)) return { items: [], packages: [] };
  throw new IngestError('NOT_A_FEED', 'document has no NewsML-G2 newsMessage or newsItem root');
}
