/**
 * One item draft → the canonical article's content. Pure: the same draft and settings always give
 * the same result, whichever format the draft came from.
 */
import { decodeHTML } from 'entities';
import type { Article, Media, MediaKind, Subject } from '../model/article.js';
import type { DraftMedia, ItemDraft } from '../model/draft.js';
import { IngestError } from '../model/errors.js';
import { resolveAgency, resolveDateline } from './attribution.js';
import { cleanByline } from './byline.js';
import { extractDateline, stripDeskTags } from './dateline.js';
import { formatUtc, parseDate } from './dates.js';
import { undoDoubleEscape } from './double-escape.js';
import { ensureParagraphs, htmlToText, sanitisedHtmlToText, sanitiseHtml } from './html.js';
import { isCorrectionNotice, isKillNotice } from './notices.js';
import { urgencyFromPriority } from './urgency.js';

export type ArticleContent = Omit<Article, 'id' | 'version' | 'feedId' | 'disclaimer' | 'provenance'>;

export interface NormalisedItem {
  content: ArticleContent;
  sourceVersion: string | null;
  sourcePriority: string | null;
  /** The source's own date, UTC; null when the item had none. */
  sourceDate: string | null;
  dateEstimated: boolean;
}

export interface NormaliseContext {
  /** Agency code configured for the feed, if any. */
  agency: string | null;
  timezone: string;
  /** Fallback base for relative links: the feed URL. */
  baseUrl: string | null;
  feedLanguage: string | null;
  feedRights: string | null;
  fetchedAt: Date;
  /** Hosts whose iframes (video embeds) survive sanitising. */
  iframeHosts?: readonly string[];
}

export function normaliseItem(draft: ItemDraft, context: NormaliseContext): NormalisedItem {
  const base = baseFor(draft, context.baseUrl);
  const rawBody = draft.bodyHtml ?? draft.summaryHtml ?? '';
  const headline = textOf(draft.title, draft.titleIsHtml);
  const bodyHtml = withoutHeadlineEcho(
    ensureParagraphs(stripDeskTags(sanitiseHtml(rawBody, base, context.iframeHosts ?? []))),
    headline,
  );
  const bodyText = sanitisedHtmlToText(bodyHtml);
  if (!headline && !bodyText) throw new IngestError('ITEM_INVALID', 'item has neither a headline nor a body');

  // Formats without a status field withdraw and correct stories in the headline (notices.ts).
  const killNotice = draft.status === null && isKillNotice(headline);
  const notices = killNotice ? ['kill'] : isCorrectionNotice(headline) ? ['correction'] : [];
  const found = extractDateline(bodyText);
  const agency = resolveAgency(context.agency, draft, found?.agencyCode ?? null);
  const embargo = parseDate(draft.embargoedUntil, context.timezone);
  const published = parseDate(draft.published ?? draft.updated, context.timezone);
  const stated = parseDate(draft.updated, context.timezone);
  const updated = stated ?? published;
  const first = published ?? context.fetchedAt;
  const latest = updated && updated > first ? updated : first;

  return {
    content: {
      status: draft.status ?? (killNotice ? 'canceled' : 'usable'),
      agency,
      sourceGuid: draft.guid,
      url: absoluteUrl(draft.link, draft.baseUrl ?? context.baseUrl),
      headline: headline || firstSentence(bodyText),
      slugline: textOrNull(draft.slugline, false),
      summary: draft.bodyHtml && draft.summaryHtml ? textOrNull(draft.summaryHtml, true) : null,
      bodyHtml,
      bodyText,
      byline: cleanByline(draft.byline ?? draft.author, agency) ?? found?.byline ?? null,
      dateline: resolveDateline(draft.dateline, draft.located, found),
      language: languageTag(draft.language ?? context.feedLanguage),
      firstCreated: formatUtc(first),
      versionCreated: formatUtc(latest),
      embargoedUntil: embargo ? formatUtc(embargo) : null,
      urgency: draft.urgency ?? urgencyFromPriority(draft.priority, agency?.code ?? null),
      signals: editorialSignals([...draft.signals, ...notices]),
      subjects: uniqueSubjects(draft.subjects),
      media: draft.media.flatMap((m) => toMedia(m, base)),
      rights: {
        holder: textOrNull(draft.copyrightHolder, false) ?? agency?.name ?? null,
        notice: textOrNull(draft.rights ?? context.feedRights, false),
        usageTerms: textOrNull(draft.usageTerms, false),
      },
    },
    // RSS and Atom have no version counter; their `updated` time orders copies instead.
    sourceVersion: draft.sourceVersion ?? (stated ? formatUtc(stated) : null),
    sourcePriority: draft.priority,
    sourceDate: published ? formatUtc(published) : null,
    dateEstimated: published === null,
  };
}

/**
 * The base for relative links in the body: the item's xml:base, else its own link, else the feed's
 * URL — each only when it resolves to an absolute URL (a relative item link is no base at all).
 */
function baseFor(draft: ItemDraft, feedBase: string | null): string | null {
  return absoluteUrl(draft.baseUrl, feedBase) ?? absoluteUrl(draft.link, feedBase) ?? feedBase;
}

/** XHTML and NITF bodies often open by repeating the headline as a heading; the CMS shows it already. */
function withoutHeadlineEcho(bodyHtml: string, headline: string): string {
  const lead = bodyHtml.match(/^\s*<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>\s*/);
  if (!lead || !headline) return bodyHtml;
  const same =
    sanitisedHtmlToText(lead[1] ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase() === headline.toLowerCase();
  return same ? bodyHtml.slice(lead[0].length) : bodyHtml;
}

/**
 * Plain values skip the HTML reader: escaped and read back, text is itself, and collapsing the
 * whitespace afterwards removes the only difference (checked over arbitrary strings with fast-check).
 * HTML without a tag (most summaries) is one text run to the reader: its entities decoded the way
 * htmlparser2 decodes text (the same `entities` decoder), then the same collapsing. Copy escaped
 * twice is decoded once more either way.
 */
function textOf(value: string | null, isHtml: boolean): string {
  if (!value) return '';
  const text = !isHtml ? value : value.includes('<') ? htmlToText(value) : decodeHTML(value);
  return undoDoubleEscape(text).replace(/\s+/g, ' ').trim();
}

function textOrNull(value: string | null, isHtml: boolean): string | null {
  return textOf(value, isHtml) || null;
}

function firstSentence(text: string): string {
  const line = text.split('\n')[0] ?? '';
  const sentence = line.match(/^.{20,}?[.!?](?=\s|$)/)?.[0] ?? line;
  return sentence.length > 160 ? `${sentence.slice(0, 157).trimEnd()}…` : sentence;
}

/**
 * Signals a publisher acts on. Feeds also carry housekeeping flags (AP's `newscontent`,
 * `whitelisted`) that mean nothing downstream.
 */
const EDITORIAL_SIGNALS = new Set([
  'correction',
  'update',
  'kill',
  'withdrawn',
  'withdrawal',
  'advisory',
  'outdated',
  'cwarn',
  'writethru',
  'embargo',
]);

function editorialSignals(signals: readonly string[]): string[] {
  return [...new Set(signals.map((s) => s.trim().toLowerCase()))].filter((s) => EDITORIAL_SIGNALS.has(s));
}

function uniqueSubjects(subjects: readonly Subject[]): Subject[] {
  const seen = new Set<string>();
  const result: Subject[] = [];
  for (const subject of subjects) {
    const name = subject.name.replace(/\s+/g, ' ').trim();
    const key = `${name.toLowerCase()}\n${subject.uri ?? ''}`;
    if (!name || seen.has(key)) continue;
    seen.add(key);
    result.push({ name, uri: subject.uri });
  }
  return result;
}

function toMedia(media: DraftMedia, base: string | null): Media[] {
  const url = absoluteUrl(media.url, base);
  if (!url) return [];
  return [
    {
      kind: media.kind ?? kindFromMime(media.mimeType),
      url,
      mimeType: media.mimeType,
      caption: textOrNull(media.caption, false),
      credit: textOrNull(media.credit, false),
      width: media.width,
      height: media.height,
    },
  ];
}

function kindFromMime(mimeType: string | null): MediaKind {
  const top = mimeType?.split('/')[0];
  if (top === 'image' || top === 'video' || top === 'audio') return top;
  return 'other';
}

/** Only http(s) links leave wirefeed; relative ones are resolved or dropped. */
function absoluteUrl(link: string | null, base: string | null): string | null {
  if (!link) return null;
  try {
    const url = base ? new URL(link.trim(), base) : new URL(link.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** BCP 47 casing: `en-in` → `en-IN`. */
function languageTag(raw: string | null): string | null {
  const tag = raw?.trim().replace(/_/g, '-');
  if (!tag) return null;
  const [lang, ...rest] = tag.split('-');
  const parts = rest.map((p) =>
    p.length === 2
      ? p.toUpperCase()
      : p.length === 4
        ? p[0]?.toUpperCase() + p.slice(1).toLowerCase()
        : p.toLowerCase(),
  );
  return [lang?.toLowerCase(), ...parts].join('-');
}
