/** The resolved configuration the rest of wirefeed sees: defaults applied, paths absolute, secrets read. */
import type { FeedFormat } from '../model/feed.js';
import type { LOG_LEVELS } from './schema.js';

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoadOptions {
  /** Config file; default `env.WIREFEED_CONFIG`, else the bundled config/default.yaml. */
  file?: string;
  /** Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Base for relative `file` and `redis.embedded.dataDir`; default `process.cwd()`. */
  cwd?: string;
}

/** Credentials with the secret values read from the environment; the `*Env` names are kept for logs. */
export type FeedAuth =
  | { readonly type: 'bearer'; readonly tokenEnv: string; readonly token: string }
  | {
      readonly type: 'basic';
      readonly usernameEnv: string;
      readonly passwordEnv: string;
      readonly username: string;
      readonly password: string;
    }
  | { readonly type: 'header'; readonly name: string; readonly valueEnv: string; readonly value: string }
  | { readonly type: 'query'; readonly param: string; readonly valueEnv: string; readonly value: string };

export interface FeedConfig {
  readonly id: string;
  /** Absolute http(s) URL, or absolute file path when `transport` is "file". */
  readonly url: string;
  readonly transport: 'http' | 'file';
  /** Upper-case agency code, or null to detect it from the copy. */
  readonly agency: string | null;
  readonly format: FeedFormat | null;
  readonly intervalMs: number;
  readonly timezone: string;
  /** Lower-cased hosts, IPs and CIDRs the SSRF guard lets through for this feed. */
  readonly allowPrivateHosts: readonly string[];
  readonly auth: FeedAuth | null;
  /** As configured: a template key, false for none, null to inherit (see feedSettings). */
  readonly disclaimer: string | false | null;
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** Items older than this are marked seen but not queued when the article is new to wirefeed. */
  readonly maxAgeMs: number;
  /** `feed.idle` is logged when nothing new arrived for this long; 0 = never. */
  readonly idleAlertMs: number;
  /** A cron pattern that replaces the interval, or null. */
  readonly cron: string | null;
  readonly enabled: boolean;
}

export interface AgencyConfig {
  readonly code: string;
  readonly name: string | null;
  /** A template key, false for none, or null to use the default. */
  readonly disclaimer: string | false | null;
}

export interface Config {
  /** Absolute path of the config file that was read. */
  readonly source: string;
  readonly publisher: {
    readonly name: string;
    /** Templates by key; always has `default`. */
    readonly disclaimers: Readonly<Record<string, string>>;
  };
  /** Zone for feeds that name none. */
  readonly timezone: string;
  readonly redis: {
    /** null: start the embedded redis-server. */
    readonly url: string | null;
    readonly embedded: { readonly dataDir: string; readonly port: number };
  };
  readonly queue: {
    readonly name: string;
    readonly pollQueue: string;
    readonly concurrency: number;
    /** Expiry of the per-feed poll lock; renewed while a poll runs. */
    readonly feedLockTtlMs: number;
  };
  /** How long seen-state and tombstones live in Redis. */
  readonly dedup: { readonly retentionMs: number };
  readonly fetch: { readonly perHostConnections: number };
  readonly html: { readonly allowIframesFrom: readonly string[] };
  /** Ceiling of the wait after failed polls. */
  readonly backoff: { readonly maxMs: number };
  /** Health and metrics server; port 0 means off. */
  readonly http: { readonly port: number; readonly host: string };
  /** Bull Board under `path` on the health server, behind basic auth. */
  readonly dashboard: {
    readonly enabled: boolean;
    readonly path: string;
    readonly username: string;
    readonly passwordEnv: string;
    /** Read from `passwordEnv`; empty while the dashboard is off. */
    readonly password: string;
  };
  readonly log: { readonly level: LogLevel; readonly pretty: boolean };
  /** Keyed by upper-case agency code. */
  readonly agencies: Readonly<Record<string, AgencyConfig>>;
  readonly feeds: readonly FeedConfig[];
}
