/**
 * What the ingest pool and its worker threads say to each other. Inputs travel as a transferred
 * ArrayBuffer; articles come back in chunks, so the main thread deserialises a huge feed's result
 * a slice at a time between other work instead of in one long stall.
 */
import type { IngestOutput } from '../ingest.js';
import type { ErrorCode } from '../model/errors.js';
import type { FeedSettings } from '../model/feed.js';

export interface IngestTask {
  id: number;
  bytes: ArrayBuffer;
  settings: FeedSettings;
  source: string;
  contentType: string | null;
  /** Structured clone keeps a Date a Date. */
  fetchedAt: Date;
}

/**
 * An IngestError's fields (structured clone keeps an Error's message but drops its own properties);
 * `code` is null for anything else thrown, which the caller then classifies as it would inline.
 */
export interface SerialisedError {
  code: ErrorCode | null;
  message: string;
  retryable: boolean;
  httpStatus: number | null;
  retryAfterMs: number | null;
}

export type IngestReply =
  | { id: number; kind: 'articles'; articles: IngestOutput['articles'] }
  | { id: number; kind: 'done'; format: IngestOutput['format']; rejected: IngestOutput['rejected'] }
  | { id: number; kind: 'failed'; error: SerialisedError };

/** Articles per reply message: a few hundred kilobytes to deserialise at a time. */
export const ARTICLES_PER_MESSAGE = 200;
