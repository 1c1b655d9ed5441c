/** Every fixture feed under fixtures/feeds/, and the settings the golden replay uses for it. */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_DISCLAIMER } from '../../src/config/index.js';
import type { FeedSettings } from '../../src/model/index.js';
import { agencyByCode } from '../../src/normalise/agency.js';

export const FIXTURE_ROOT = 'fixtures/feeds';
const AGENCY_FOLDERS = new Set(['pti', 'ani', 'ians', 'reuters', 'ap', 'afp', 'uni']);

export function fixtureFeeds(dir = FIXTURE_ROOT): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return fixtureFeeds(path);
      return /\.expected\.json$|\.md$/.test(name) ? [] : [path];
    });
}

/** The folder names the agency (fixtures/feeds/pti/…); format folders leave it to detection. */
export function fixtureSettings(fixture: string): FeedSettings {
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
