/**
 * The composition root: the only place adapters are constructed and wired to the pipeline.
 * `startService` is what `wirefeed run` runs; `connectBackends` and `createRuntime` are shared
 * with `poll`, `status` and `replay --publish`.
 */
import type { Server } from 'node:http';
import { type Config, redactRedisUrl } from './config/index.js';
import { RedisSeenStore } from './dedup/seen-store.js';
import type { PollResult } from './model/poll.js';
import { createDashboard } from './observability/dashboard.js';
import { createHealthServer } from './observability/http-server.js';
import type { Logger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import { BullMqPublisher } from './publish/bullmq-publisher.js';
import { JOB_STATES } from './publish/queue-admin.js';
import { connectRedis, type Redis } from './redis/connection.js';
import { type EmbeddedRedis, type EmbeddedRedisEvent, startEmbeddedRedis } from './redis/embedded.js';
import { abortable, refusedCredentials, untilReady } from './redis/ready.js';
import { logEmbedded, watchRedis } from './redis/watch.js';
import { FeedHealthStore } from './scheduler/feed-health.js';
import { FeedLocks } from './scheduler/feed-lock.js';
import { FeedRunner } from './scheduler/feed-runner.js';
import {
  createPollQueue,
  reconcileSchedulers,
  restoreMissingSchedulers,
} from './scheduler/poll-scheduler.js';
import { createPollWorker } from './scheduler/poll-worker.js';
import { FileTransport } from './sources/file.js';
import { HttpTransport } from './sources/http.js';
import { isHttpUrl } from './sources/transport.js';
import { RedisValidatorStore } from './sources/validator-store.js';
import { pollTargets } from './targets.js';
import { VERSION } from './version.js';
import { IngestPool } from './workers/ingest-pool.js';

export interface Backends {
  redisUrl: string;
  embedded: boolean;
  redis: Redis;
  publisher: BullMqPublisher;
  seen: RedisSeenStore;
  close(): Promise<void>;
}

export interface BackendOptions {
  /** Hears when the embedded server dies and whether it came back. */
  onEmbedded?: (event: EmbeddedRedisEvent) => void;
  /** Use the embedded server a running `wirefeed run` holds on the same data directory (CLI commands). */
  shareEmbedded?: boolean;
  /**
   * Fail with REDIS_UNAVAILABLE when Redis does not answer within this time, instead of waiting
   * for it as the service does: a command run by hand should say so, not hang.
   */
  readyWithinMs?: number;
}

/** How often a running service checks that every feed's schedule is still in Redis. */
const SCHEDULE_CHECK_MS = 60_000;

/** What a command run by hand wants: a running service's embedded Redis, and no endless wait. */
export const CLI_BACKENDS: BackendOptions = { shareEmbedded: true, readyWithinMs: 5_000 };

/** Connects to the configured Redis, or starts the embedded one when no URL is set. */
export async function connectBackends(config: Config, options: BackendOptions = {}): Promise<Backends> {
  let embedded: EmbeddedRedis | null = null;
  if (config.redis.url === null) {
    embedded = await startEmbeddedRedis({
      ...config.redis.embedded,
      onEvent: options.onEmbedded,
      shareRunning: options.shareEmbedded ?? false,
    });
  }
  const redisUrl = config.redis.url ?? embedded?.url ?? '';
  const redis = connectRedis(redisUrl, 'main');
  if (options.readyWithinMs !== undefined) {
    await untilReady(redis, options.readyWithinMs, redisUrl).catch(async (err: unknown) => {
      await embedded?.stop();
      throw err;
    });
  }
  const publisher = new BullMqPublisher(redis, config.queue.name);
  return {
    redisUrl,
    embedded: embedded !== null,
    redis,
    publisher,
    seen: new RedisSeenStore(redis, Math.ceil(config.dedup.retentionMs / 1000)),
    async close() {
      await publisher.close();
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
      await embedded?.stop();
    },
  };
}

export interface Runtime {
  backends: Backends;
  runner: FeedRunner;
  metrics: Metrics;
  health: FeedHealthStore;
  /** One line per configured feed whose last poll failed, for /readyz. */
  failingFeeds(): Promise<string[]>;
  close(): Promise<void>;
}

export interface ServiceHooks {
  /** Called after every poll, scheduled or not; tests wait on it. */
  onPoll?(result: PollResult): void;
  /** The service cannot go on (its embedded Redis is gone for good): the caller stops it and exits. */
  onFatal?(error: Error): void;
  /**
   * Aborts a start-up that is still waiting (for an unreachable Redis): what is open is closed and
   * `startService` rejects, so a SIGTERM then does not have to wait for Redis.
   */
  signal?: AbortSignal;
}

/** Everything a poll needs, on top of connected backends. */
export function createRuntime(
  config: Config,
  logger: Logger,
  backends: Backends,
  hooks: ServiceHooks = {},
): Runtime {
  const metrics = new Metrics();
  metrics.observeBackends({
    queueName: config.queue.name,
    queueCounts: () => backends.publisher.queue.getJobCounts(...JOB_STATES),
    redisUsedMemory: async () =>
      Number((await backends.redis.info('memory')).match(/used_memory:(\d+)/)?.[1] ?? 0),
  });
  const http = new HttpTransport({ perHostConnections: config.fetch.perHostConnections });
  const file = new FileTransport();
  const health = new FeedHealthStore(backends.redis);
  const pool = new IngestPool({ size: 1 });
  const runner = new FeedRunner({
    pipeline: {
      transportFor: (url) => (isHttpUrl(url) ? http : file),
      validators: new RedisValidatorStore(backends.redis),
      seen: backends.seen,
      publisher: backends.publisher,
      ingestInSlices: (input, onArticles) => pool.ingestInSlices(input, onArticles),
      now: () => new Date(),
    },
    locks: new FeedLocks(backends.redis, config.queue.feedLockTtlMs),
    health,
    metrics,
    logger,
    backoffCeilingMs: config.backoff.maxMs,
    onPoll: hooks.onPoll,
  });
  runner.setTargets(pollTargets(config));
  const failingFeeds = async () => {
    const ids = config.feeds.filter((f) => f.enabled).map((f) => f.id);
    const states = await health.getMany(ids);
    return ids.flatMap((id, i) => {
      const state = states[i];
      return state && state.failures > 0
        ? [`feed ${id} failing: ${state.lastErrorCode} (${state.failures} in a row)`]
        : [];
    });
  };
  const close = async () => {
    await http.close();
    await pool.close();
  };
  return { backends, runner, metrics, health, failingFeeds, close };
}

export interface Service {
  runtime: Runtime;
  healthPort: number | null;
  /** Runs one poll of a feed now, through the same path as scheduled polls. */
  poll(feedId: string): Promise<PollResult | null>;
  /** Applies a new config: feeds added, removed or rescheduled; in-flight polls finish as they were. */
  reload(config: Config): Promise<void>;
  stop(): Promise<void>;
}

export async function startService(
  config: Config,
  logger: Logger,
  hooks: ServiceHooks = {},
): Promise<Service> {
  const backends = await connectBackends(config, {
    onEmbedded: (event) => logEmbedded(event, logger, hooks.onFatal),
  });
  const watch = watchRedis(backends.redis, logger);
  watch.queue(backends.publisher.queue);
  const runtime = createRuntime(config, logger, backends, hooks);
  const pollQueue = createPollQueue(backends.redis, config.queue.pollQueue);
  watch.queue(pollQueue);
  let current = config;
  const scheduled = (next: Config) =>
    next.feeds
      .filter((f) => f.enabled)
      .map((f) => ({ id: f.id, intervalMs: f.intervalMs, cron: f.cron, timezone: f.timezone }));
  // One scheduler change at a time: a restore racing a reload could put back a feed just removed.
  let schedulerWork: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = schedulerWork.then(work, work);
    schedulerWork = next.catch(() => {});
    return next;
  };
  const reconcile = (next: Config) =>
    serially(async () => {
      current = next;
      return reconcileSchedulers(pollQueue, scheduled(next));
    });
  // Schedules live in Redis; one that lost its data would otherwise never poll again (poll-scheduler.ts).
  const restore = () =>
    serially(async () => {
      const restored = await restoreMissingSchedulers(pollQueue, scheduled(current)).catch(() => []);
      if (restored.length > 0) {
        logger.warn(
          { event: 'scheduler.restored', feeds: restored },
          'feed schedules were missing from Redis',
        );
      }
    });
  let worker: ReturnType<typeof createPollWorker> | null = null;
  let healthServer: Server | null = null;
  let healthPort: number | null = null;
  // What start-up opened so far, closed again when a later step fails: no half-started service.
  const closeStarted = async () => {
    await new Promise<void>((resolve) => (healthServer ? healthServer.close(() => resolve()) : resolve()));
    await pollQueue.close().catch(() => {});
    await runtime.close();
    await backends.close();
  };
  let reconciled: Awaited<ReturnType<typeof reconcile>>;
  try {
    // The health server first: a taken port fails the start before any feed is polled.
    if (config.http.port !== 0) {
      const started = await createHealthServer({
        host: config.http.host,
        port: config.http.port,
        metrics: runtime.metrics,
        readiness: async () => {
          const problems: string[] = [];
          if (backends.redis.status !== 'ready') problems.push(`redis ${backends.redis.status}`);
          if (!worker?.isRunning()) problems.push('poll worker not running');
          const notes = problems.length === 0 ? await runtime.failingFeeds() : [];
          return { problems, notes };
        },
        extra: config.dashboard.enabled
          ? await createDashboard({
              ...config.dashboard,
              queues: [backends.publisher.queue],
              readOnlyQueues: [pollQueue],
            })
          : undefined,
      }).catch((err: Error) => {
        const where = `${config.http.host}:${config.http.port}`;
        throw new Error(
          `health server cannot listen on ${where}: ${err.message} (set http.port, or 0 for none)`,
        );
      });
      healthServer = started.server;
      healthPort = started.port;
    }
    // Wrong credentials never get better by waiting: they end the start, where an outage is waited out.
    const refused = refusedCredentials(backends.redis, backends.redisUrl);
    const stop = hooks.signal ? AbortSignal.any([hooks.signal, refused.signal]) : refused.signal;
    try {
      reconciled = await abortable(reconcile(config), stop, () => backends.redis.disconnect());
    } finally {
      refused.release();
    }
  } catch (err) {
    await closeStarted();
    throw err;
  }
  await warnOnEviction(backends.redis, logger);
  const polling = createPollWorker(
    backends.redis,
    config.queue.pollQueue,
    config.queue.concurrency,
    (feedId) => runtime.runner.run(feedId),
  );
  worker = polling;
  watch.worker(polling);
  backends.redis.on('ready', () => void restore());
  const restoreTimer = setInterval(() => void restore(), SCHEDULE_CHECK_MS);
  restoreTimer.unref();

  logger.info(
    {
      event: 'service.started',
      version: VERSION,
      redis_url: redactRedisUrl(backends.redisUrl),
      redis_embedded: backends.embedded,
      config: config.source,
      feeds: config.feeds.filter((f) => f.enabled).length,
      schedulers_removed: reconciled.removed,
      queue: config.queue.name,
      http_port: healthPort,
    },
    'wirefeed started',
  );

  return {
    runtime,
    healthPort,
    poll: (feedId) => runtime.runner.run(feedId, { force: true }),
    async reload(next) {
      runtime.runner.setTargets(pollTargets(next));
      const result = await reconcile(next);
      logger.info(
        {
          event: 'config.reloaded',
          config: next.source,
          feeds: result.upserted.length,
          schedulers_removed: result.removed,
        },
        'config reloaded',
      );
    },
    async stop() {
      clearInterval(restoreTimer);
      // With Redis gone, active polls cannot finish; waiting for them would only hold the exit.
      await polling.close(backends.redis.status !== 'ready');
      await closeStarted();
      logger.info({ event: 'service.stopped' }, 'wirefeed stopped');
    },
  };
}

/**
 * BullMQ needs `noeviction`: under any other policy a full Redis drops queued articles and dedup
 * state without an error. BullMQ only prints a console line; operators read the JSON log.
 */
async function warnOnEviction(redis: Redis, logger: Logger): Promise<void> {
  const info = await redis.info('memory').catch(() => '');
  const policy = /maxmemory_policy:(\S+)/.exec(info)?.[1];
  if (policy !== undefined && policy !== 'noeviction') {
    logger.warn(
      { event: 'redis.eviction_policy', policy },
      'Redis may evict keys: queued articles and dedup state can be lost; set maxmemory-policy noeviction',
    );
  }
}
