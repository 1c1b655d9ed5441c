/** `wirefeed replay` over fixture files: NDJSON out, bad inputs reported, --publish deduplicates. */
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { flushDb, redisUrlForDb } from '../helpers/redis.js';

const PTI = 'fixtures/feeds/pti/world.rss.xml';

function events(stderr: string): Record<string, unknown>[] {
  return stderr
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('wirefeed replay', () => {
  it('prints one JSON article per line on stdout and nothing else', async () => {
    const { code, stdout, stderr } = await runCli(['replay', '--agency', 'PTI', PTI]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const articles = lines.map((l) => JSON.parse(l));
    expect(articles.map((a) => a.agency.code)).toEqual(['PTI', 'PTI', 'PTI']);
    expect(articles[0]).toMatchObject({
      version: 1,
      status: 'usable',
      provenance: { source: PTI, format: 'rss' },
    });
    expect(events(stderr).every((e) => typeof e.event === 'string')).toBe(true);
  });

  it('walks folders recursively and skips golden files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-replay-'));
    mkdirSync(join(dir, 'pti'));
    copyFileSync(PTI, join(dir, 'pti', 'world.rss.xml'));
    writeFileSync(join(dir, 'pti', 'world.rss.expected.json'), '[]');
    const { code, stdout } = await runCli(['replay', dir]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(3);
  });

  it('walks a folder once even when a symlink leads back up the tree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-replay-'));
    mkdirSync(join(dir, 'pti'));
    copyFileSync(PTI, join(dir, 'pti', 'world.rss.xml'));
    symlinkSync('..', join(dir, 'pti', 'up'));
    const { code, stdout } = await runCli(['replay', dir]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(3);
  });

  it('rejects an unreadable input with a code, keeps going, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-replay-'));
    const broken = join(dir, 'a-broken.xml');
    writeFileSync(broken, '<rss><channel><item><title>cut off');
    copyFileSync(PTI, join(dir, 'b-good.rss.xml'));
    const { code, stdout, stderr } = await runCli(['replay', dir, join(dir, 'missing.xml')]);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(3);
    const rejected = events(stderr).filter((e) => e.event === 'input.rejected');
    expect(rejected.map((e) => [e.input, e.error_code])).toEqual([
      [broken, 'PARSE_MALFORMED'],
      [join(dir, 'missing.xml'), 'INPUT_NOT_FOUND'],
    ]);
  });

  it("applies a configured feed's settings with --feed", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-replay-'));
    const config = join(dir, 'wirefeed.yaml');
    writeFileSync(
      config,
      'publisher: { name: Mid-day }\nfeeds:\n  - { id: own-desk, url: https://x.test/a.xml, agency: PTI, disclaimer: false }\n',
    );
    const { code, stdout } = await runCli(['replay', '--config', config, '--feed', 'own-desk', PTI]);
    expect(code).toBe(0);
    const article = JSON.parse(stdout.split('\n')[0] ?? '');
    expect(article).toMatchObject({ feedId: 'own-desk', agency: { code: 'PTI' }, disclaimer: null });
  });

  it('names an unknown --feed in one line', async () => {
    const { code, stderr } = await runCli(['replay', '--feed', 'nope', PTI]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^wirefeed: --feed nope: no such feed in .*default\.yaml\n$/);
  });

  it('keeps the readable items of an input and reports the unreadable one', async () => {
    const { code, stdout, stderr } = await runCli(['replay', 'fixtures/feeds/reuters/world.atom.xml']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(events(stderr).filter((e) => e.event === 'article.rejected')).toEqual([
      expect.objectContaining({ error_code: 'ITEM_INVALID', guid: 'tag:wire.example.test,2023:empty' }),
    ]);
  });

  it('prints IPTC ninjs with --format ninjs', async () => {
    const { code, stdout } = await runCli(['replay', '--agency', 'PTI', '--format', 'ninjs', PTI]);
    expect(code).toBe(0);
    const first = JSON.parse(stdout.split('\n')[0] ?? '');
    expect(first.uri).toMatch(/^urn:wirefeed:article:pti-/);
    expect(first.infoSources).toEqual([{ name: 'Press Trust of India', literal: 'PTI', role: 'originfo' }]);
    expect(first.descriptions).toContainEqual(expect.objectContaining({ role: 'disclaimer' }));
  });

  it('queues through dedup with --publish, and queues nothing when replayed again', async () => {
    const url = redisUrlForDb(2);
    await flushDb(url);
    const env = { REDIS_URL: url };
    const first = await runCli(['replay', '--publish', '--agency', 'PTI', PTI], { env });
    expect(first.code).toBe(0);
    expect(events(first.stderr).filter((e) => e.event === 'article.queued')).toHaveLength(3);
    const second = await runCli(['replay', '--publish', '--agency', 'PTI', PTI], { env });
    expect(second.code).toBe(0);
    expect(events(second.stderr).filter((e) => e.event === 'article.queued')).toHaveLength(0);
    const completed = events(second.stderr).find((e) => e.event === 'input.completed');
    expect(completed?.items).toMatchObject({ seen: 3, new: 0, unchanged: 3 });
  });
});
