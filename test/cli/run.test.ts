/**
 * `wirefeed run` on its embedded default: no REDIS_URL, so it starts a private redis-server, polls
 * the bundled fixtures, answers its health check, and stops everything on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, runCli, startCli, waitForExit } from '../helpers/cli.js';

function writeConfig(cwd: string, httpPort?: number): string {
  const config = join(cwd, 'wirefeed.yaml');
  // A port of our own, so the test never collides with a service running on 9464.
  const port = httpPort ?? 20_000 + Math.floor(Math.random() * 20_000);
  writeFileSync(
    config,
    [
      'publisher: { name: Mid-day }',
      `http: { port: ${port}, host: 127.0.0.1 }`,
      'feeds:',
      `  - { id: pti-world, url: "${resolve('fixtures/feeds/pti/world.rss.xml')}", agency: PTI, interval: 1h, maxAge: 0s }`,
    ].join('\n'),
  );
  return config;
}

/** Running, and not a zombie waiting to be reaped by whoever inherited it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** `wirefeed run` in a fresh directory, once it has polled the fixture feed. */
/** The redis-server pid a data directory's `redis-server.pid` names. */
function redisPid(cwd: string): number {
  return (
    JSON.parse(readFileSync(join(cwd, 'var', 'redis', 'redis-server.pid'), 'utf8')) as { redis: number }
  ).redis;
}

async function runUntilFirstPoll() {
  const cwd = mkdtempSync(join(tmpdir(), 'wirefeed-run-'));
  const config = writeConfig(cwd);
  const started = await startCli(['run', '--config', config], (l) => l.event === 'poll.completed', { cwd });
  return { cwd, config, ...started };
}

describe('wirefeed run with the embedded Redis', () => {
  it('starts its own redis-server, polls the fixtures, is healthy, and exits 0 on SIGTERM', async () => {
    const { cwd, config, child, lines } = await runUntilFirstPoll();

    const started = lines.find((l) => l.event === 'service.started');
    expect(started).toMatchObject({
      redis_embedded: true,
      redis_url: expect.stringMatching(/^redis:\/\/127\.0\.0\.1:\d+$/),
    });
    expect(lines.find((l) => l.event === 'poll.completed')).toMatchObject({
      feed_id: 'pti-world',
      items: { new: 3 },
    });
    expect(existsSync(join(cwd, 'var', 'redis'))).toBe(true);

    const health = await runCli(['healthcheck', '--config', config], { cwd });
    expect(health.code).toBe(0);

    child.kill('SIGTERM');
    expect(await waitForExit(child)).toBe(0);
    const unhealthy = await runCli(['healthcheck', '--config', config], { cwd });
    expect(unhealthy.code).toBe(1);
  });

  it('stops the redis-server orphaned by a SIGKILLed run before starting a new one', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'wirefeed-run-'));
    const config = writeConfig(cwd);
    const first = await startCli(['run', '--config', config], (l) => l.event === 'service.started', { cwd });
    first.child.kill('SIGKILL');
    await waitForExit(first.child);
    const orphan = redisPid(cwd);
    expect(alive(orphan)).toBe(true);

    const second = await startCli(['run', '--config', config], (l) => l.event === 'service.started', { cwd });
    expect(alive(orphan)).toBe(false);
    second.child.kill('SIGTERM');
    expect(await waitForExit(second.child)).toBe(0);
    expect(existsSync(join(cwd, 'var', 'redis', 'redis-server.pid'))).toBe(false);
  });

  it("lets status and queue use a running service's Redis, and refuses a second run on its data", async () => {
    const { cwd, config, child, lines } = await runUntilFirstPoll();
    const server = redisPid(cwd);

    const status = await runCli(['status', '--config', config], { cwd });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('pti-world');
    const queued = await runCli(['queue', 'list', '--json', '--config', config], { cwd });
    expect(JSON.parse(queued.stdout)).toHaveLength(3);
    const second = await runCli(['run', '--config', config], { cwd });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('REDIS_UNAVAILABLE');

    // The service's server was borrowed, never stopped: same process, no outage logged.
    expect(redisPid(cwd)).toBe(server);
    expect(alive(server)).toBe(true);
    expect(lines.map((l) => l.event)).not.toContain('redis.embedded_exited');
    child.kill('SIGTERM');
    expect(await waitForExit(child)).toBe(0);
    expect(alive(server)).toBe(false);
  });

  it('exits 1 before polling anything, and leaves no redis-server behind, when its health port is taken', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'wirefeed-run-'));
    const squatter = createServer();
    await new Promise<void>((done) => squatter.listen(0, '127.0.0.1', done));
    const address = squatter.address();
    const config = writeConfig(cwd, typeof address === 'object' && address ? address.port : 0);
    try {
      const { code, stdout, stderr } = await runCli(['run', '--config', config], { cwd });
      expect(code).toBe(1);
      expect(stderr).toMatch(/health server cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
      expect(stdout).not.toContain('poll.started');
      expect(existsSync(join(cwd, 'var', 'redis', 'redis-server.pid'))).toBe(false);
    } finally {
      await new Promise((done) => squatter.close(done));
    }
  });

  it('brings its redis-server back when it dies, and exits 1 when it cannot', async () => {
    const { cwd, config, child, lines } = await runUntilFirstPoll();
    const events = () => lines.map((l) => l.event);
    const killRedis = () => process.kill(redisPid(cwd), 'SIGKILL');

    killRedis();
    await expect.poll(events, { timeout: 10_000 }).toContain('redis.embedded_restarted');
    expect(lines.find((l) => l.event === 'redis.embedded_exited')).toMatchObject({ signal: 'SIGKILL' });
    await expect.poll(async () => (await runCli(['healthcheck', '--config', config], { cwd })).code).toBe(0);

    // Each restart is killed as soon as it is up, until the service gives up and exits for its supervisor.
    const restarted = () => lines.filter((l) => l.event === 'redis.embedded_restarted').length;
    for (let round = 1; child.exitCode === null && !events().includes('redis.embedded_gave_up'); round++) {
      await expect.poll(restarted, { timeout: 15_000 }).toBeGreaterThanOrEqual(round);
      killRedis();
      await expect.poll(() => events().filter((e) => e === 'redis.embedded_exited').length).toBe(round + 1);
    }
    expect(await waitForExit(child)).toBe(1);
    expect(events()).toContain('redis.embedded_gave_up');
  }, 45_000);

  it('re-reads its config on SIGHUP, and keeps the old one when the new file is invalid', async () => {
    const { config, child, lines } = await runUntilFirstPoll();
    const events = () => lines.map((l) => l.event);
    writeFileSync(config, readFileSync(config, 'utf8').replace('interval: 1h', 'interval: 30m'));
    child.kill('SIGHUP');
    await expect.poll(events, { timeout: 10_000 }).toContain('config.reloaded');
    writeFileSync(config, 'publisher: {}\n');
    child.kill('SIGHUP');
    await expect.poll(events, { timeout: 10_000 }).toContain('config.reload_failed');
    child.kill('SIGTERM');
    expect(await waitForExit(child)).toBe(0);
  });

  it('says how to get Redis when redis-server is not on PATH', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'wirefeed-run-'));
    const { code, stderr } = await runCli(['run'], { cwd, env: { PATH: '/nonexistent' } });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/redis-server not found.*REDIS_URL/);
  });
});

describe('wirefeed run with a Redis that is not there yet', () => {
  it('says so once, starts when Redis appears, and stops at once when told to while it waits', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'wirefeed-run-'));
    const config = writeConfig(cwd);
    const port = await freePort();
    const env = { REDIS_URL: `redis://127.0.0.1:${port}` };
    const waiting = await startCli(['run', '--config', config], (l) => l.event === 'redis.reconnecting', {
      cwd,
      env,
    });
    const redis = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    try {
      await expect
        .poll(() => waiting.lines.map((l) => l.event), { timeout: 10_000 })
        .toContain('service.started');
      const refused = waiting.lines.filter((l) => String(l.err ?? '').includes('ECONNREFUSED'));
      expect(refused).toHaveLength(1);
      expect(waiting.lines.filter((l) => l.event === 'redis.reconnecting')).toHaveLength(1);
      waiting.child.kill('SIGTERM');
      expect(await waitForExit(waiting.child)).toBe(0);
    } finally {
      redis.kill('SIGKILL');
      await new Promise((done) => (redis.exitCode === null ? redis.once('exit', done) : done(null)));
    }

    const never = await startCli(['run', '--config', config], (l) => l.event === 'redis.reconnecting', {
      cwd,
      env,
    });
    never.child.kill('SIGTERM');
    expect(await waitForExit(never.child)).toBe(0);
    expect(never.lines.at(-1)).toMatchObject({ event: 'service.stopped' });
  });
});
