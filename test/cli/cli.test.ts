/** The command line as a user meets it: help, bad flags, config checks. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, runCli } from '../helpers/cli.js';

function tempConfig(yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wirefeed-cli-')), 'wirefeed.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('wirefeed CLI', () => {
  it('lists every command in --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['run', 'replay', 'check-config', 'healthcheck']) expect(stdout).toContain(command);
  });

  it('rejects an unknown flag with one line naming it', async () => {
    const { code, stderr } = await runCli(['replay', '--frobnicate', 'x.xml']);
    expect(code).not.toBe(0);
    expect(stderr.split('\n')[0]).toMatch(/unknown option '--frobnicate'/);
  });

  it('rejects an unknown output format', async () => {
    const { code, stderr } = await runCli(['replay', '--format', 'xml', 'x.xml']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--format.*Allowed choices are article, ninjs/);
  });

  it('names a missing config file in one line', async () => {
    const { code, stderr } = await runCli(['check-config', '--config', '/nonexistent/wirefeed.yaml']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('/nonexistent/wirefeed.yaml');
  });

  it('lists every config problem by path', async () => {
    const file = tempConfig(
      'publisher: { name: Mid-day }\nfeeds:\n  - { id: a, url: https://x.test/a.xml, interval: soon }\n  - { id: a, url: https://x.test/b.xml }\n',
    );
    const { code, stderr } = await runCli(['check-config', '--config', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('feeds[0].interval: expected a duration like "5m"');
    expect(stderr).toMatch(/feeds\[1\]\.id/);
  });

  it('prints the resolved config with defaults filled in and secrets redacted', async () => {
    const file = tempConfig(
      'publisher: { name: Mid-day }\nfeeds:\n  - { id: pti, url: https://x.test/a.xml, agency: pti, auth: { type: bearer, tokenEnv: PTI_TOKEN } }\n',
    );
    const { code, stdout } = await runCli(['check-config', '--config', file], {
      env: { PTI_TOKEN: 's3cret-token-value', REDIS_URL: 'redis://:hunter2@127.0.0.1:6380' },
    });
    expect(code).toBe(0);
    expect(stdout).not.toContain('s3cret-token-value');
    expect(stdout).not.toContain('hunter2');
    const resolved = JSON.parse(stdout);
    expect(resolved.feeds[0]).toMatchObject({ id: 'pti', agency: 'PTI', intervalMs: 300_000 });
    expect(resolved.queue.name).toBe('publish');
  });

  it('says in one line that Redis cannot be reached, instead of hanging, for every command that needs it', async () => {
    const port = await freePort();
    const config = tempConfig('publisher: { name: P }\nfeeds:\n  - { id: a, url: /nonexistent.xml }\n');
    const env = { REDIS_URL: `redis://user:hunter2@127.0.0.1:${port}` };
    const runs = await Promise.all([
      runCli(['status', '--config', config], { env }),
      runCli(['queue', 'list', '--config', config], { env }),
    ]);
    for (const { code, stderr } of runs) {
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/did not answer within 5 s .*\[REDIS_UNAVAILABLE\]/);
      expect(stderr).not.toContain('hunter2');
    }
  });

  it('stops at once, in one line, when Redis refuses the credentials, be it run or a command', async () => {
    const port = await freePort();
    const args = ['--port', String(port), '--save', '', '--appendonly', 'no', '--requirepass', 's3cret'];
    const redis = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      await new Promise<void>((done) =>
        redis.stdout.on('data', (c) => String(c).includes('Ready to accept') && done()),
      );
      const config = tempConfig(
        'publisher: { name: P }\nhttp: { port: 0 }\nfeeds:\n  - { id: a, url: /nonexistent.xml }\n',
      );
      const runs = await Promise.all([
        runCli(['run', '--config', config], { env: { REDIS_URL: `redis://:wrong@127.0.0.1:${port}` } }),
        runCli(['status', '--config', config], { env: { REDIS_URL: `redis://127.0.0.1:${port}` } }),
      ]);
      for (const { code, stderr } of runs) {
        expect(code).toBe(1);
        expect(stderr).toMatch(/refused the credentials: (WRONGPASS|NOAUTH).*\[REDIS_UNAVAILABLE\]/);
        expect(stderr).not.toContain('wrong@');
      }
    } finally {
      redis.kill('SIGKILL');
    }
  });
});
