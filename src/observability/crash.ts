/**
 * The last word of a process that hit a bug: an uncaught exception or an unhandled rejection is
 * logged as one JSON `service.crashed` line (Node would print a bare stack to stderr, outside the
 * log pipeline), then the process exits 1 for its supervisor to restart. Carrying on in an unknown
 * state is worse than restarting: polls are retried and queueing is idempotent (commit.ts).
 */
import type { Logger } from './logger.js';

export function crashHandlers(logger: Logger, exit: (code: number) => void = process.exit) {
  const crash = (kind: 'uncaught_exception' | 'unhandled_rejection') => (reason: unknown) => {
    const err = reason instanceof Error ? reason : new Error(String(reason));
    logger.fatal({ event: 'service.crashed', kind, err: err.message, stack: err.stack }, 'wirefeed crashed');
    logger.flush?.();
    exit(1);
  };
  return { uncaughtException: crash('uncaught_exception'), unhandledRejection: crash('unhandled_rejection') };
}

export function installCrashHandlers(logger: Logger): void {
  const handlers = crashHandlers(logger);
  process.on('uncaughtException', handlers.uncaughtException);
  process.on('unhandledRejection', handlers.unhandledRejection);
}
