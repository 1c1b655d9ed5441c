/**
 * One poll of one feed: fetch → parse/normalise/enrich (ingest) → dedup → publish, returning a
 * PollResult. The only place the stages meet; each arrives through a port, so tests and replay
 * swap the edges without touching the middle.
 */
import { createHash, randomUUID } from 'node:crypto';
import { commitArticles } from './commit.js';
import type { SeenStore } from './dedup/seen-store.js';
import { ingest } from './ingest.js';
import { toIngestError } from './model/errors.js';
import type { FeedSettings } from './model/feed.js';
import type { PollResult, RejectedItem } from './model/poll.js';
import type { Logger } from './observability/logger.js';
import type { Publisher } from './publish/job.js';
import type { FetchRequest, Transport } from './sources/transport.js';
import type { ValidatorStore } from './sources/validator-store.js';

/** Everything needed to poll one feed, resolved from config. */
export interface PollTarget {
  settings: FeedSettings;
  request: Omit<FetchRequest, 'validators'>;
  /** The URL without credentials or auth parameters, or the file path. */
  source: string;
  /** Articles new to wirefeed and older than this are remembered but not queued. */
  maxAgeMs: number;
}

export interface PipelineDeps {
  transportFor(url: string): Transport;
  validators: ValidatorStore;
  seen: SeenStore;
  publisher: Publisher;
  logger: Logger;
  now(): Date;
}

export async function pollFeed(target: PollTarget, deps: PipelineDeps): Promise<PollResult> {
  const feedId = target.settings.id;
  const log = deps.logger.child({ feed_id: feedId, poll_id: randomUUID() });
  const started = performance.now();
  const result = (partial: Partial<PollResult>): PollResult => ({
    feedId,
    status: 'ok',
    httpStatus: null,
    bytes: 0,
    counts: { seen: 0, new: 0, updated: 0, killed: 0, unchanged: 0, rejected: 0 },
    errorCode: null,
    rejected: [],
    ...partial,
    durationMs: Math.round(performance.now() - started),
  });
  log.info({ event: 'poll.started', source: target.source }, 'poll started');
  try {
    const cache = await deps.validators.get(feedId);
    const fetchedAt = deps.now();
    const outcome = await deps
      .transportFor(target.request.url)
      .fetch({ ...target.request, validators: cache.validators });
    if (outcome.kind === 'not_modified') {
      const done = result({ status: 'not_modified', httpStatus: outcome.httpStatus });
      log.info(
        { event: 'poll.not_modified', http_status: outcome.httpStatus, duration_ms: done.durationMs },
        'not modified',
      );
      return done;
    }
    const bodyHash = createHash('sha256').update(outcome.bytes).digest('base64url');
    const base = { httpStatus: outcome.httpStatus, bytes: outcome.bytes.byteLength };
    if (bodyHash === cache.bodyHash) {
      await deps.validators.put(feedId, { validators: outcome.validators, bodyHash });
      const done = result({ ...base, status: 'not_modified' });
      log.info(
        {
          event: 'poll.not_modified',
          reason: 'same_body',
          http_status: base.httpStatus,
          duration_ms: done.durationMs,
        },
        'body unchanged',
      );
      return done;
    }
    const { articles, rejected } = ingest({
      bytes: outcome.bytes,
      settings: target.settings,
      source: target.source,
      contentType: outcome.contentType,
      fetchedAt,
    });
    logRejected(log, rejected);
    const committed = await commitArticles(
      articles,
      deps,
      { now: fetchedAt, maxAgeMs: target.maxAgeMs },
      log,
    );
    // Validators last: a crash before this point re-fetches and re-commits, which is idempotent.
    await deps.validators.put(feedId, { validators: outcome.validators, bodyHash });
    const counts = {
      seen: articles.length + rejected.length,
      ...committed.counts,
      rejected: rejected.length,
    };
    const done = result({ ...base, counts, rejected });
    log.info(
      {
        event: 'poll.completed',
        status: 'ok',
        http_status: base.httpStatus,
        bytes: base.bytes,
        items: counts,
        duration_ms: done.durationMs,
      },
      'poll completed',
    );
    return done;
  } catch (err) {
    const error = toIngestError(err, 'FETCH_FAILED');
    const done = result({ status: 'failed', errorCode: error.code });
    log.error(
      {
        event: 'feed.failed',
        error_code: error.code,
        stage: error.stage,
        retryable: error.retryable,
        err: error.message,
        duration_ms: done.durationMs,
      },
      'poll failed',
    );
    return done;
  }
}

export function logRejected(log: Logger, rejected: readonly RejectedItem[]): void {
  for (const item of rejected) {
    log.warn(
      { event: 'article.rejected', guid: item.guid, error_code: item.code, reason: item.message },
      'item rejected',
    );
  }
}
