/** Prometheus metrics (prom-client), on a registry of our own so tests can run several services. */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { PollResult } from '../model/poll.js';

export interface BackendProbes {
  queueName: string;
  queueCounts(): Promise<Record<string, number>>;
  redisUsedMemory(): Promise<number>;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly polls = new Counter({
    name: 'wirefeed_polls_total',
    help: 'Polls by feed and outcome (ok, not_modified, failed).',
    labelNames: ['feed_id', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly fetchDuration = new Histogram({
    name: 'wirefeed_fetch_duration_seconds',
    help: 'Duration of whole polls, fetch to queue.',
    labelNames: ['feed_id'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  private readonly fetchedBytes = new Counter({
    name: 'wirefeed_fetched_bytes_total',
    help: 'Feed bytes fetched.',
    labelNames: ['feed_id'] as const,
    registers: [this.registry],
  });
  private readonly articles = new Counter({
    name: 'wirefeed_articles_total',
    help: 'Articles by feed and queue action (publish, update, kill), or not queued (unchanged, skipped).',
    labelNames: ['feed_id', 'action'] as const,
    registers: [this.registry],
  });
  private readonly rejected = new Counter({
    name: 'wirefeed_rejected_items_total',
    help: 'Items rejected, by error code.',
    labelNames: ['feed_id', 'error_code'] as const,
    registers: [this.registry],
  });
  private readonly lastSuccess = new Gauge({
    name: 'wirefeed_feed_last_success_timestamp_seconds',
    help: 'Unix time of the last poll that did not fail.',
    labelNames: ['feed_id'] as const,
    registers: [this.registry],
  });
  private readonly consecutiveFailures = new Gauge({
    name: 'wirefeed_feed_consecutive_failures',
    help: 'Failed polls in a row.',
    labelNames: ['feed_id'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'wirefeed_process_' });
  }

  /**
   * Queue depth and Redis memory, read at scrape time: under `noeviction` a Redis that fills up
   * stops taking jobs, so operators need to see it coming.
   */
  observeBackends(probes: BackendProbes): void {
    new Gauge({
      name: 'wirefeed_queue_jobs',
      help: 'Publish queue jobs by state (from BullMQ).',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        const counts = await probes.queueCounts();
        for (const [state, count] of Object.entries(counts))
          this.set({ queue: probes.queueName, state }, count);
      },
    });
    new Gauge({
      name: 'wirefeed_redis_used_memory_bytes',
      help: 'Memory Redis reports in use (INFO memory used_memory).',
      registers: [this.registry],
      async collect() {
        this.set(await probes.redisUsedMemory());
      },
    });
  }

  recordPoll(result: PollResult): void {
    const feed_id = result.feedId;
    this.polls.inc({ feed_id, outcome: result.status });
    this.fetchDuration.observe({ feed_id }, result.durationMs / 1000);
    this.fetchedBytes.inc({ feed_id }, result.bytes);
    this.articles.inc({ feed_id, action: 'publish' }, result.counts.new);
    this.articles.inc({ feed_id, action: 'update' }, result.counts.updated);
    this.articles.inc({ feed_id, action: 'kill' }, result.counts.killed);
    this.articles.inc({ feed_id, action: 'unchanged' }, result.counts.unchanged);
    this.articles.inc({ feed_id, action: 'skipped' }, result.counts.skipped);
    for (const item of result.rejected) this.rejected.inc({ feed_id, error_code: item.code });
    if (result.status === 'failed') {
      this.consecutiveFailures.inc({ feed_id });
    } else {
      this.consecutiveFailures.set({ feed_id }, 0);
      this.lastSuccess.set({ feed_id }, Date.now() / 1000);
    }
  }
}
