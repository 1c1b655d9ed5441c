/**
 * `wirefeed status`: every configured feed's state as the scheduler sees it — last poll, last
 * success, last error, failure streak, next poll, articles queued in the last 24 hours.
 */
import { CLI_BACKENDS, connectBackends } from '../app.js';
import { loadConfig } from '../config/index.js';
import { FeedHealthStore } from '../scheduler/feed-health.js';
import { createPollQueue } from '../scheduler/poll-scheduler.js';
import { formatTable } from './table.js';

export interface FeedStatus {
  feed_id: string;
  enabled: boolean;
  last_poll_at: string | null;
  last_success_at: string | null;
  last_error_code: string | null;
  consecutive_failures: number;
  next_poll_at: string | null;
  articles_24h: number;
}

export async function statusCommand(options: { config?: string; json?: boolean }): Promise<void> {
  const config = loadConfig({ file: options.config });
  const backends = await connectBackends(config, CLI_BACKENDS);
  const pollQueue = createPollQueue(backends.redis, config.queue.pollQueue);
  try {
    const health = new FeedHealthStore(backends.redis);
    const schedulers = new Map((await pollQueue.getJobSchedulers(0, -1)).map((s) => [s.key, s.next ?? null]));
    const now = Date.now();
    const rows: FeedStatus[] = [];
    for (const feed of config.feeds) {
      const state = await health.get(feed.id);
      const scheduled = schedulers.get(feed.id) ?? null;
      const next = scheduled === null ? null : Math.max(scheduled, state.nextPollAfter);
      rows.push({
        feed_id: feed.id,
        enabled: feed.enabled,
        last_poll_at: iso(state.lastPollAt),
        last_success_at: iso(state.lastSuccessAt),
        last_error_code: state.failures > 0 ? state.lastErrorCode : null,
        consecutive_failures: state.failures,
        next_poll_at: feed.enabled ? iso(next) : null,
        articles_24h: await health.queuedLastDay(feed.id, now),
      });
    }
    process.stdout.write(options.json ? `${JSON.stringify(rows, null, 2)}\n` : table(rows));
  } finally {
    await pollQueue.close();
    await backends.close();
  }
}

function iso(ms: number | null): string | null {
  return ms ? new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

function table(rows: FeedStatus[]): string {
  const header = ['FEED', 'LAST POLL', 'LAST SUCCESS', 'ERROR', 'FAILS', 'NEXT POLL', '24H'];
  const cells = rows.map((r) => [
    r.enabled ? r.feed_id : `${r.feed_id} (disabled)`,
    r.last_poll_at ?? '-',
    r.last_success_at ?? '-',
    r.last_error_code ?? '-',
    String(r.consecutive_failures),
    r.next_poll_at ?? '-',
    String(r.articles_24h),
  ]);
  return formatTable(header, cells);
}
