/** The Bull Board dashboard on the real service's health server: basic auth, and off by default. */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Service, startService } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { writeTempConfig } from '../config/temp-config.js';
import { captureLogs } from '../helpers/log-capture.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const REDIS_URL = redisUrlForDb(13);
const PASSWORD = 'dash-pw-8c1f';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function start(dashboard: string, env: NodeJS.ProcessEnv, logs = captureLogs()) {
  const port = await freePort();
  const file = writeTempConfig(
    [
      'publisher: { name: Mid-day }',
      `redis: { url: "${REDIS_URL}" }`,
      'queue: { name: publish-dash, pollQueue: poll-dash }',
      `http: { port: ${port}, host: 127.0.0.1 }`,
      `dashboard: ${dashboard}`,
      'feeds: []',
    ].join('\n'),
  );
  const service = await startService(loadConfig({ file, env }), logs.logger);
  return { service, base: `http://127.0.0.1:${service.healthPort}` };
}

function basic(user: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

describe('queue dashboard, enabled', () => {
  const logs = captureLogs();
  let service: Service;
  let base = '';

  beforeAll(async () => {
    await flushDb(REDIS_URL);
    ({ service, base } = await start('{ enabled: true }', { WIREFEED_DASHBOARD_PASSWORD: PASSWORD }, logs));
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('asks for credentials when none are sent', async () => {
    const response = await fetch(`${base}/admin/queues`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
  });

  it('refuses a wrong password or user name, on the page and on its API', async () => {
    for (const headers of [basic('admin', 'nope'), basic('root', PASSWORD), basic('admin', '')]) {
      expect((await fetch(`${base}/admin/queues`, { headers })).status).toBe(401);
      expect((await fetch(`${base}/admin/queues/api/queues`, { headers })).status).toBe(401);
    }
  });

  it('serves Bull Board, its assets and the queues to the right credentials', async () => {
    const headers = basic('admin', PASSWORD);
    const page = await fetch(`${base}/admin/queues`, { headers });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/bull/i);
    expect(html).toContain('<base href="/admin/queues/"');
    const asset = html.match(/src="(static\/[^"]+\.js)"/)?.[1];
    const script = await fetch(`${base}/admin/queues/${asset}`, { headers });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);

    expect((await fetch(`${base}/admin/queues/`, { headers })).status).toBe(200);

    const api = await fetch(`${base}/admin/queues/api/queues`, { headers });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name);
    expect(names.sort()).toEqual(['poll-dash', 'publish-dash']);
  });

  it('leaves /healthz and /metrics open and unchanged', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok\n');
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
    expect((await fetch(`${base}/admin/queuesX`)).status).toBe(404);
  });

  it('never logs the password', () => {
    expect(logs.raw.join('\n')).not.toContain(PASSWORD);
  });
});

describe('queue dashboard, disabled (the default)', () => {
  let service: Service;
  let base = '';

  beforeAll(async () => {
    ({ service, base } = await start('{ enabled: false }', { WIREFEED_DASHBOARD_PASSWORD: PASSWORD }));
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('answers 404 on the dashboard path, even with the right credentials', async () => {
    const response = await fetch(`${base}/admin/queues`, { headers: basic('admin', PASSWORD) });
    expect(response.status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
