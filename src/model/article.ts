/**
 * The canonical article: what `replay` prints and what every publish job carries as `data.article`.
 * Field names are the public contract (README "Article contract"); aligned with IPTC ninjs where
 * ninjs has a concept, flatter where a newsroom CMS wants it flat.
 */
import type { FeedFormat } from './feed.js';

export type ArticleStatus = 'usable' | 'withheld' | 'canceled';

export interface Agency {
  /** Stable upper-case code: PTI, ANI, IANS, REUTERS, AP, AFP, … */
  code: string;
  name: string;
}

export interface Dateline {
  /** The dateline as written, e.g. "Islamabad, Jun 6 (PTI)". It also stays in the body. */
  text: string;
  /** The place alone, e.g. "Islamabad". */
  place: string | null;
}

export interface Subject {
  name: string;
  uri: string | null;
}

export type MediaKind = 'image' | 'video' | 'audio' | 'graphic' | 'other';

export interface Media {
  kind: MediaKind;
  url: string;
  mimeType: string | null;
  caption: string | null;
  credit: string | null;
  width: number | null;
  height: number | null;
}

export interface Rights {
  holder: string | null;
  notice: string | null;
  usageTerms: string | null;
}

export interface Disclaimer {
  /** Which template or tier produced the text, e.g. "default". */
  key: string;
  text: string;
}

export interface Provenance {
  /** The feed URL without credentials or auth query parameters, or the local file path. */
  source: string;
  format: FeedFormat;
  /** When wirefeed fetched or read the bytes (UTC). */
  fetchedAt: string;
  /** Hash over the source content only; decides whether a re-polled item is a new version. */
  contentHash: string;
  /** The agency's own version marker, when the format has one. */
  sourceVersion: string | null;
  /** True when the item had no usable date: the times are then when wirefeed first saw it. */
  dateEstimated: boolean;
  /** The agency's priority as written, before it was mapped to `urgency`. */
  sourcePriority: string | null;
}

export interface Article {
  /** Stable across polls, restarts, replicas and versions. */
  id: string;
  /** wirefeed's own counter, from 1. */
  version: number;
  status: ArticleStatus;
  agency: Agency | null;
  feedId: string;
  sourceGuid: string | null;
  url: string | null;
  headline: string;
  /** The agency's short story label, e.g. "PAK-TALKS". */
  slugline: string | null;
  summary: string | null;
  /** Sanitised HTML. */
  bodyHtml: string;
  /** Readable plain text; paragraphs separated by blank lines. */
  bodyText: string;
  byline: string | null;
  dateline: Dateline | null;
  language: string | null;
  /** UTC, `YYYY-MM-DDTHH:mm:ssZ`. */
  firstCreated: string;
  versionCreated: string;
  /** UTC; the story must not be published before it. Null when not embargoed. */
  embargoedUntil: string | null;
  /** 1 (flash) … 9 (lowest); null when the source gives none. */
  urgency: number | null;
  /** Editorial signals from the source: `correction`, `update`, … */
  signals: string[];
  subjects: Subject[];
  media: Media[];
  rights: Rights;
  disclaimer: Disclaimer | null;
  provenance: Provenance;
}
