/** Atom 1.0 (RFC 4287) and Atom 0.3 → FeedDraft. Both have the root `<feed>`; an entry may stand alone. */
import { type FeedDraft, IngestError } from '../../model/index.js';
import { itemResult } from '../item-result.js';
import { attr, childText, isNode, nodes, type XmlNode } from '../node.js';
import { resolveBase } from '../text.js';
import { createXmlParser, REPEATABLE } from '../xml.js';
import { alternateLink, authorsOf, type FeedContext, parseEntry } from './entry.js';
import { asText, textConstruct } from './text.js';

/**
 * Atom text constructs are kept as raw markup: `type="xhtml"` content must be re-serialised in
 * document order, which the object form loses. text.ts turns the raw string into text or HTML.
 */
const RAW_TEXT = [
  ...['title', 'subtitle', 'tagline', 'rights', 'copyright'].map((n) => `feed.${n}`),
  ...['title', 'summary', 'content', 'rights'].map((n) => `feed.entry.${n}`),
];
const parseAtomXml = createXmlParser({ repeatable: REPEATABLE, stopNodes: RAW_TEXT });
/** An Atom Entry Document has its own paths: a parser of its own keeps them off the feed path. */
const parseEntryXml = createXmlParser({
  repeatable: REPEATABLE,
  stopNodes: ['title', 'summary', 'content', 'rights'].map((n) => `entry.${n}`),
});

/** `entryDocument`: the root is a lone `<entry>` (the format module tells from the sniffed root). */
export function parseAtom(text: string, entryDocument = false): FeedDraft {
  const feed = entryDocument ? entryFeed(text) : atomRoot(parseAtomXml(text));
  const ctx: FeedContext = {
    authors: authorsOf(feed),
    language: attr(feed, 'xml:lang'),
    rights: asText(textConstruct(feed.rights ?? feed.copyright)),
    baseUrl: resolveBase(attr(feed, 'xml:base'), null),
  };
  return {
    format: 'atom',
    title: asText(textConstruct(feed.title)),
    link: alternateLink(feed),
    language: ctx.language,
    rights: ctx.rights,
    items: nodes(feed, 'entry').map((entry) =>
      itemResult(
        () => parseEntry(entry, ctx),
        () => childText(entry, 'id'),
      ),
    ),
  };
}

/** A lone `<entry>` read as a feed of one entry, with no feed-level metadata of its own. */
function entryFeed(text: string): XmlNode {
  const doc = parseEntryXml(text);
  const entry = doc.entry;
  if (entry === undefined) return atomRoot(doc);
  return { entry: Array.isArray(entry) ? entry : [entry] };
}

function atomRoot(doc: XmlNode): XmlNode {
  const feed = doc.feed;
  if (feed === undefined) throw new IngestError('NOT_A_FEED', 'document has no <feed> root element');
  return isNode(feed) ? feed : {};
}
