import { describe, expect, it } from 'vitest';
import type { PollError } from '../../src/model/index.js';
import { backoffDelay, needsAttention } from '../../src/scheduler/backoff.js';

const MINUTE = 60_000;
const error = (overrides: Partial<PollError> = {}): PollError => ({
  code: 'HTTP_5XX',
  message: 'HTTP 503',
  stage: 'fetch',
  retryable: true,
  httpStatus: 503,
  retryAfterMs: null,
  ...overrides,
});
const delay = (failures: number, random: number, e = error()) =>
  backoffDelay({ failures, intervalMs: MINUTE, ceilingMs: 60 * MINUTE, error: e, random });

describe('backoffDelay', () => {
  it('doubles with each consecutive failure, jittered between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => delay(n, 1))).toEqual([MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE]);
    expect([1, 2, 3, 4].map((n) => delay(n, 0))).toEqual([MINUTE / 2, MINUTE, 2 * MINUTE, 4 * MINUTE]);
  });

  it('never waits longer than the ceiling, so a failing feed is slowed, never stopped', () => {
    expect(delay(30, 1)).toBe(60 * MINUTE);
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(delay(1, 0, error({ code: 'RATE_LIMITED', httpStatus: 429, retryAfterMs: 10 * MINUTE }))).toBe(
      10 * MINUTE,
    );
  });

  it('does not honour an absurd Retry-After beyond a day', () => {
    expect(delay(1, 0, error({ retryAfterMs: 365 * 24 * 60 * MINUTE }))).toBe(24 * 60 * MINUTE);
  });

  it('slows a feed that needs a person straight to the ceiling', () => {
    expect(delay(1, 0, error({ code: 'HTTP_4XX', httpStatus: 401 }))).toBe(60 * MINUTE);
  });
});

describe('needsAttention', () => {
  it('is true for auth failures and feeds that are gone, false for server trouble', () => {
    expect([401, 403, 404, 410, 500, 429].map((httpStatus) => needsAttention(error({ httpStatus })))).toEqual(
      [true, true, true, true, false, false],
    );
  });
});
