/** From the validated file to the Config the app uses: defaults in, paths absolute, secrets read. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_DISCLAIMER,
  DEFAULT_DISCLAIMER_KEY,
  WITH_INPUTS_DISCLAIMER,
  WITH_INPUTS_DISCLAIMER_KEY,
} from './disclaimers.js';
import { parseBytes, parseDuration } from './duration.js';
import type { EnvOverrides } from './env.js';
import { hasUrlScheme } from './field-checks.js';
import type { ConfigFile } from './schema.js';
import type { AuthFile, FeedFile } from './schema-feed.js';
import type { AgencyConfig, Config, FeedAuth, FeedConfig } from './types.js';

export interface ResolveContext {
  source: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  overrides: EnvOverrides;
}

/** Cross-checks have already made sure every named variable is set. */
function secret(env: NodeJS.ProcessEnv, name: string): string {
  return env[name] ?? '';
}

function resolveAuth(auth: AuthFile, env: NodeJS.ProcessEnv): FeedAuth {
  switch (auth.type) {
    case 'bearer':
      return { ...auth, token: secret(env, auth.tokenEnv) };
    case 'basic':
      return { ...auth, username: secret(env, auth.usernameEnv), password: secret(env, auth.passwordEnv) };
    case 'header':
      return { ...auth, value: secret(env, auth.valueEnv) };
    case 'query':
      return { ...auth, value: secret(env, auth.valueEnv) };
  }
}

/** http(s) URLs stay as written; file: URLs and paths become absolute paths next to the config file. */
function resolveLocation(url: string, configDir: string): Pick<FeedConfig, 'url' | 'transport'> {
  if (!hasUrlScheme(url)) return { url: resolve(configDir, url), transport: 'file' };
  if (url.toLowerCase().startsWith('file:')) return { url: fileURLToPath(url), transport: 'file' };
  return { url, transport: 'http' };
}

function resolveFeed(feed: FeedFile, file: ConfigFile, ctx: ResolveContext): FeedConfig {
  return {
    id: feed.id,
    ...resolveLocation(feed.url, dirname(ctx.source)),
    agency: feed.agency?.toUpperCase() ?? null,
    format: feed.format ?? null,
    intervalMs: parseDuration(feed.interval) ?? 0,
    timezone: feed.timezone ?? file.timezone,
    allowPrivateHosts: feed.allowPrivateHosts.map((host) => host.toLowerCase()),
    auth: feed.auth === undefined ? null : resolveAuth(feed.auth, ctx.env),
    disclaimer: feed.disclaimer ?? null,
    maxBytes: parseBytes(feed.maxBytes) ?? 0,
    timeoutMs: parseDuration(feed.timeout) ?? 0,
    maxAgeMs: parseDuration(feed.maxAge) ?? 0,
    idleAlertMs: parseDuration(feed.idleAlert) ?? 0,
    cron: feed.cron ?? null,
    enabled: feed.enabled,
  };
}

function resolveAgencies(agencies: ConfigFile['agencies']): Record<string, AgencyConfig> {
  return Object.fromEntries(
    Object.entries(agencies).map(([code, agency]) => [
      code.toUpperCase(),
      { code: code.toUpperCase(), name: agency.name ?? null, disclaimer: agency.disclaimer ?? null },
    ]),
  );
}

export function resolveConfig(file: ConfigFile, ctx: ResolveContext): Config {
  const { overrides } = ctx;
  const shorthand = file.publisher.disclaimer?.template;
  return {
    source: ctx.source,
    publisher: {
      name: file.publisher.name,
      disclaimers: {
        [DEFAULT_DISCLAIMER_KEY]: shorthand ?? DEFAULT_DISCLAIMER,
        [WITH_INPUTS_DISCLAIMER_KEY]: WITH_INPUTS_DISCLAIMER,
        ...file.publisher.disclaimers,
      },
    },
    timezone: file.timezone,
    redis: {
      url: overrides.redisUrl ?? file.redis.url ?? null,
      embedded: { dataDir: resolve(ctx.cwd, file.redis.embedded.dataDir), port: file.redis.embedded.port },
    },
    queue: {
      name: file.queue.name,
      pollQueue: file.queue.pollQueue,
      concurrency: file.queue.concurrency,
      feedLockTtlMs: parseDuration(file.queue.feedLockTtl) ?? 30_000,
    },
    dedup: { retentionMs: parseDuration(file.dedup.retention) ?? 0 },
    fetch: { perHostConnections: file.fetch.perHostConnections },
    html: { allowIframesFrom: file.html.allowIframesFrom.map((host) => host.toLowerCase()) },
    backoff: { maxMs: parseDuration(file.backoff.max) ?? 0 },
    http: { port: overrides.httpPort ?? file.http.port, host: file.http.host },
    dashboard: {
      ...file.dashboard,
      password: file.dashboard.enabled ? secret(ctx.env, file.dashboard.passwordEnv) : '',
    },
    log: { level: overrides.logLevel ?? file.log.level, pretty: overrides.logPretty ?? file.log.pretty },
    agencies: resolveAgencies(file.agencies),
    feeds: file.feeds.map((feed) => resolveFeed(feed, file, ctx)),
  };
}

/** Freezes the whole tree, so no stage can change config another stage relies on. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
