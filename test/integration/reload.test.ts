/** Config reload (what SIGHUP does): job schedulers follow the config without a restart. */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Service, startService } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createPollQueue } from '../../src/scheduler/poll-scheduler.js';
import { writeTempConfig } from '../config/temp-config.js';
import { captureLogs } from '../helpers/log-capture.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const URL = redisUrlForDb(10);
const PTI = resolve('fixtures/feeds/pti/world.rss.xml');
const ANI = resolve('fixtures/feeds/ani/national.rss.xml');

function config(feeds: string[]) {
  const file = writeTempConfig(
    [
      'publisher: { name: Mid-day }',
      `redis: { url: "${URL}" }`,
      'queue: { pollQueue: poll-reload }',
      'http: { port: 0 }',
      'feeds:',
      ...feeds,
    ].join('\n'),
  );
  return loadConfig({ file, env: {} });
}

describe('reloading the config', () => {
  let service: Service;
  const logs = captureLogs();

  beforeAll(async () => {
    await flushDb(URL);
    service = await startService(
      config([
        `  - { id: pti, url: "${PTI}", interval: 1h }`,
        `  - { id: ani, url: "${ANI}", interval: 1h }`,
      ]),
      logs.logger,
    );
  });

  afterAll(async () => {
    await service?.stop();
  });

  async function schedulers() {
    const queue = createPollQueue(service.runtime.backends.redis, 'poll-reload');
    const list = await queue.getJobSchedulers(0, -1);
    return Object.fromEntries(list.map((s) => [s.key, s.every ?? s.pattern]));
  }

  it('adds, removes and reschedules feeds, and polls an added one through the new settings', async () => {
    expect(await schedulers()).toEqual({ pti: 3_600_000, ani: 3_600_000 });
    await service.reload(
      config([
        `  - { id: pti, url: "${PTI}", interval: 10m }`,
        `  - { id: ians, url: "${resolve('fixtures/feeds/ians/national.rss.xml')}", agency: IANS, cron: "*/15 * * * *" }`,
      ]),
    );
    expect(await schedulers()).toEqual({ pti: 600_000, ians: '*/15 * * * *' });
    expect(logs.events('config.reloaded')).toEqual([
      expect.objectContaining({ feeds: 2, schedulers_removed: ['ani'] }),
    ]);
    expect((await service.poll('ians'))?.feedId).toBe('ians');
    expect(await service.poll('ani')).toBeNull();
  });
});
