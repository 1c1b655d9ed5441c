/** What the pure pipeline needs to know about one feed, resolved from the config. */
import type { DisclaimerPolicy, FeedSettings } from '../model/feed.js';
import { ConfigError } from './config-error.js';
import { DEFAULT_DISCLAIMER_KEY } from './disclaimers.js';
import type { Config, FeedConfig } from './types.js';

/** Feed's own choice, else its agency's, else `default`; false at either level means no disclaimer. */
function disclaimerPolicy(config: Config, feed: FeedConfig): DisclaimerPolicy | null {
  const agencyChoice = feed.agency === null ? null : (config.agencies[feed.agency]?.disclaimer ?? null);
  const key = feed.disclaimer ?? agencyChoice ?? DEFAULT_DISCLAIMER_KEY;
  if (key === false) return null;
  const template = config.publisher.disclaimers[key];
  // loadConfig rejects unknown keys; this only guards hand-built configs.
  if (template === undefined)
    throw new ConfigError(`feeds.${feed.id}.disclaimer: unknown disclaimer "${key}"`);
  return { key, template };
}

/** The feed URL without credentials, query or fragment: a base for relative links, never a secret. */
function baseUrl(feed: FeedConfig): string | null {
  if (feed.transport !== 'http') return null;
  const url = new URL(feed.url);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url.href;
}

export function feedSettings(config: Config, feed: FeedConfig): FeedSettings {
  return {
    id: feed.id,
    agency: feed.agency,
    format: feed.format,
    timezone: feed.timezone,
    baseUrl: baseUrl(feed),
    disclaimer: disclaimerPolicy(config, feed),
    publisherName: config.publisher.name,
    allowIframesFrom: config.html.allowIframesFrom,
  };
}
