import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/dedup/content-hash.js';
import { articleId, type IdentitySource } from '../../src/dedup/identity.js';
import { sampleArticle } from '../helpers/article.js';

const source = (overrides: Partial<IdentitySource> = {}): IdentitySource => ({
  agencyCode: 'PTI',
  feedId: 'pti-world',
  sourceGuid: 'FGN25-20230606',
  url: 'https://wire.example.test/pti/world/FGN25',
  headline: 'Islamabad turns down talks',
  sourceDate: '2023-06-06T12:53:00Z',
  ...overrides,
});

describe('articleId', () => {
  it('is the same for the same PTI story carried by two PTI feeds', () => {
    expect(articleId(source({ feedId: 'pti-world' }))).toBe(articleId(source({ feedId: 'pti-national' })));
  });

  it('differs between agencies that happen to share a guid', () => {
    expect(articleId(source({ agencyCode: 'PTI' }))).not.toBe(articleId(source({ agencyCode: 'ANI' })));
  });

  it('is scoped to the feed when the feed has no agency', () => {
    const a = articleId(source({ agencyCode: null, feedId: 'one' }));
    expect(a).not.toBe(articleId(source({ agencyCode: null, feedId: 'two' })));
    expect(a).toMatch(/^one-[0-9a-f]{24}$/);
  });

  it('falls back to the link without tracking parameters when there is no guid', () => {
    const plain = articleId(source({ sourceGuid: null, url: 'https://wire.example.test/a' }));
    const tracked = articleId(
      source({ sourceGuid: null, url: 'https://WIRE.example.test/a?utm_source=x#top' }),
    );
    expect(tracked).toBe(plain);
  });

  it('falls back to headline and source date when there is neither guid nor link', () => {
    const a = articleId(source({ sourceGuid: null, url: null }));
    expect(
      articleId(source({ sourceGuid: null, url: null, headline: '  ISLAMABAD TURNS DOWN TALKS ' })),
    ).toBe(a);
    expect(articleId(source({ sourceGuid: null, url: null, sourceDate: '2023-06-07T00:00:00Z' }))).not.toBe(
      a,
    );
  });

  it('never contains a colon, which BullMQ forbids in job ids', () => {
    expect(articleId(source({ agencyCode: 'A:B' }))).not.toContain(':');
  });
});

describe('contentHash', () => {
  it('ignores provenance, feed id and disclaimer', () => {
    const article = sampleArticle();
    const moved = { ...article, feedId: 'other', disclaimer: { key: 'default', text: 'x' } };
    expect(contentHash(moved)).toBe(contentHash(article));
  });

  it('changes when the body changes, and carries its scheme version', () => {
    const article = sampleArticle();
    const corrected = { ...article, bodyHtml: `${article.bodyHtml}<p>Corrects name.</p>` };
    expect(contentHash(corrected)).not.toBe(contentHash(article));
    expect(contentHash(article)).toMatch(/^c1:/);
  });
});
