/** `wirefeed poll FEED_ID`: one poll now, through the same path as scheduled polls. */
import { CLI_BACKENDS, connectBackends, createRuntime } from '../app.js';
import { loadConfig } from '../config/index.js';
import { createLogger, wantsPretty } from '../observability/logger.js';
import { UsageError } from './usage-error.js';

/** Resolves to the exit code: 0 for a poll that succeeded or found nothing modified. */
export async function pollCommand(feedId: string, options: { config?: string }): Promise<number> {
  const config = loadConfig({ file: options.config });
  if (!config.feeds.some((feed) => feed.id === feedId)) {
    throw new UsageError(
      `no feed "${feedId}" in ${config.source}; feeds: ${config.feeds.map((f) => f.id).join(', ')}`,
    );
  }
  const logger = createLogger({ level: config.log.level, pretty: wantsPretty(config.log.pretty, 1), fd: 1 });
  const backends = await connectBackends(config, CLI_BACKENDS);
  const runtime = createRuntime(config, logger, backends);
  try {
    const result = await runtime.runner.run(feedId, { force: true });
    // null: another replica holds the feed's lock right now; that poll will do the work.
    return result === null || result.status !== 'failed' ? 0 : 1;
  } finally {
    await runtime.close();
    await backends.close();
  }
}
