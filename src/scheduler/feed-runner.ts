/**
 * Runs one poll of one feed the way the scheduler wants it: behind the backoff gate and the feed's
 * lock, then records the outcome — failure streaks and backoff, recovery, feeds that need a person,
 * idle feeds and permanent moves — as feed health in Redis and as log events.
 */
import { randomUUID } from 'node:crypto';
import type { PollResult } from '../model/poll.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { type PipelineDeps, type PollTarget, pollFeed } from '../pipeline.js';
import { backoffDelay, needsAttention } from './backoff.js';
import type { FeedHealth, FeedHealthStore } from './feed-health.js';
import type { FeedLocks } from './feed-lock.js';

export interface ScheduledTarget extends PollTarget {
  intervalMs: number;
  idleAlertMs: number;
}

export interface FeedRunnerDeps {
  pipeline: PipelineDeps;
  locks: FeedLocks;
  health: FeedHealthStore;
  metrics: Metrics;
  logger: Logger;
  backoffCeilingMs: number;
  onPoll?(result: PollResult): void;
  random?(): number;
}

export class FeedRunner {
  private targets = new Map<string, ScheduledTarget>();

  constructor(private readonly deps: FeedRunnerDeps) {}

  /** Swaps in the targets of a (re)loaded config; polls in flight keep the target they started with. */
  setTargets(targets: Map<string, ScheduledTarget>): void {
    this.targets = targets;
  }

  /** `force` (the `poll` command) ignores the backoff gate, never the lock. */
  async run(feedId: string, options: { force?: boolean } = {}): Promise<PollResult | null> {
    const { logger } = this.deps;
    const target = this.targets.get(feedId);
    if (!target) {
      logger.warn({ event: 'poll.skipped', feed_id: feedId, reason: 'feed not in config' }, 'unknown feed');
      return null;
    }
    const health = await this.deps.health.get(feedId);
    if (!options.force && health.nextPollAfter > Date.now()) {
      const next = new Date(health.nextPollAfter).toISOString();
      logger.debug(
        { event: 'poll.skipped', feed_id: feedId, reason: 'backoff', next_poll_at: next },
        'backing off',
      );
      return null;
    }
    const pollId = randomUUID();
    const log = logger.child({ feed_id: feedId, poll_id: pollId });
    const result = await this.deps.locks.withLock(feedId, () => pollFeed(target, this.deps.pipeline, log));
    if (result === null) {
      log.info({ event: 'poll.skipped', reason: 'another worker is polling this feed' }, 'poll skipped');
      return null;
    }
    await this.record(target, health, result, pollId, log);
    this.deps.metrics.recordPoll(result);
    this.deps.onPoll?.(result);
    return result;
  }

  private async record(
    target: ScheduledTarget,
    before: FeedHealth,
    result: PollResult,
    pollId: string,
    log: Logger,
  ) {
    const now = Date.now();
    const health: FeedHealth = { ...before, lastPollAt: now, lastNewAt: before.lastNewAt ?? now };
    if (result.movedTo) {
      log.warn({ event: 'feed.moved', from: target.source, to: result.movedTo }, 'feed moved permanently');
    }
    if (result.error) {
      this.recordFailure(target, health, result, log);
    } else {
      this.recordSuccess(target, health, result, log);
    }
    await this.deps.health.put(target.settings.id, health);
    const queued = result.counts.new + result.counts.updated + result.counts.killed;
    await this.deps.health.countQueued(target.settings.id, pollId, queued, now);
  }

  private recordFailure(target: ScheduledTarget, health: FeedHealth, result: PollResult, log: Logger) {
    const error = result.error;
    if (!error) return;
    const now = health.lastPollAt ?? Date.now();
    health.failures += 1;
    health.lastErrorAt = now;
    health.lastErrorCode = error.code;
    const random = (this.deps.random ?? Math.random)();
    const delay = backoffDelay({
      failures: health.failures,
      intervalMs: target.intervalMs,
      ceilingMs: this.deps.backoffCeilingMs,
      error,
      random,
    });
    health.nextPollAfter = now + delay;
    const next_poll_at = new Date(health.nextPollAfter).toISOString();
    log.error(
      {
        event: 'feed.failed',
        error_code: error.code,
        stage: error.stage,
        retryable: error.retryable,
        http_status: error.httpStatus,
        err: error.message,
        consecutive_failures: health.failures,
        next_poll_at,
        duration_ms: result.durationMs,
      },
      'poll failed',
    );
    if (needsAttention(error) && health.attention !== error.code) {
      health.attention = error.code;
      log.warn(
        {
          event: 'feed.needs_attention',
          error_code: error.code,
          http_status: error.httpStatus,
          next_poll_at,
        },
        'feed needs attention: retrying will not fix it',
      );
    }
  }

  private recordSuccess(target: ScheduledTarget, health: FeedHealth, result: PollResult, log: Logger) {
    const now = health.lastPollAt ?? Date.now();
    if (health.failures > 0) {
      const since = health.lastSuccessAt ? new Date(health.lastSuccessAt).toISOString() : null;
      log.info(
        { event: 'feed.recovered', after_failures: health.failures, last_success_at: since },
        'feed recovered',
      );
    }
    Object.assign(health, { failures: 0, nextPollAfter: 0, lastSuccessAt: now, attention: null });
    if (result.counts.new + result.counts.updated + result.counts.killed > 0) {
      Object.assign(health, { lastNewAt: now, idleAlerted: false });
    } else if (
      target.idleAlertMs > 0 &&
      !health.idleAlerted &&
      now - (health.lastNewAt ?? now) > target.idleAlertMs
    ) {
      health.idleAlerted = true;
      const since = new Date(health.lastNewAt ?? now).toISOString();
      log.warn(
        { event: 'feed.idle', nothing_new_since: since, idle_alert_ms: target.idleAlertMs },
        'feed is idle',
      );
    }
  }
}
