/** `wirefeed poll` and `wirefeed status` against the suite's Redis. */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTempConfig } from '../config/temp-config.js';
import { runCli } from '../helpers/cli.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const URL = redisUrlForDb(7);
const env = { REDIS_URL: URL };
let config = '';

beforeAll(async () => {
  await flushDb(URL);
  config = writeTempConfig(
    [
      'publisher: { name: Mid-day }',
      'feeds:',
      `  - { id: pti-world, url: "${resolve('fixtures/feeds/pti/world.rss.xml')}", agency: PTI, maxAge: 0s }`,
      `  - { id: missing, url: "${resolve('fixtures/feeds/nope.xml')}", agency: PTI }`,
    ].join('\n'),
  );
});

describe('wirefeed poll and status', () => {
  it('polls one feed now and exits 0', async () => {
    const { code, stdout } = await runCli(['poll', 'pti-world', '--config', config], { env });
    expect(code).toBe(0);
    const events = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).event);
    expect(events).toContain('poll.completed');
    expect(events.filter((e) => e === 'article.queued')).toHaveLength(3);
  });

  it('exits non-zero with the error code logged when the poll fails', async () => {
    const { code, stdout } = await runCli(['poll', 'missing', '--config', config], { env });
    expect(code).toBe(1);
    expect(stdout).toMatch(/"event":"feed.failed".*"error_code":"INPUT_NOT_FOUND"/);
  });

  it('names an unknown feed in one line', async () => {
    const { code, stderr } = await runCli(['poll', 'nope', '--config', config], { env });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^wirefeed: no feed "nope" in .*; feeds: pti-world, missing\n$/);
  });

  it("prints every feed's state", async () => {
    const { code, stdout } = await runCli(['status', '--json', '--config', config], { env });
    expect(code).toBe(0);
    const rows = JSON.parse(stdout);
    expect(rows).toEqual([
      expect.objectContaining({
        feed_id: 'pti-world',
        last_success_at: expect.stringMatching(/Z$/),
        consecutive_failures: 0,
        articles_24h: 3,
      }),
      expect.objectContaining({
        feed_id: 'missing',
        last_error_code: 'INPUT_NOT_FOUND',
        consecutive_failures: 1,
      }),
    ]);
    const table = await runCli(['status', '--config', config], { env });
    expect(table.stdout.split('\n')[0]).toMatch(
      /^FEED\s+LAST POLL\s+LAST SUCCESS\s+ERROR\s+FAILS\s+NEXT POLL\s+24H$/,
    );
  });
});
