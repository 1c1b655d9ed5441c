/**
 * Dedup and publish one batch of articles: the seen-store and the publisher meet here.
 *
 * Jobs are queued *before* the seen-state is written, and job ids are deterministic (article id +
 * version): a crash in between replays the same decisions on the next poll, and re-adding an
 * existing job id is a no-op, so nothing is lost and nothing is doubled.
 */
import type { SeenStore } from './dedup/seen-store.js';
import { decide, type SeenState, versioned } from './dedup/versioning.js';
import type { Article } from './model/article.js';
import { toIngestError } from './model/errors.js';
import type { PollCounts, PublishJob } from './model/poll.js';
import { formatUtc } from './normalise/dates.js';
import type { Logger } from './observability/logger.js';
import type { Publisher, QueueEntry } from './publish/job.js';

export interface CommitDeps {
  seen: SeenStore;
  publisher: Publisher;
}

export interface CommitOptions {
  now: Date;
  maxAgeMs: number;
}

export type CommitCounts = Pick<PollCounts, 'new' | 'updated' | 'killed' | 'unchanged' | 'skipped'>;

export interface CommitResult {
  jobs: PublishJob[];
  counts: CommitCounts;
}

export async function commitArticles(
  articles: readonly Article[],
  deps: CommitDeps,
  options: CommitOptions,
  log?: Logger,
): Promise<CommitResult> {
  const unique = firstOfEachId(articles);
  const previous = await deps.seen.getMany(unique.map((a) => a.id));
  const context = { now: formatUtc(options.now), maxAgeMs: options.maxAgeMs };
  const entries: QueueEntry[] = [];
  const remember = new Map<string, SeenState>();
  let unchanged = 0;
  let skipped = 0;
  for (const article of unique) {
    const prior = previous.get(article.id) ?? null;
    const decision = decide(prior, article, context);
    if (decision.remember) remember.set(article.id, decision.remember);
    if (decision.kind === 'skip') {
      if (decision.reason === 'unchanged' || decision.reason === 'rehashed') unchanged += 1;
      else skipped += 1;
      log?.debug(
        { event: 'article.skipped', article_id: article.id, reason: decision.reason },
        'article skipped',
      );
      continue;
    }
    const job = { action: decision.action, article: versioned(article, decision.version, prior) };
    entries.push({ job, previousVersion: prior && prior.version > 0 ? prior.version : null });
  }
  const jobs = await deps.publisher.publish(entries, options.now);
  await deps.seen.putMany(remember);
  for (const job of jobs) {
    const { id, version } = job.article;
    log?.info({ event: 'article.queued', article_id: id, version, action: job.action }, 'article queued');
  }
  const count = (action: string) => entries.filter((e) => e.job.action === action).length;
  return {
    jobs,
    counts: { new: count('publish'), updated: count('update'), killed: count('kill'), unchanged, skipped },
  };
}

/** An agency repeating a guid inside one feed: the first occurrence wins, deterministically. */
function firstOfEachId(articles: readonly Article[]): Article[] {
  const byId = new Map<string, Article>();
  for (const article of articles) if (!byId.has(article.id)) byId.set(article.id, article);
  return [...byId.values()];
}

export interface SliceCommit {
  /** Hands over the next slice of ingest's articles; never throws (a failure surfaces in `finish`). */
  add(articles: readonly Article[]): void;
  /** Waits for every slice handed over to be committed; throws the first commit failure. */
  finish(): Promise<CommitCounts>;
}

/**
 * Commits a feed's articles while ingest is still making them (a huge feed on the worker thread):
 * one commit at a time, each taking every article that arrived meanwhile, so batches grow when
 * Redis is the slower side and stay small when ingest is. Slices are committed in order, and an
 * article id repeated across slices keeps its first occurrence, as in one `commitArticles`. After
 * a failure nothing more is committed: what was is consistent on its own (queue before seen-state),
 * and the poll's retry commits the rest.
 */
export function sliceCommit(deps: CommitDeps, options: CommitOptions, log?: Logger): SliceCommit {
  const ids = new Set<string>();
  const counts: CommitCounts = { new: 0, updated: 0, killed: 0, unchanged: 0, skipped: 0 };
  let buffer: Article[] = [];
  let running: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;

  const drain = async () => {
    // Never finishes synchronously: `running` is assigned this promise before it clears itself.
    await null;
    while (buffer.length > 0 && failure === null) {
      const batch = buffer;
      buffer = [];
      try {
        const result = await commitArticles(batch, deps, options, log);
        counts.new += result.counts.new;
        counts.updated += result.counts.updated;
        counts.killed += result.counts.killed;
        counts.unchanged += result.counts.unchanged;
        counts.skipped += result.counts.skipped;
      } catch (error) {
        // Seen-store errors arrive raw from ioredis; the publisher's are classified already.
        failure = { error: toIngestError(error, 'QUEUE_FAILED') };
      }
    }
    running = null;
  };

  return {
    add(articles) {
      for (const article of articles) {
        if (ids.has(article.id)) continue;
        ids.add(article.id);
        buffer.push(article);
      }
      running ??= drain();
    },
    async finish() {
      while (running !== null) await running;
      if (failure !== null) throw failure.error;
      return { ...counts };
    },
  };
}
