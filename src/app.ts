/**
 * The composition root: the only place adapters are constructed and wired to the pipeline.
 * `startService` is what `wirefeed run` runs; `connectBackends` is shared with replay --publish.
 */
import type { Server } from 'node:http';
import type { Queue, Worker } from 'bullmq';
import { type Config, redactRedisUrl } from './config/index.js';
import { RedisSeenStore } from './dedup/seen-store.js';
import type { PollResult } from './model/poll.js';
import { createHealthServer } from './observability/http-server.js';
import type { Logger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import { type PipelineDeps, type PollTarget, pollFeed } from './pipeline.js';
import { BullMqPublisher } from './publish/bullmq-publisher.js';
import { connectRedis, type Redis } from './redis/connection.js';
import { type EmbeddedRedis, startEmbeddedRedis } from './redis/embedded.js';
import { FeedLocks } from './scheduler/feed-lock.js';
import { createPollQueue, type PollJobData, reconcileSchedulers } from './scheduler/poll-scheduler.js';
import { createPollWorker } from './scheduler/poll-worker.js';
import { FileTransport } from './sources/file.js';
import { HttpTransport } from './sources/http.js';
import { isHttpUrl } from './sources/transport.js';
import { RedisValidatorStore } from './sources/validator-store.js';
import { pollTargets } from './targets.js';
import { VERSION } from './version.js';

export interface Backends {
  redisUrl: string;
  embedded: boolean;
  redis: Redis;
  publisher: BullMqPublisher;
  seen: RedisSeenStore;
  close(): Promise<void>;
}

/** Connects to the configured Redis, or starts the embedded one when no URL is set. */
export async function connectBackends(config: Config): Promise<Backends> {
  let embedded: EmbeddedRedis | null = null;
  if (config.redis.url === null) embedded = await startEmbeddedRedis(config.redis.embedded);
  const redisUrl = config.redis.url ?? embedded?.url ?? '';
  const redis = connectRedis(redisUrl, 'main');
  const publisher = new BullMqPublisher(redis, config.queue.name);
  return {
    redisUrl,
    embedded: embedded !== null,
    redis,
    publisher,
    seen: new RedisSeenStore(redis, Math.ceil(config.dedup.retentionMs / 1000)),
    async close() {
      await publisher.close();
      await redis.quit().catch(() => redis.disconnect());
      await embedded?.stop();
    },
  };
}

export interface Service {
  backends: Backends;
  healthPort: number | null;
  /** Runs one poll of a feed now, through the same path as scheduled polls. */
  poll(feedId: string): Promise<PollResult | null>;
  stop(): Promise<void>;
}

export interface ServiceHooks {
  /** Called after every poll, scheduled or not; tests and the CLI's `poll` wait on it. */
  onPoll?(result: PollResult): void;
}

export async function startService(
  config: Config,
  logger: Logger,
  hooks: ServiceHooks = {},
): Promise<Service> {
  const backends = await connectBackends(config);
  const targets: Map<string, PollTarget> = pollTargets(config);
  const metrics = new Metrics();
  metrics.observeBackends({
    queueName: config.queue.name,
    queueCounts: () =>
      backends.publisher.queue.getJobCounts(
        'waiting',
        'prioritized',
        'delayed',
        'active',
        'completed',
        'failed',
      ),
    redisUsedMemory: async () =>
      Number((await backends.redis.info('memory')).match(/used_memory:(\d+)/)?.[1] ?? 0),
  });
  const http = new HttpTransport();
  const file = new FileTransport();
  const deps: PipelineDeps = {
    transportFor: (url) => (isHttpUrl(url) ? http : file),
    validators: new RedisValidatorStore(backends.redis),
    seen: backends.seen,
    publisher: backends.publisher,
    logger,
    now: () => new Date(),
  };
  const locks = new FeedLocks(backends.redis);
  const poll = async (feedId: string): Promise<PollResult | null> => {
    const target = targets.get(feedId);
    if (!target) {
      logger.warn({ event: 'poll.skipped', feed_id: feedId, reason: 'feed not in config' }, 'unknown feed');
      return null;
    }
    const result = await locks.withLock(feedId, () => pollFeed(target, deps));
    if (result === null) {
      logger.info(
        { event: 'poll.skipped', feed_id: feedId, reason: 'another worker is polling this feed' },
        'poll skipped',
      );
      return null;
    }
    metrics.recordPoll(result);
    hooks.onPoll?.(result);
    return result;
  };

  const pollQueue: Queue<PollJobData> = createPollQueue(backends.redis, config.queue.pollQueue);
  const reconciled = await reconcileSchedulers(
    pollQueue,
    config.feeds.filter((f) => f.enabled).map((f) => ({ id: f.id, intervalMs: f.intervalMs })),
  );
  const worker: Worker = createPollWorker(
    backends.redis,
    config.queue.pollQueue,
    config.queue.concurrency,
    poll,
  );
  worker.on('error', (err) => logger.error({ event: 'worker.error', err: err.message }, 'poll worker error'));
  backends.redis.on('error', (err) =>
    logger.error({ event: 'redis.error', err: err.message }, 'redis error'),
  );

  let healthServer: Server | null = null;
  let healthPort: number | null = null;
  if (config.http.port !== 0) {
    const started = await createHealthServer({
      host: config.http.host,
      port: config.http.port,
      metrics,
      readiness: async () => {
        const problems: string[] = [];
        if (backends.redis.status !== 'ready') problems.push(`redis ${backends.redis.status}`);
        if (!worker.isRunning()) problems.push('poll worker not running');
        return problems;
      },
    });
    healthServer = started.server;
    healthPort = started.port;
  }

  logger.info(
    {
      event: 'service.started',
      version: VERSION,
      redis_url: redactRedisUrl(backends.redisUrl),
      redis_embedded: backends.embedded,
      config: config.source,
      feeds: targets.size,
      schedulers_removed: reconciled.removed,
      queue: config.queue.name,
      http_port: healthPort,
    },
    'wirefeed started',
  );

  return {
    backends,
    healthPort,
    poll,
    async stop() {
      await worker.close();
      await pollQueue.close();
      await http.close();
      await new Promise<void>((resolve) => (healthServer ? healthServer.close(() => resolve()) : resolve()));
      await backends.close();
      logger.info({ event: 'service.stopped' }, 'wirefeed stopped');
    },
  };
}
