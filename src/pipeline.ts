/**
 * One poll of one feed: fetch → parse/normalise/enrich (ingest) → dedup → publish, returning a
 * PollResult. The only place the stages meet; each arrives through a port, so tests and replay
 * swap the edges without touching the middle. Scheduling concerns (backoff, feed health) are the
 * caller's: a failed poll comes back as a result, never as a throw.
 */
import { createHash } from 'node:crypto';
import { sliceCommit } from './commit.js';
import type { SeenStore } from './dedup/seen-store.js';
import { type IngestInput, type IngestSummary, ingestInSlices } from './ingest.js';
import type { Article } from './model/article.js';
import { toIngestError } from './model/errors.js';
import type { FeedSettings } from './model/feed.js';
import type { PollResult, RejectedItem } from './model/poll.js';
import type { Logger } from './observability/logger.js';
import type { Publisher } from './publish/job.js';
import type { FetchOutcome, FetchRequest, Transport } from './sources/transport.js';
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
  /**
   * Runs ingest, handing articles over slice by slice; the service passes an IngestPool, so a large
   * body is read on a worker thread while its first slices are already being queued here.
   */
  ingestInSlices?(input: IngestInput, onArticles: (articles: Article[]) => void): Promise<IngestSummary>;
  validators: ValidatorStore;
  seen: SeenStore;
  publisher: Publisher;
  now(): Date;
}

/** `log` is the poll's own logger (feed_id and poll_id bound), shared with the caller's lines. */
export async function pollFeed(target: PollTarget, deps: PipelineDeps, log: Logger): Promise<PollResult> {
  const started = performance.now();
  const finish = (partial: Partial<PollResult>): PollResult => ({
    feedId: target.settings.id,
    status: 'ok',
    httpStatus: null,
    bytes: 0,
    counts: { seen: 0, new: 0, updated: 0, killed: 0, unchanged: 0, skipped: 0, rejected: 0 },
    errorCode: null,
    error: null,
    rejected: [],
    movedTo: null,
    ...partial,
    durationMs: Math.round(performance.now() - started),
  });
  log.info({ event: 'poll.started', source: target.source }, 'poll started');
  try {
    const cache = await deps.validators.get(target.settings.id);
    const fetchedAt = deps.now();
    const request = { ...target.request, validators: cache.validators };
    const outcome = await deps.transportFor(target.request.url).fetch(request);
    const movedTo = outcome.movedTo ?? null;
    if (outcome.kind === 'not_modified') {
      return notModified(
        log,
        finish({ status: 'not_modified', httpStatus: outcome.httpStatus, movedTo }),
        outcome.httpStatus === 204 ? 'no_content' : 'http_304',
      );
    }
    const bodyHash = createHash('sha256').update(outcome.bytes).digest('base64url');
    const base = { httpStatus: outcome.httpStatus, bytes: outcome.bytes.byteLength, movedTo };
    if (bodyHash === cache.bodyHash) {
      await deps.validators.put(target.settings.id, { validators: outcome.validators, bodyHash });
      return notModified(log, finish({ ...base, status: 'not_modified' }), 'same_body');
    }
    const done = finish({ ...base, ...(await ingestAndCommit(target, deps, outcome, fetchedAt, log)) });
    // Validators last: a crash before this point re-fetches and re-commits, which is idempotent.
    await deps.validators.put(target.settings.id, { validators: outcome.validators, bodyHash });
    log.info(
      {
        event: 'poll.completed',
        status: 'ok',
        http_status: done.httpStatus,
        bytes: done.bytes,
        items: done.counts,
        duration_ms: done.durationMs,
      },
      'poll completed',
    );
    return done;
  } catch (err) {
    const error = toIngestError(err, 'FETCH_FAILED');
    return finish({
      status: 'failed',
      httpStatus: error.httpStatus,
      errorCode: error.code,
      error: {
        code: error.code,
        message: error.message,
        stage: error.stage,
        retryable: error.retryable,
        httpStatus: error.httpStatus,
        retryAfterMs: error.retryAfterMs,
      },
    });
  }
}

/** Ingest and commit of one fetched body, slice by slice; exported for the benchmark's end-to-end case. */
export async function ingestAndCommit(
  target: PollTarget,
  deps: Pick<PipelineDeps, 'ingestInSlices' | 'seen' | 'publisher'>,
  outcome: Extract<FetchOutcome, { kind: 'fetched' }>,
  fetchedAt: Date,
  log: Logger,
): Promise<Pick<PollResult, 'counts' | 'rejected'>> {
  const run =
    deps.ingestInSlices ??
    (async (input: IngestInput, onArticles: (articles: Article[]) => void) =>
      ingestInSlices(input, Number.POSITIVE_INFINITY, onArticles));
  const commit = sliceCommit(deps, { now: fetchedAt, maxAgeMs: target.maxAgeMs }, log);
  let articles = 0;
  let summary: IngestSummary;
  try {
    summary = await run(
      {
        bytes: outcome.bytes,
        settings: target.settings,
        source: target.source,
        contentType: outcome.contentType,
        fetchedAt,
      },
      (slice) => {
        articles += slice.length;
        commit.add(slice);
      },
    );
  } catch (err) {
    // Commits already started finish before the poll reports the ingest failure.
    await commit.finish().catch(() => {});
    throw err;
  }
  const { rejected } = summary;
  logRejected(log, rejected);
  const committed = await commit.finish();
  const counts = { seen: articles + rejected.length, ...committed, rejected: rejected.length };
  return { counts, rejected };
}

function notModified(
  log: Logger,
  result: PollResult,
  reason: 'http_304' | 'no_content' | 'same_body',
): PollResult {
  log.info(
    { event: 'poll.not_modified', reason, http_status: result.httpStatus, duration_ms: result.durationMs },
    'not modified',
  );
  return result;
}

export function logRejected(log: Logger, rejected: readonly RejectedItem[]): void {
  for (const item of rejected) {
    log.warn(
      { event: 'article.rejected', guid: item.guid, error_code: item.code, reason: item.message },
      'item rejected',
    );
  }
}
