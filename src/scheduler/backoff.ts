/**
 * How long a failing feed waits before its next poll: exponential in the consecutive failures,
 * jittered so a fleet of feeds on one broken host does not retry in lockstep, never less than the
 * server's Retry-After, and never more than the ceiling — a feed is slowed, never stopped.
 */
import type { PollError } from '../model/poll.js';

/** Statuses a retry will not fix: someone has to look at the credentials or the URL. */
const ATTENTION_STATUSES = new Set([401, 403, 404, 410]);

/** A Retry-After is honoured up to a day; beyond that the server is mistaken, not asking. */
const MAX_RETRY_AFTER_MS = 24 * 3600_000;

export interface BackoffInput {
  /** Consecutive failures, this one included (≥ 1). */
  failures: number;
  intervalMs: number;
  ceilingMs: number;
  error: PollError;
  /** In [0, 1); injected so tests are deterministic. */
  random: number;
}

export function needsAttention(error: PollError): boolean {
  return error.httpStatus !== null && ATTENTION_STATUSES.has(error.httpStatus);
}

export function backoffDelay(input: BackoffInput): number {
  const ceiling = Math.max(input.ceilingMs, input.intervalMs);
  const retryAfter = Math.min(input.error.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
  if (needsAttention(input.error)) return Math.max(ceiling, retryAfter);
  const exponential = Math.min(ceiling, input.intervalMs * 2 ** Math.max(0, input.failures - 1));
  // "Equal jitter": at least half the exponential wait, at most all of it.
  const jittered = Math.round(exponential / 2 + (exponential / 2) * input.random);
  return Math.max(jittered, retryAfter);
}
