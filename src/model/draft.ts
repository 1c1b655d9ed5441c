/**
 * What a format parser hands to the normaliser: the item's fields as the feed states them, with
 * XML decoding done but nothing interpreted (dates are still strings, HTML is still unsafe).
 * One shape for every format, so normalising is written once.
 */
import type { ArticleStatus, MediaKind } from './article.js';
import type { IngestError } from './errors.js';
import type { FeedFormat } from './feed.js';

export interface DraftMedia {
  url: string;
  kind: MediaKind | null;
  mimeType: string | null;
  caption: string | null;
  credit: string | null;
  width: number | null;
  height: number | null;
}

export interface DraftSubject {
  name: string;
  uri: string | null;
}

export interface ItemDraft {
  guid: string | null;
  link: string | null;
  /** Plain text unless `titleIsHtml`. */
  title: string | null;
  titleIsHtml: boolean;
  /** Unsafe HTML (or plain text, which is valid HTML once escaped by the parser). */
  summaryHtml: string | null;
  bodyHtml: string | null;
  author: string | null;
  /** An explicit byline (G2 `by`, NITF `byline`, ninjs `by`); `author` is a feed's creator field. */
  byline: string | null;
  /** Dateline text from metadata; when null the normaliser looks for one in the body. */
  dateline: string | null;
  /** The place the story is from, when metadata names it apart from the dateline. */
  located: string | null;
  slugline: string | null;
  /** Raw date strings, interpreted by normalise/dates. */
  published: string | null;
  updated: string | null;
  embargoedUntil: string | null;
  subjects: DraftSubject[];
  media: DraftMedia[];
  language: string | null;
  /** xml:base or equivalent in force for this item. */
  baseUrl: string | null;
  sourceVersion: string | null;
  status: ArticleStatus | null;
  /** IPTC urgency 1–9 when the format states one. */
  urgency: number | null;
  /** The agency's own priority as written (`FLASH`, `3`, `Urgent`); mapped to urgency when no urgency is given. */
  priority: string | null;
  /** Lower-case editorial signals the source states: `correction`, `update`, `kill`, … */
  signals: string[];
  /** Copyright notice or rights statement as the source words it. */
  rights: string | null;
  copyrightHolder: string | null;
  usageTerms: string | null;
  /** Agency named by the item itself (dc:source, credit line …), if any. */
  credit: string | null;
}

export type ItemResult =
  | { ok: true; draft: ItemDraft }
  | { ok: false; error: IngestError; guid: string | null };

export interface FeedDraft {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  language: string | null;
  rights: string | null;
  items: ItemResult[];
}

/** An empty draft, for parsers to fill field by field. */
export function emptyDraft(): ItemDraft {
  return {
    guid: null,
    link: null,
    title: null,
    titleIsHtml: false,
    summaryHtml: null,
    bodyHtml: null,
    author: null,
    byline: null,
    dateline: null,
    located: null,
    slugline: null,
    published: null,
    updated: null,
    embargoedUntil: null,
    subjects: [],
    media: [],
    language: null,
    baseUrl: null,
    sourceVersion: null,
    status: null,
    urgency: null,
    priority: null,
    signals: [],
    rights: null,
    copyrightHolder: null,
    usageTerms: null,
    credit: null,
  };
}

/** A feed whose documents carry no channel metadata (NewsML, NITF, ninjs): just its items. */
export function itemsOnlyFeed(
  format: FeedFormat,
  items: ItemResult[],
  language: string | null = null,
): FeedDraft {
  return { format, title: null, link: null, language, rights: null, items };
}
