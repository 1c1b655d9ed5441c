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

export type CommitCounts = Pick<PollCounts, 'new' | 'updated' | 'killed' | 'unchanged'>;

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
  for (const article of unique) {
    const prior = previous.get(article.id) ?? null;
    const decision = decide(prior, article, context);
    if (decision.remember) remember.set(article.id, decision.remember);
    if (decision.kind === 'skip') {
      unchanged += 1;
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
    counts: { new: count('publish'), updated: count('update'), killed: count('kill'), unchanged },
  };
}

/** An agency repeating a guid inside one feed: the first occurrence wins, deterministically. */
function firstOfEachId(articles: readonly Article[]): Article[] {
  const byId = new Map<string, Article>();
  for (const article of articles) if (!byId.has(article.id)) byId.set(article.id, article);
  return [...byId.values()];
}
