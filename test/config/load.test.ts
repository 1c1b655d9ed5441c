import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_DISCLAIMER,
  defaultConfigPath,
  loadConfig,
  WITH_INPUTS_DISCLAIMER,
} from '../../src/config/index.js';
import { IngestError } from '../../src/model/errors.js';
import { MINIMAL, problems, writeTempConfig } from './temp-config.js';

describe('loadConfig', () => {
  it('loads the bundled default config when no file is named', () => {
    const config = loadConfig({ env: {} });
    expect(config.source).toBe(defaultConfigPath());
    expect(config.publisher.name).toBe('Mid-day');
    expect(config.timezone).toBe('Asia/Kolkata');
    expect(config.redis.url).toBeNull();
    expect(config.http.port).toBe(9464);
    const pti = config.feeds.find((feed) => feed.id === 'pti-world');
    expect(pti).toMatchObject({
      agency: 'PTI',
      intervalMs: 60_000,
      transport: 'file',
      timezone: 'Asia/Kolkata',
    });
    expect(pti?.url).toBe(join(dirname(defaultConfigPath()), '../fixtures/feeds/pti/world.rss.xml'));
  });

  it('points every bundled default feed at a fixture that exists', () => {
    const config = loadConfig({ env: {} });
    expect(config.feeds.length).toBeGreaterThanOrEqual(5);
    for (const feed of config.feeds) expect(existsSync(feed.url), feed.url).toBe(true);
  });

  it('fills every default and carries the mid-day disclaimer', () => {
    const config = loadConfig({ file: writeTempConfig(MINIMAL), env: {}, cwd: '/srv/wirefeed' });
    expect(config.publisher.disclaimers).toEqual({
      default: DEFAULT_DISCLAIMER,
      withInputs: WITH_INPUTS_DISCLAIMER,
    });
    expect(config.redis).toEqual({ url: null, embedded: { dataDir: '/srv/wirefeed/var/redis', port: 0 } });
    expect(config.queue).toEqual({
      name: 'publish',
      pollQueue: 'wirefeed-poll',
      concurrency: 4,
      feedLockTtlMs: 30_000,
    });
    expect(config.http).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(config.log).toEqual({ level: 'info', pretty: false });
    expect(config.dedup).toEqual({ retentionMs: 30 * 24 * 3600_000 });
    expect(config.fetch).toEqual({ perHostConnections: 4 });
    expect(config.html).toEqual({ allowIframesFrom: [] });
    expect(config.backoff).toEqual({ maxMs: 3600_000 });
    expect(config.feeds[0]).toEqual({
      id: 'pti-world',
      url: 'https://wire.example/pti/world.xml',
      transport: 'http',
      agency: 'PTI',
      format: null,
      intervalMs: 300_000,
      timezone: 'UTC',
      allowPrivateHosts: [],
      auth: null,
      disclaimer: null,
      maxBytes: 64 * 1024 * 1024,
      timeoutMs: 60_000,
      maxAgeMs: 48 * 3600_000,
      idleAlertMs: 24 * 3600_000,
      cron: null,
      enabled: true,
    });
  });

  it('reads publisher.disclaimer as the default template, next to named ones', () => {
    const yaml = `
publisher:
  name: X
  disclaimer: { template: "Via {agencyName} for {publisher}" }
  disclaimers: { staff: "By {publisher} staff" }
feeds: []`;
    expect(loadConfig({ file: writeTempConfig(yaml), env: {} }).publisher.disclaimers).toEqual({
      default: 'Via {agencyName} for {publisher}',
      withInputs: WITH_INPUTS_DISCLAIMER,
      staff: 'By {publisher} staff',
    });
  });

  it('resolves file feeds against the config folder, not the working directory', () => {
    const file = writeTempConfig('publisher: { name: X }\nfeeds: [{ id: local, url: ./feeds/a.xml }]');
    const config = loadConfig({ file, env: {}, cwd: '/elsewhere' });
    expect(config.feeds[0]).toMatchObject({ url: join(dirname(file), 'feeds/a.xml'), transport: 'file' });
  });

  it('returns a frozen config', () => {
    const config = loadConfig({ file: writeTempConfig(MINIMAL), env: {} });
    expect(Object.isFrozen(config.feeds[0])).toBe(true);
    expect(() => {
      (config.http as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('takes the file from WIREFEED_CONFIG, relative to cwd', () => {
    const file = writeTempConfig(MINIMAL);
    const config = loadConfig({ env: { WIREFEED_CONFIG: 'wirefeed.yaml' }, cwd: dirname(file) });
    expect(config.source).toBe(file);
  });

  it('lets the environment override redis, log and http settings', () => {
    const env = {
      REDIS_URL: 'redis://cache:6379',
      LOG_LEVEL: 'DEBUG',
      LOG_PRETTY: '1',
      WIREFEED_HTTP_PORT: '0',
    };
    const config = loadConfig({ file: writeTempConfig(`${MINIMAL}\nlog: { level: warn }`), env });
    expect(config.redis.url).toBe('redis://cache:6379');
    expect(config.log).toEqual({ level: 'debug', pretty: true });
    expect(config.http.port).toBe(0);
  });

  it('names every bad environment override', () => {
    const env = {
      REDIS_URL: 'http://x',
      LOG_LEVEL: 'loud',
      LOG_PRETTY: 'maybe',
      WIREFEED_HTTP_PORT: '70000',
    };
    expect(problems(MINIMAL, env)).toEqual([
      'REDIS_URL: expected a redis:// or rediss:// URL',
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'LOG_PRETTY: expected 1 or 0, got "maybe"',
      'WIREFEED_HTTP_PORT: expected a port number 0-65535, got "70000"',
    ]);
  });
});

describe('loadConfig errors', () => {
  it('is a ConfigError with code CONFIG_INVALID for a missing file', () => {
    const err = (() => {
      try {
        loadConfig({ file: '/nonexistent/wirefeed.yaml', env: {} });
      } catch (caught) {
        return caught;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err).toBeInstanceOf(IngestError);
    expect(err).toMatchObject({
      code: 'CONFIG_INVALID',
      message: 'config file not found: /nonexistent/wirefeed.yaml',
    });
  });

  it('reports YAML syntax errors with line and column', () => {
    const file = writeTempConfig('publisher:\n  name: "Mid-day\nfeeds: []\n');
    expect(() => loadConfig({ file, env: {} })).toThrow(
      /invalid YAML in .*wirefeed\.yaml: line \d+, column \d+: /,
    );
  });

  it('reports duplicate YAML keys', () => {
    expect(() => loadConfig({ file: writeTempConfig(`${MINIMAL}\nfeeds: []`), env: {} })).toThrow(
      /line 8, column 1: Map keys must be unique/,
    );
  });

  it('writes one message line that names the file and every problem', () => {
    const file = writeTempConfig('publisher: {}\nfeeds: [{ id: a, url: x.xml, interval: soon }]');
    expect(() => loadConfig({ file, env: {} })).toThrow(
      `invalid config ${file}: publisher.name: is required; feeds[0].interval: expected a duration like "5m"`,
    );
  });
});
