/** What one poll of one feed (or one replayed file) came to. */
import type { Article } from './article.js';
import type { ErrorCode } from './errors.js';

export type PublishAction = 'publish' | 'update' | 'kill';

export interface PublishJob {
  action: PublishAction;
  article: Article;
}

export interface RejectedItem {
  guid: string | null;
  code: ErrorCode;
  message: string;
}

export type PollStatus = 'ok' | 'not_modified' | 'failed';

export interface PollCounts {
  seen: number;
  new: number;
  updated: number;
  killed: number;
  /** Not queued because the content is what was already queued (or remembered). */
  unchanged: number;
  /**
   * Not queued for another reason: too old on first sight (backfill), withheld, a late copy of an
   * older version, a story already killed, or a kill of one never queued.
   */
  skipped: number;
  rejected: number;
}

export interface PollResult {
  feedId: string;
  status: PollStatus;
  httpStatus: number | null;
  bytes: number;
  counts: PollCounts;
  durationMs: number;
  errorCode: ErrorCode | null;
  /** Set when the poll failed: what went wrong, for logs and backoff. */
  error: PollError | null;
  rejected: RejectedItem[];
  /** Where the feed now lives, when the server answered with a permanent redirect. */
  movedTo: string | null;
}

export interface PollError {
  code: ErrorCode;
  message: string;
  stage: string;
  retryable: boolean;
  httpStatus: number | null;
  retryAfterMs: number | null;
}
