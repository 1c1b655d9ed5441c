/**
 * Waiting for Redis at start-up: how long, what ends the wait early (wrong credentials never get
 * better), and how a wait is given up. The service waits out an outage; a command run by hand
 * says so within seconds.
 */
import { redactRedisUrl } from '../config/index.js';
import { IngestError } from '../model/errors.js';
import type { Redis } from './connection.js';

/** Resolves once `redis` is ready; otherwise disconnects it and rejects with REDIS_UNAVAILABLE. */
export async function untilReady(redis: Redis, withinMs: number, url: string): Promise<void> {
  if (redis.status === 'ready') return;
  let lastError = 'no answer';
  const onError = (err: Error) => {
    lastError = err.message;
  };
  redis.on('error', onError);
  const refused = refusedCredentials(redis, url);
  try {
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), withinMs);
      const settle = (value: boolean) => {
        clearTimeout(timer);
        resolve(value);
      };
      redis.once('ready', () => settle(true));
      refused.signal.addEventListener('abort', () => settle(false), { once: true });
    });
    if (!ready) {
      redis.disconnect();
      if (refused.signal.aborted) throw refused.signal.reason;
      const message = `Redis at ${redactRedisUrl(url)} did not answer within ${withinMs / 1000} s (${lastError})`;
      throw new IngestError('REDIS_UNAVAILABLE', message);
    }
  } finally {
    redis.off('error', onError);
    refused.release();
  }
}

const CREDENTIALS_REFUSED = /^(?:NOAUTH|WRONGPASS|NOPERM|ERR (?:AUTH|invalid password|Client sent AUTH))/;

/** Aborts, with a REDIS_UNAVAILABLE reason, when Redis refuses this connection's credentials. */
export function refusedCredentials(redis: Redis, url: string): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onError = (err: Error) => {
    if (!CREDENTIALS_REFUSED.test(err.message) || controller.signal.aborted) return;
    const message = `Redis at ${redactRedisUrl(url)} refused the credentials: ${err.message}`;
    controller.abort(new IngestError('REDIS_UNAVAILABLE', message, { retryable: false }));
  };
  redis.on('error', onError);
  return { signal: controller.signal, release: () => redis.off('error', onError) };
}

/** `work`, unless `signal` aborts first: then `cancel` runs (to make `work` give up) and this rejects. */
export async function abortable<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  cancel: () => void,
): Promise<T> {
  if (signal === undefined) return work;
  signal.throwIfAborted();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      cancel();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  work.catch(() => {});
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
