/**
 * Replays every fixture feed through the real pure pipeline and compares the articles with the
 * reviewed golden file beside it (`<case>.expected.json`). A fixture without a golden fails; run
 * with UPDATE_GOLDEN=1 to write goldens, then review them like code.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCLAIMER } from '../../src/config/index.js';
import { ingest } from '../../src/ingest.js';
import type { FeedSettings } from '../../src/model/index.js';
import { agencyByCode } from '../../src/normalise/agency.js';

const ROOT = 'fixtures/feeds';
const FETCHED_AT = new Date('2023-06-06T15:00:00Z');
const AGENCY_FOLDERS = new Set(['pti', 'ani', 'ians', 'reuters', 'ap', 'afp', 'uni']);

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return fixtureFiles(path);
      return /\.expected\.json$|\.md$/.test(name) ? [] : [path];
    });
}

function goldenPath(fixture: string): string {
  const name = basename(fixture).replace(/\.[^.]+$/, '');
  return join(dirname(fixture), `${name}.expected.json`);
}

/** The folder names the agency (fixtures/feeds/pti/…); format folders leave it to detection. */
function settingsFor(fixture: string): FeedSettings {
  const folder = basename(dirname(fixture));
  return {
    id: `fixture-${folder}`,
    agency: AGENCY_FOLDERS.has(folder) ? agencyByCode(folder).code : null,
    format: null,
    timezone: 'Asia/Kolkata',
    baseUrl: null,
    disclaimer: { key: 'default', template: DEFAULT_DISCLAIMER },
    publisherName: 'Mid-day',
  };
}

describe('golden replay of fixtures/feeds', () => {
  const fixtures = fixtureFiles(ROOT);

  it('has fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(5);
  });

  for (const fixture of fixtures) {
    it(`replays ${relative(ROOT, fixture)} to its golden articles`, () => {
      const output = ingest({
        bytes: readFileSync(fixture),
        settings: settingsFor(fixture),
        source: relative(ROOT, fixture),
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
