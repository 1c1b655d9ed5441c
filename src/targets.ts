/** Config → what the pipeline polls: one PollTarget per feed. */
import { type Config, type FeedConfig, feedSettings, redactUrl } from './config/index.js';
import type { ScheduledTarget } from './scheduler/feed-runner.js';
import { authorise } from './sources/auth.js';

export function pollTarget(config: Config, feed: FeedConfig): ScheduledTarget {
  const wire = authorise(feed.url, feed.auth);
  return {
    settings: feedSettings(config, feed),
    source: feed.transport === 'http' ? redactUrl(feed.url) : feed.url,
    maxAgeMs: feed.maxAgeMs,
    intervalMs: feed.intervalMs,
    idleAlertMs: feed.idleAlertMs,
    request: {
      url: wire.url,
      headers: wire.headers,
      maxBytes: feed.maxBytes,
      timeoutMs: feed.timeoutMs,
      allowPrivateHosts: feed.allowPrivateHosts,
    },
  };
}

export function pollTargets(config: Config): Map<string, ScheduledTarget> {
  return new Map(config.feeds.filter((f) => f.enabled).map((f) => [f.id, pollTarget(config, f)]));
}
