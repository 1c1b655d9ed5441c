/**
 * One error family for everything that can go wrong while ingesting. Callers, logs and metrics
 * branch on `code`, never on message text (the undici habit).
 */

export const ERROR_CODES = {
  CONFIG_INVALID: { stage: 'config', retryable: false },
  INPUT_NOT_FOUND: { stage: 'fetch', retryable: false },
  FETCH_TIMEOUT: { stage: 'fetch', retryable: true },
  FETCH_DNS: { stage: 'fetch', retryable: true },
  FETCH_TLS: { stage: 'fetch', retryable: true },
  FETCH_FAILED: { stage: 'fetch', retryable: true },
  FETCH_INCOMPLETE: { stage: 'fetch', retryable: true },
  HTTP_4XX: { stage: 'fetch', retryable: false },
  HTTP_5XX: { stage: 'fetch', retryable: true },
  RATE_LIMITED: { stage: 'fetch', retryable: true },
  FEED_TOO_LARGE: { stage: 'fetch', retryable: false },
  SSRF_BLOCKED: { stage: 'fetch', retryable: false },
  TOO_MANY_REDIRECTS: { stage: 'fetch', retryable: false },
  NOT_A_FEED: { stage: 'parse', retryable: false },
  PARSE_MALFORMED: { stage: 'parse', retryable: false },
  FORMAT_UNSUPPORTED: { stage: 'parse', retryable: false },
  ITEM_INVALID: { stage: 'normalise', retryable: false },
  REDIS_UNAVAILABLE: { stage: 'publish', retryable: true },
  QUEUE_FAILED: { stage: 'publish', retryable: true },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export type Stage = (typeof ERROR_CODES)[ErrorCode]['stage'];

export interface IngestErrorOptions {
  cause?: unknown;
  retryable?: boolean;
  /** The HTTP status behind a fetch failure, when there was one. */
  httpStatus?: number;
  /** How long the server asked us to wait (Retry-After), in milliseconds. */
  retryAfterMs?: number;
}

export class IngestError extends Error {
  readonly code: ErrorCode;
  readonly stage: Stage;
  readonly retryable: boolean;
  readonly httpStatus: number | null;
  readonly retryAfterMs: number | null;

  constructor(code: ErrorCode, message: string, options: IngestErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IngestError';
    this.code = code;
    this.stage = ERROR_CODES[code].stage;
    this.retryable = options.retryable ?? ERROR_CODES[code].retryable;
    this.httpStatus = options.httpStatus ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** Any thrown value as an IngestError, keeping the original as `cause`. */
export function toIngestError(err: unknown, fallback: ErrorCode): IngestError {
  if (err instanceof IngestError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new IngestError(fallback, message, { cause: err });
}
