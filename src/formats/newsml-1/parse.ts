/**
 * NewsML 1.2 (IPTC, 2003; AFP's wire format) → FeedDraft. A document is `<NewsML>` with a
 * `NewsEnvelope` and one or more `NewsItem`s; each item is parsed in isolation.
 * Spec: https://www.iptc.org/std/NewsML/1.2/specification/ (NewsML_1.2-spec-Overview).
 */
import { type FeedDraft, IngestError, itemsOnlyFeed } from '../../model/index.js';
import { itemResult } from '../item-result.js';
import { attr, first, isNode, nodes, type XmlNode } from '../node.js';
import { createXmlParser } from '../xml.js';
import { type EnvelopeContext, parseNewsItem } from './item.js';
import { identityOf } from './management.js';

/** Elements the DTD lets repeat; arrays even when one is present. */
const REPEATABLE = [
  'NewsItem',
  'NewsComponent',
  'ContentItem',
  'Property',
  'SubjectCode',
  'Subject',
  'SubjectMatter',
  'SubjectDetail',
  'KeywordLine',
  'Instruction',
  'Location',
  'Language',
  'Party',
];

/** `DataContent` holds NITF, XHTML or text; kept raw so it can be read in document order. */
const parseNewsMl = createXmlParser({ repeatable: REPEATABLE, stopNodes: ['..DataContent'] });

export function parseNewsMl1(text: string): FeedDraft {
  const doc = parseNewsMl(text);
  const root = newsMlRoot(doc);
  const envelope = first(root, 'NewsEnvelope');
  const ctx: EnvelopeContext = { priority: attr(first(envelope, 'Priority'), 'FormalName') };
  // A bare `<NewsItem>` root (seen from some resellers) is read as a one-item document.
  const items = doc.NewsML === undefined ? [root] : nodes(root, 'NewsItem');
  return itemsOnlyFeed(
    'newsml-1',
    items.map((item) =>
      itemResult(
        () => parseNewsItem(item, ctx),
        () => identityOf(item),
      ),
    ),
  );
}

function newsMlRoot(doc: XmlNode): XmlNode {
  const root = doc.NewsML ?? doc.NewsItem;
  if (root === undefined)
    throw new IngestError('FORMAT_UNSUPPORTED', 'document has no <NewsML> root element');
  const node = Array.isArray(root) ? root[0] : root;
  return isNode(node) ? node : {};
}
