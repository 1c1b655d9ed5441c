/**
 * What to do with an article given what was seen before: the pure heart of dedup.
 */
import type { Article } from '../model/article.js';
import type { PublishAction } from '../model/poll.js';

export interface SeenState {
  version: number;
  contentHash: string;
  /** When wirefeed first saw the article (UTC); stands in for missing source dates. */
  firstSeen: string;
}

export type Decision =
  | { kind: 'queue'; action: PublishAction; version: number }
  | { kind: 'skip'; reason: 'unchanged' | 'withheld' | 'kill_unknown' };

export function decide(previous: SeenState | null, article: Article): Decision {
  if (article.status === 'withheld') return { kind: 'skip', reason: 'withheld' };
  if (previous === null) {
    // A kill for a story we never published has nothing to take down.
    if (article.status === 'canceled') return { kind: 'skip', reason: 'kill_unknown' };
    return { kind: 'queue', action: 'publish', version: 1 };
  }
  if (previous.contentHash === article.provenance.contentHash) return { kind: 'skip', reason: 'unchanged' };
  const action: PublishAction = article.status === 'canceled' ? 'kill' : 'update';
  return { kind: 'queue', action, version: previous.version + 1 };
}

/**
 * The article as it will be queued: its version and, where the source had no date, the time
 * wirefeed first saw it as `firstCreated` (kept across polls) and this poll as `versionCreated`.
 */
export function versioned(article: Article, version: number, previous: SeenState | null): Article {
  if (!article.provenance.dateEstimated || previous === null) return { ...article, version };
  return { ...article, version, firstCreated: previous.firstSeen };
}
