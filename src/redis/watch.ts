/** What operators see of Redis trouble: outages once each, and the embedded server's fate. */
import type { Logger } from '../observability/logger.js';
import type { Redis } from './connection.js';
import type { EmbeddedRedisEvent } from './embedded.js';

/** The embedded server's deaths and restarts, as log events; `onFatal` when it is given up on. */
export function logEmbedded(
  event: EmbeddedRedisEvent,
  logger: Logger,
  onFatal?: (error: Error) => void,
): void {
  if (event.kind === 'exited') {
    const { code, signal } = event;
    logger.error(
      { event: 'redis.embedded_exited', code, signal },
      'embedded redis-server died; restarting it',
    );
  } else if (event.kind === 'restarted') {
    const { attempt, downtimeMs } = event;
    logger.warn(
      { event: 'redis.embedded_restarted', attempt, downtime_ms: downtimeMs },
      'embedded redis-server back',
    );
  } else {
    logger.fatal(
      { event: 'redis.embedded_gave_up', err: event.error.message },
      'embedded redis-server keeps dying',
    );
    onFatal?.(event.error);
  }
}

type ErrorSource = { on(event: 'error', listener: (err: Error) => void): unknown };

export interface RedisWatch {
  /** Hears a BullMQ queue's errors (its own connections fail with the main one). */
  queue(queue: ErrorSource): void;
  worker(worker: ErrorSource): void;
}

/**
 * Connection trouble and recovery are events an operator should see, once each. While Redis is
 * down the main connection, both queues and the poll worker fail every reconnect; those repeats
 * say nothing the first error and `redis.reconnecting` do not, and unheard queue errors would go
 * to stderr raw. Watching starts with the connection, before anything waits on Redis, so a Redis
 * that is unreachable at start-up is reported the same way; queues and the worker join as they
 * are made.
 */
export function watchRedis(redis: Redis, logger: Logger): RedisWatch {
  let down = false;
  // Every connection sees the same outage: its first connection error is logged, the rest are not.
  let connectionErrorLogged = false;
  const heard = (event: string, message: string) => (err: Error) => {
    if (isConnectionError(err)) {
      if (connectionErrorLogged) return;
      connectionErrorLogged = true;
    }
    logger.error({ event, err: err.message }, message);
  };
  redis.on('error', heard('redis.error', 'redis error'));
  redis.on('reconnecting', (delay: number) => {
    if (!down) logger.warn({ event: 'redis.reconnecting', delay_ms: delay }, 'reconnecting to redis');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info({ event: 'redis.reconnected' }, 'redis connection back');
    down = false;
    connectionErrorLogged = false;
  });
  return {
    queue: (queue) => void queue.on('error', heard('queue.error', 'queue error')),
    worker: (worker) => void worker.on('error', heard('worker.error', 'poll worker error')),
  };
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/** Errors every connection meets at once: refused, dropped, or turned away for its credentials. */
function isConnectionError(err: Error): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  if (code !== undefined && CONNECTION_ERRORS.has(code)) return true;
  return /connection is closed|^(?:NOAUTH|WRONGPASS)/i.test(err.message);
}
