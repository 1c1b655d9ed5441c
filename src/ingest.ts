/**
 * The pure half of the pipeline: bytes + feed settings → canonical articles and rejected items.
 * No I/O and no clock (the fetch time is passed in), with serialisable input and output, so it can
 * run on a worker thread unchanged.
 */
import { contentHash } from './dedup/content-hash.js';
import { articleId } from './dedup/identity.js';
import { disclaimerStripper, renderDisclaimer } from './enrich/disclaimer.js';
import { parseFeed } from './formats/index.js';
import type { Agency, Article, Disclaimer } from './model/article.js';
import type { FeedDraft, ItemDraft } from './model/draft.js';
import { toIngestError } from './model/errors.js';
import type { FeedFormat, FeedSettings } from './model/feed.js';
import type { RejectedItem } from './model/poll.js';
import { type ArticleContent, normaliseItem } from './normalise/article.js';
import { formatUtc } from './normalise/dates.js';
import { sanitisedHtmlToText } from './normalise/html.js';

export interface IngestInput {
  bytes: Uint8Array;
  settings: FeedSettings;
  /** URL without credentials, or file path: goes into `provenance.source`. */
  source: string;
  contentType: string | null;
  fetchedAt: Date;
}

export interface IngestOutput {
  format: FeedFormat;
  articles: Article[];
  rejected: RejectedItem[];
}

/** What `ingestInSlices` returns once every slice has been handed over. */
export type IngestSummary = Omit<IngestOutput, 'articles'>;

/** Throws an IngestError only when the document as a whole cannot be read. */
export function ingest(input: IngestInput): IngestOutput {
  const articles: Article[] = [];
  const { format, rejected } = ingestInSlices(input, Number.POSITIVE_INFINITY, (slice) => {
    for (const article of slice) articles.push(article);
  });
  return { format, articles, rejected };
}

/**
 * `ingest`, handing articles over `size` at a time as they are made, so a caller on another thread
 * can queue the first stories of a huge feed while the rest are still being normalised. The
 * document is parsed whole before the first slice: a feed that cannot be read yields no article.
 */
export function ingestInSlices(
  input: IngestInput,
  size: number,
  onSlice: (articles: Article[]) => void,
): IngestSummary {
  const { settings } = input;
  const feed = parseFeed(input.bytes, {
    contentType: input.contentType,
    fileName: input.source,
    declared: settings.format,
  });
  let slice: Article[] = [];
  const rejected: RejectedItem[] = [];
  const disclaimerFor = memoDisclaimer(settings);
  for (const item of feed.items) {
    if (!item.ok) {
      rejected.push({ guid: item.guid, code: item.error.code, message: item.error.message });
      continue;
    }
    try {
      slice.push(toArticle(item.draft, feed, input, disclaimerFor));
    } catch (err) {
      const error = toIngestError(err, 'ITEM_INVALID');
      rejected.push({ guid: item.draft.guid, code: error.code, message: error.message });
    }
    if (slice.length >= size) {
      onSlice(slice);
      slice = [];
    }
  }
  if (slice.length > 0) onSlice(slice);
  return { format: feed.format, rejected };
}

function toArticle(
  draft: ItemDraft,
  feed: FeedDraft,
  input: IngestInput,
  disclaimerFor: DisclaimerFor,
): Article {
  const { settings } = input;
  const normalised = normaliseItem(draft, {
    agency: settings.agency,
    timezone: settings.timezone,
    baseUrl: settings.baseUrl ?? feed.link,
    feedLanguage: feed.language,
    feedRights: feed.rights,
    fetchedAt: input.fetchedAt,
    iframeHosts: settings.allowIframesFrom,
  });
  const { body, disclaimer } = withDisclaimer(normalised.content, disclaimerFor(normalised.content.agency));
  const id = articleId({
    agencyCode: body.agency?.code ?? null,
    feedId: settings.id,
    sourceGuid: body.sourceGuid,
    url: body.url,
    headline: body.headline,
    sourceDate: normalised.sourceDate,
  });
  // Spelled out in contract order, so every JSON consumer sees the same key order.
  return {
    id,
    version: 1,
    status: body.status,
    agency: body.agency,
    feedId: settings.id,
    sourceGuid: body.sourceGuid,
    url: body.url,
    headline: body.headline,
    slugline: body.slugline,
    summary: body.summary,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    byline: body.byline,
    dateline: body.dateline,
    language: body.language,
    firstCreated: body.firstCreated,
    versionCreated: body.versionCreated,
    embargoedUntil: body.embargoedUntil,
    urgency: body.urgency,
    signals: body.signals,
    subjects: body.subjects,
    media: body.media,
    rights: body.rights,
    disclaimer,
    provenance: {
      source: input.source,
      format: feed.format,
      fetchedAt: formatUtc(input.fetchedAt),
      contentHash: contentHash(body),
      sourceVersion: normalised.sourceVersion,
      dateEstimated: normalised.dateEstimated,
      sourcePriority: normalised.sourcePriority,
    },
  };
}

/** The disclaimer an article gets, and the stripper for copies of it already in the body. */
interface ArticleDisclaimer {
  disclaimer: Disclaimer | null;
  strip(bodyHtml: string): string;
}

type DisclaimerFor = (agency: Agency | null) => ArticleDisclaimer;

/** The feed's disclaimer per agency, rendered (and its stripper built) once per ingest, not per article. */
function memoDisclaimer(settings: FeedSettings): DisclaimerFor {
  const built = new Map<string, ArticleDisclaimer>();
  return (agency) => {
    const key = settings.disclaimer ? `${agency?.code ?? ''}\n${agency?.name ?? ''}` : '';
    let entry = built.get(key);
    if (entry === undefined) {
      const disclaimer = settings.disclaimer
        ? renderDisclaimer(settings.disclaimer, settings.publisherName, agency)
        : null;
      entry = { disclaimer, strip: disclaimerStripper(disclaimer?.text ?? null) };
      built.set(key, entry);
    }
    return entry;
  };
}

/** Takes any disclaimer the copy already carries out of the body. */
function withDisclaimer(
  content: ArticleContent,
  { disclaimer, strip }: ArticleDisclaimer,
): { body: ArticleContent; disclaimer: Disclaimer | null } {
  const bodyHtml = strip(content.bodyHtml);
  if (bodyHtml === content.bodyHtml) return { body: content, disclaimer };
  return { body: { ...content, bodyHtml, bodyText: sanitisedHtmlToText(bodyHtml) }, disclaimer };
}
