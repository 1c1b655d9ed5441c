/**
 * A private redis-server child process: the embedded default when no REDIS_URL is configured,
 * and the server the test suite runs against. Loopback only, AOF on, `noeviction` (BullMQ
 * requires it: an evicted job key is a lost article).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { IngestError } from '../model/errors.js';

export interface EmbeddedRedisOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Passed through for tests that want a throwaway server. */
  appendOnly?: boolean;
  /**
   * Told when the server dies under a running service and what became of it: it is restarted on
   * the same port and data directory (the AOF brings the queue back), with backoff, and given up on
   * after as many restarts within `RESTART_WINDOW_MS` as `restartDelaysMs` has delays.
   */
  onEvent?(event: EmbeddedRedisEvent): void;
  restartDelaysMs?: readonly number[];
  /**
   * When another live wirefeed process runs the server of this data directory (a `wirefeed run`),
   * use it instead of failing: what the CLI's `status`, `queue`, `poll` and `replay` want. The
   * borrowed server is never stopped or restarted by this process.
   */
  shareRunning?: boolean;
}

export type EmbeddedRedisEvent =
  | { kind: 'exited'; code: number | null; signal: string | null }
  | { kind: 'restarted'; attempt: number; downtimeMs: number }
  | { kind: 'gave_up'; error: Error };

const RESTART_WINDOW_MS = 60_000;
const RESTART_DELAYS_MS = [0, 250, 1_000, 2_000, 5_000];

export interface EmbeddedRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const PID_FILE = 'redis-server.pid';

const INSTALL_HINT =
  'redis-server not found on PATH: install it (Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis) or set REDIS_URL to an existing Redis';

export function redisServerAvailable(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

export async function startEmbeddedRedis(options: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  if (!redisServerAvailable()) throw new IngestError('REDIS_UNAVAILABLE', INSTALL_HINT, { retryable: false });
  mkdirSync(options.dataDir, { recursive: true });
  const pidFile = join(options.dataDir, PID_FILE);
  const running = await claimDataDir(pidFile);
  if (running !== null) {
    if (!options.shareRunning) {
      const message = `${options.dataDir} is the embedded Redis of a running wirefeed (pid ${running.owner}): give this one its own redis.embedded.dataDir, or point both at one Redis with REDIS_URL`;
      throw new IngestError('REDIS_UNAVAILABLE', message, { retryable: false });
    }
    return { url: `redis://127.0.0.1:${running.port}`, port: running.port, stop: async () => {} };
  }
  const port = options.port === 0 ? await freePort() : options.port;
  // biome-ignore format: flag/value pairs read best side by side
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--protected-mode', 'yes',
    '--dir', options.dataDir,
    '--appendonly', options.appendOnly === false ? 'no' : 'yes',
    '--save', '',
    '--maxmemory-policy', 'noeviction',
    '--daemonize', 'no',
    '--loglevel', 'warning',
  ];
  const launch = async () => {
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitUntilReady(child, port);
    if (child.pid !== undefined) {
      const owned: PidFile = { redis: child.pid, owner: process.pid, port };
      writeFileSync(pidFile, JSON.stringify(owned));
    }
    return child;
  };
  let child = await launch();
  let stopping = false;
  const restarts: number[] = [];

  const supervise = (running: ChildProcess) => {
    running.once('exit', (code, signal) => {
      if (stopping) return;
      const diedAt = Date.now();
      options.onEvent?.({ kind: 'exited', code, signal });
      void restart(diedAt);
    });
  };
  const delays = options.restartDelaysMs ?? RESTART_DELAYS_MS;
  const restart = async (diedAt: number) => {
    for (;;) {
      const now = Date.now();
      while (restarts.length > 0 && (restarts[0] ?? 0) < now - RESTART_WINDOW_MS) restarts.shift();
      const delay = delays[restarts.length];
      if (delay === undefined) {
        const error = new Error(
          `redis-server could not be kept up: ${restarts.length} restarts within a minute`,
        );
        options.onEvent?.({ kind: 'gave_up', error });
        return;
      }
      restarts.push(now);
      await sleep(delay);
      if (stopping) return;
      try {
        child = await launch();
        supervise(child);
        options.onEvent?.({ kind: 'restarted', attempt: restarts.length, downtimeMs: Date.now() - diedAt });
        return;
      } catch {
        // Counted in `restarts`; the next round waits longer or gives up.
      }
    }
  };
  supervise(child);

  const stop = async () => {
    stopping = true;
    await stopChild(child);
    rmSync(pidFile, { force: true });
  };
  return { url: `redis://127.0.0.1:${port}`, port, stop };
}

/** `redis-server.pid` in the data directory: the server, the wirefeed process that runs it, its port. */
interface PidFile {
  redis: number;
  owner: number;
  port: number;
}

/**
 * Who holds the data directory. A server whose owner is alive is in use: it is returned, and left
 * alone, so two servers never write one AOF. A wirefeed killed with SIGKILL cannot stop its
 * redis-server, which then lives on holding the directory: that orphan is stopped here. Null when
 * the directory is free (again).
 */
async function claimDataDir(pidFile: string): Promise<PidFile | null> {
  const held = readPidFile(pidFile);
  if (held === null) return null;
  if (isRedisServer(held.redis)) {
    if (held.owner !== process.pid && isNodeProcess(held.owner)) return held;
    process.kill(held.redis, 'SIGTERM');
    for (let waited = 0; waited < 10_000 && isAlive(held.redis); waited += 100) await sleep(100);
    if (isAlive(held.redis)) process.kill(held.redis, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
  return null;
}

/** Null when there is no file; a bare pid (written by earlier versions) has no owner or port. */
function readPidFile(pidFile: string): PidFile | null {
  let text: string;
  try {
    text = readFileSync(pidFile, 'utf8').trim();
  } catch {
    return null;
  }
  if (/^\d+$/.test(text)) return { redis: Number(text), owner: 0, port: 0 };
  try {
    const { redis, owner, port } = JSON.parse(text) as Partial<PidFile>;
    return { redis: Number(redis) || 0, owner: Number(owner) || 0, port: Number(port) || 0 };
  } catch {
    return { redis: 0, owner: 0, port: 0 };
  }
}

function isNodeProcess(pid: number): boolean {
  return runs(pid, 'node');
}

function isRedisServer(pid: number): boolean {
  return runs(pid, 'redis-server');
}

/** `pid` is alive and its command line names `program`; without /proc (macOS), alive is enough. */
function runs(pid: number, program: string): boolean {
  if (pid <= 0 || !isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(program);
  } catch {
    return true;
  }
}

/** A zombie (exited, not yet reaped by whoever inherited it) counts as gone. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server accepts connections; rejects with its own words if it exits first. */
function waitUntilReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const deadline = setTimeout(() => fail(`redis-server did not start on port ${port} within 10 s`), 10_000);
    const onExit = (code: number | null) =>
      fail(`redis-server exited (${code}): ${output.trim().slice(-400)}`);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', onExit);
    child.once('error', (err) => fail(`redis-server could not start: ${err.message}`));
    const probe = setInterval(() => {
      const socket = createConnectionQuiet(port);
      socket.once('connect', () => {
        socket.end();
        done();
      });
    }, 50);
    function done() {
      clearInterval(probe);
      clearTimeout(deadline);
      child.off('exit', onExit);
      resolve();
    }
    function fail(message: string) {
      clearInterval(probe);
      clearTimeout(deadline);
      child.kill('SIGKILL');
      reject(new IngestError('REDIS_UNAVAILABLE', message, { retryable: false }));
    }
  });
}

function createConnectionQuiet(port: number) {
  const socket = createConnection({ port, host: '127.0.0.1' });
  socket.on('error', () => socket.destroy());
  return socket;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    // SIGTERM makes redis-server flush the AOF and exit cleanly.
    child.kill('SIGTERM');
  });
}
