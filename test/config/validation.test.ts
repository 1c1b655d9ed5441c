import { describe, expect, it } from 'vitest';
import { problems } from './temp-config.js';

describe('config validation', () => {
  it('lists every problem in the file by its path', () => {
    const yaml = `
publisher:
  name: Mid-day
  disclaimers: { withInputs: "From {agencyname} for {publisher}" }
timezone: Mars/Olympus
redis: { url: "http://cache:6379" }
queue: { concurrency: 0, name: "a:b" }
http: { port: 99999 }
log: { level: loud }
agencies:
  PTI: { disclaimer: missing }
  ANI: { nmae: Asian News International }
feeds:
  - id: Pti-World
    url: ftp://wire.example/x
    intervall: 5m
  - id: ok
    url: https://wire.example/ok.xml
    format: newsml
    interval: 500ms
    timeout: 0s
    maxBytes: 64 TB
    disclaimer: withInput
    allowPrivateHosts: [10.0.0.0/33, "bad host"]
  - id: ok
    url: https://wire.example/ok2.xml
    interval: 5
    auth: { type: bearer, tokenEnv: PTI_TOKEN }
  - id: c
    url: https://wire.example/c.xml
    auth: { type: oauth }
  - id: d
    url: https://wire.example/d.xml
    auth: { type: basic, usernameEnv: D_USER }
  - 42
`;
    expect(problems(yaml)).toEqual([
      'publisher.disclaimers.withInputs: unknown placeholder {agencyname}; use {publisher}, {agency}, {agencyName}',
      'timezone: expected an IANA time zone like "Asia/Kolkata"',
      'redis.url: expected a redis:// or rediss:// URL',
      'queue.name: expected a queue name without ":" or spaces',
      'queue.concurrency: must be at least 1',
      'http.port: expected 0-65535',
      'log.level: expected one of fatal, error, warn, info, debug, trace, silent',
      'agencies.ANI.nmae: unknown key',
      'feeds[0].id: expected 1-64 of a-z, 0-9, ".", "_", "-", starting with a letter or digit',
      'feeds[0].url: expected an http(s) URL or a file path',
      'feeds[0].intervall: unknown key',
      'feeds[1].format: expected one of rss, atom, jsonfeed, newsml-g2, nitf, ninjs, newsml-1',
      'feeds[1].interval: must be at least 1s',
      'feeds[1].allowPrivateHosts[0]: expected a host, IP address or CIDR like "10.0.0.0/8"',
      'feeds[1].allowPrivateHosts[1]: expected a host, IP address or CIDR like "10.0.0.0/8"',
      'feeds[1].maxBytes: expected a size like "64MB" or a number of bytes',
      'feeds[1].timeout: must be longer than 0ms',
      'feeds[2].interval: expected a duration like "5m"',
      'feeds[3].auth.type: expected type bearer, basic, header or query',
      'feeds[4].auth.passwordEnv: is required',
      'feeds[5]: expected a mapping, got number',
      'agencies.PTI.disclaimer: unknown disclaimer "missing"; known: default, withInputs',
      'feeds[1].disclaimer: unknown disclaimer "withInput"; known: default, withInputs',
      'feeds[2].id: duplicate id "ok" (also feeds[1])',
      'feeds[2].auth.tokenEnv: environment variable PTI_TOKEN is not set',
      'feeds[4].auth.usernameEnv: environment variable D_USER is not set',
    ]);
  });

  it('requires publisher.name and feeds', () => {
    expect(problems('publisher: {}')).toEqual(['publisher.name: is required', 'feeds: is required']);
  });

  it('rejects an empty file as not a mapping', () => {
    expect(problems('')).toEqual(['(top level): expected a mapping, got null']);
  });

  it('rejects a disclaimer given both as shorthand and as disclaimers.default', () => {
    const yaml = `
publisher:
  name: X
  disclaimer: { template: "A {publisher}" }
  disclaimers: { default: "B {publisher}" }
feeds: []`;
    expect(problems(yaml)).toEqual([
      'publisher.disclaimer: give either publisher.disclaimer or publisher.disclaimers.default, not both',
    ]);
  });

  it('treats an empty environment variable as not set', () => {
    const yaml = `
publisher: { name: X }
feeds: [{ id: a, url: "https://w.example/a", auth: { type: header, name: X-Key, valueEnv: A_KEY } }]`;
    expect(problems(yaml, { A_KEY: '' })).toEqual([
      'feeds[0].auth.valueEnv: environment variable A_KEY is not set',
    ]);
  });

  it('rejects inline secrets: only *Env keys exist', () => {
    const yaml = `
publisher: { name: X }
feeds: [{ id: a, url: "https://w.example/a", auth: { type: bearer, tokenEnv: T, token: abc } }]`;
    expect(problems(yaml, { T: 'x' })).toEqual(['feeds[0].auth.token: unknown key']);
  });

  it('rejects an agency named twice in different case', () => {
    expect(problems('publisher: { name: X }\nagencies: { PTI: {}, pti: {} }\nfeeds: []')).toEqual([
      'agencies.pti: same agency as agencies.PTI',
    ]);
  });
});
