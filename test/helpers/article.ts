/** A hand-made article for unit tests of the stages after normalising. */
import type { Article } from '../../src/model/index.js';

export function sampleArticle(provenance: Partial<Article['provenance']> = {}): Article {
  return {
    id: 'pti-000000000000000000000001',
    version: 1,
    status: 'usable',
    agency: { code: 'PTI', name: 'Press Trust of India' },
    feedId: 'pti-world',
    sourceGuid: 'FGN25-20230606',
    url: 'https://wire.example.test/pti/world/FGN25',
    headline: 'Nepal PM to visit India next week',
    slugline: null,
    summary: null,
    bodyHtml: '<p>Kathmandu, Jun 6 (PTI) Nepal’s prime minister will travel to New Delhi next week.</p>',
    bodyText: 'Kathmandu, Jun 6 (PTI) Nepal’s prime minister will travel to New Delhi next week.',
    byline: null,
    dateline: { text: 'Kathmandu, Jun 6 (PTI)', place: 'Kathmandu' },
    language: 'en-IN',
    firstCreated: '2023-06-06T13:35:00Z',
    versionCreated: '2023-06-06T13:35:00Z',
    embargoedUntil: null,
    urgency: null,
    signals: [],
    subjects: [{ name: 'World News', uri: null }],
    media: [],
    rights: { holder: 'Press Trust of India', notice: null, usageTerms: null },
    disclaimer: null,
    provenance: {
      source: 'fixtures/feeds/pti/world.rss.xml',
      format: 'rss',
      fetchedAt: '2023-06-06T14:00:00Z',
      contentHash: 'c1:original',
      sourceVersion: null,
      dateEstimated: false,
      sourcePriority: null,
      ...provenance,
    },
  };
}
