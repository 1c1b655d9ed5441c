/**
 * What to do with an article given what was seen before: the pure heart of dedup.
 *
 * - new → `publish` v1 (unless older than the feed's maxAge: remembered, not queued);
 * - same content → nothing (a hash of an older scheme is re-baselined, not compared);
 * - changed → `update` v+1, unless the source's own version is older or equal (a late copy);
 * - canceled → `kill` v+1 and a tombstone: nothing for that id is published again;
 * - withheld → nothing until it is usable.
 */
import type { Article } from '../model/article.js';
import type { PublishAction } from '../model/poll.js';
import { hashScheme } from './content-hash.js';
import { compareSourceVersions } from './source-version.js';

export interface SeenState {
  /** The last version queued; 0 when the article was remembered but never queued (backfill). */
  version: number;
  contentHash: string;
  /** When wirefeed first saw the article (UTC); stands in for missing source dates. */
  firstSeen: string;
  /** The source's version marker of the last accepted copy, for spotting late arrivals. */
  sourceVersion: string | null;
  /** A kill was queued (or arrived first): the id is never published again. */
  killed: boolean;
}

export type SkipReason =
  | 'unchanged'
  | 'rehashed'
  | 'withheld'
  | 'killed'
  | 'stale'
  | 'backfill'
  | 'kill_unknown';

export type Decision =
  | { kind: 'queue'; action: PublishAction; version: number; remember: SeenState }
  | { kind: 'skip'; reason: SkipReason; remember: SeenState | null };

export interface DecideContext {
  /** Seen-at time for articles new to wirefeed (UTC, `YYYY-MM-DDTHH:mm:ssZ`). */
  now: string;
  /** Articles new to wirefeed and older than this are remembered but not queued. */
  maxAgeMs: number;
}

export function decide(previous: SeenState | null, article: Article, context: DecideContext): Decision {
  const remember = (version: number, killed: boolean): SeenState => ({
    version,
    contentHash: article.provenance.contentHash,
    firstSeen: previous?.firstSeen ?? context.now,
    sourceVersion: article.provenance.sourceVersion ?? previous?.sourceVersion ?? null,
    killed,
  });
  if (previous?.killed) return { kind: 'skip', reason: 'killed', remember: null };
  if (article.status === 'canceled') {
    // A kill for a story never queued takes nothing down, but still bars later copies.
    if (previous === null || previous.version === 0) {
      return { kind: 'skip', reason: 'kill_unknown', remember: remember(0, true) };
    }
    return {
      kind: 'queue',
      action: 'kill',
      version: previous.version + 1,
      remember: remember(previous.version + 1, true),
    };
  }
  if (article.status === 'withheld') return { kind: 'skip', reason: 'withheld', remember: null };
  if (previous === null) {
    if (isTooOld(article, context)) return { kind: 'skip', reason: 'backfill', remember: remember(0, false) };
    return { kind: 'queue', action: 'publish', version: 1, remember: remember(1, false) };
  }
  if (isLate(previous, article)) return { kind: 'skip', reason: 'stale', remember: null };
  if (previous.contentHash === article.provenance.contentHash) {
    return { kind: 'skip', reason: 'unchanged', remember: null };
  }
  // Remembered under an older hash scheme: what is hashed changed, not necessarily the story. The
  // new hash becomes the baseline, so rolling out a scheme sends no update for every live story.
  if (hashScheme(previous.contentHash) !== hashScheme(article.provenance.contentHash)) {
    return { kind: 'skip', reason: 'rehashed', remember: remember(previous.version, false) };
  }
  const version = previous.version + 1;
  return {
    kind: 'queue',
    action: previous.version === 0 ? 'publish' : 'update',
    version,
    remember: remember(version, false),
  };
}

/** The source says this copy is not newer than the one already accepted. */
function isLate(previous: SeenState, article: Article): boolean {
  const order = compareSourceVersions(article.provenance.sourceVersion, previous.sourceVersion);
  return order !== null && order <= 0;
}

function isTooOld(article: Article, context: DecideContext): boolean {
  if (article.provenance.dateEstimated || context.maxAgeMs <= 0) return false;
  return Date.parse(context.now) - Date.parse(article.versionCreated) > context.maxAgeMs;
}

/**
 * The article as it will be queued: its version and, where the source had no date, the time
 * wirefeed first saw it as `firstCreated` (kept across polls) and this poll as `versionCreated`.
 */
export function versioned(article: Article, version: number, previous: SeenState | null): Article {
  if (!article.provenance.dateEstimated || previous === null) return { ...article, version };
  return { ...article, version, firstCreated: previous.firstSeen };
}
