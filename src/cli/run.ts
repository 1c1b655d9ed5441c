/** `wirefeed run`: the background service until SIGTERM/SIGINT; SIGHUP reloads the config. */
import { type Service, startService } from '../app.js';
import { loadConfig } from '../config/index.js';
import { installCrashHandlers } from '../observability/crash.js';
import { createLogger, type Logger, wantsPretty } from '../observability/logger.js';

const SHUTDOWN_DEADLINE_MS = 30_000;
/** Without Redis nothing in flight can finish: a fatal stop waits only briefly for it. */
const FATAL_DEADLINE_MS = 5_000;

export async function runCommand(options: { config?: string }): Promise<void> {
  const config = loadConfig({ file: options.config });
  const logger = createLogger({ level: config.log.level, pretty: wantsPretty(config.log.pretty, 1), fd: 1 });
  installCrashHandlers(logger);
  let stopping = false;
  let exitCode = 0;
  // A stop while start-up still waits (for an unreachable Redis) aborts the start instead of waiting.
  const startUp = new AbortController();
  let started = false;
  const shutdown = (signal: NodeJS.Signals | 'fatal') => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'service.stopping', signal }, 'shutting down');
    const deadlineMs = signal === 'fatal' ? FATAL_DEADLINE_MS : SHUTDOWN_DEADLINE_MS;
    const deadline = setTimeout(() => {
      logger.error({ event: 'service.shutdown_timeout', deadline_ms: deadlineMs }, 'shutdown deadline hit');
      process.exit(1);
    }, deadlineMs);
    deadline.unref();
    if (!started) startUp.abort();
    starting
      .then((service) => service.stop())
      .then(
        () => exitAfterFlush(logger, exitCode),
        (err: unknown) => {
          if (startUp.signal.aborted) {
            logger.info({ event: 'service.stopped' }, 'wirefeed stopped before it had started');
            return exitAfterFlush(logger, exitCode);
          }
          logger.error({ event: 'service.stop_failed', err: (err as Error).message }, 'shutdown failed');
          exitAfterFlush(logger, 1);
        },
      );
  };
  // Exits non-zero so a supervisor (Docker, systemd) restarts the whole service.
  const onFatal = () => {
    exitCode = 1;
    shutdown('fatal');
  };
  const starting = startService(config, logger, { onFatal, signal: startUp.signal }).then((service) => {
    started = true;
    return service;
  });
  // Handlers go in before start-up completes, so a signal during start-up still stops the embedded Redis.
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.on('SIGHUP', () => void starting.then((service) => reload(service, options.config, logger)));
  await starting.catch((err: unknown) => {
    // An aborted start is the shutdown's to finish (it exits); any other failure is the command's.
    if (startUp.signal.aborted) return new Promise<never>(() => {});
    throw err;
  });
}

/** Feeds added, removed or rescheduled without dropping polls in flight; a bad file keeps the old config. */
async function reload(service: Service, file: string | undefined, logger: Logger): Promise<void> {
  try {
    await service.reload(loadConfig({ file }));
  } catch (err) {
    logger.error({ event: 'config.reload_failed', err: (err as Error).message }, 'config not reloaded');
  }
}

/** Exits once the last log lines are written: stdout is asynchronous, and `service.stopped` is the last word. */
function exitAfterFlush(logger: Logger, code: number): void {
  const exit = () => process.exit(code);
  setTimeout(exit, 2_000).unref();
  logger.flush(exit);
}
