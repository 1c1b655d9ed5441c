/**
 * Replays every fixture feed through the real pure pipeline and compares the articles with the
 * reviewed golden file beside it (`<case>.expected.json`). A fixture without a golden fails; run
 * with UPDATE_GOLDEN=1 to write goldens, then review them like code.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest.js';
import { FIXTURE_ROOT, fixtureFeeds, fixtureSettings } from '../helpers/fixture-feeds.js';

const FETCHED_AT = new Date('2023-06-06T15:00:00Z');

function goldenPath(fixture: string): string {
  const name = basename(fixture).replace(/\.[^.]+$/, '');
  return join(dirname(fixture), `${name}.expected.json`);
}

describe('golden replay of fixtures/feeds', () => {
  const fixtures = fixtureFeeds();

  it('has fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(5);
  });

  for (const fixture of fixtures) {
    it(`replays ${relative(FIXTURE_ROOT, fixture)} to its golden articles`, () => {
      const output = ingest({
        bytes: readFileSync(fixture),
        settings: fixtureSettings(fixture),
        source: relative(FIXTURE_ROOT, fixture),
        contentType: null,
        fetchedAt: FETCHED_AT,
      });
      const actual = { format: output.format, rejected: output.rejected, articles: output.articles };
      const golden = goldenPath(fixture);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
      expect(existsSync(golden), `missing golden ${golden}: run UPDATE_GOLDEN=1 npm test and review it`).toBe(
        true,
      );
      expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});
