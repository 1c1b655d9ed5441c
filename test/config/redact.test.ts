import { describe, expect, it } from 'vitest';
import { loadConfig, redactConfig, redactRedisUrl, redactUrl } from '../../src/config/index.js';
import { writeTempConfig } from './temp-config.js';

describe('redactUrl', () => {
  it('replaces user and password with [redacted]', () => {
    expect(redactUrl('https://alice:s3cret@wire.example/feed.xml')).toBe(
      'https://[redacted]@wire.example/feed.xml',
    );
  });

  it('redacts secret-looking query values and keeps the rest as written', () => {
    const url =
      'https://w.example/f?section=world&api_key=K1&Token=T1&apiKey=K2&X-Amz-Signature=S1&sig=S2&page=2#top';
    expect(redactUrl(url)).toBe(
      'https://w.example/f?section=world&api_key=[redacted]&Token=[redacted]&apiKey=[redacted]' +
        '&X-Amz-Signature=[redacted]&sig=[redacted]&page=2#top',
    );
  });

  it('leaves words that merely contain a secret word alone', () => {
    expect(redactUrl('https://w.example/f?keyword=x&design=y')).toBe(
      'https://w.example/f?keyword=x&design=y',
    );
  });

  it('redacts extra parameter names the caller knows are secret', () => {
    expect(redactUrl('https://w.example/f?u=abc&q=1', ['u'])).toBe('https://w.example/f?u=[redacted]&q=1');
  });

  it('leaves file paths untouched', () => {
    expect(redactUrl('/srv/feeds/pti.xml')).toBe('/srv/feeds/pti.xml');
  });
});

describe('redactRedisUrl', () => {
  it('keeps host, port and user name but not the password', () => {
    expect(redactRedisUrl('redis://:hunter2@cache:6379/0')).toBe('redis://:[redacted]@cache:6379/0');
    expect(redactRedisUrl('rediss://default:hunter2@cache:6380')).toBe(
      'rediss://default:[redacted]@cache:6380',
    );
    expect(redactRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});

describe('redactConfig', () => {
  const env = {
    PTI_TOKEN: 'tok-PTI-123',
    ANI_USER: 'user-ANI-456',
    ANI_PASS: 'pass-ANI-789',
    IANS_KEY: 'key-IANS-000',
    AP_KEY: 'key-AP-111',
    REDIS_URL: 'redis://:redis-pw-222@cache:6379',
  };
  const file = writeTempConfig(`
publisher: { name: Mid-day }
feeds:
  - { id: pti, url: "https://wire.example/pti.xml", auth: { type: bearer, tokenEnv: PTI_TOKEN } }
  - { id: ani, url: "https://wire.example/ani.xml", auth: { type: basic, usernameEnv: ANI_USER, passwordEnv: ANI_PASS } }
  - { id: ians, url: "https://wire.example/ians.xml", auth: { type: header, name: X-Key, valueEnv: IANS_KEY } }
  - { id: ap, url: "https://u:url-pw-333@wire.example/ap.xml?token=url-tok-444", auth: { type: query, param: k, valueEnv: AP_KEY } }
`);

  it('keeps the secrets in the config for the fetcher', () => {
    const config = loadConfig({ file, env });
    expect(config.feeds[0]?.auth).toEqual({ type: 'bearer', tokenEnv: 'PTI_TOKEN', token: 'tok-PTI-123' });
    expect(config.redis.url).toBe(env.REDIS_URL);
  });

  it('never lets a secret into the printed config', () => {
    const printed = JSON.stringify(redactConfig(loadConfig({ file, env })));
    for (const secret of [...Object.values(env), 'redis-pw-222', 'url-pw-333', 'url-tok-444']) {
      expect(printed).not.toContain(secret);
    }
    expect(printed).toContain('redis://:[redacted]@cache:6379');
    expect(printed).toContain('"tokenEnv":"PTI_TOKEN"');
  });
});
