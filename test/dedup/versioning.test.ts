import { describe, expect, it } from 'vitest';
import { decide, type SeenState, versioned } from '../../src/dedup/versioning.js';
import { sampleArticle } from '../helpers/article.js';

const seen = (overrides: Partial<SeenState> = {}): SeenState => ({
  version: 1,
  contentHash: 'c1:same',
  firstSeen: '2023-06-06T12:00:00Z',
  ...overrides,
});

describe('decide', () => {
  it('publishes an article it has never seen as version 1', () => {
    expect(decide(null, sampleArticle())).toEqual({ kind: 'queue', action: 'publish', version: 1 });
  });

  it('skips an article whose content hash is unchanged', () => {
    const article = sampleArticle({ contentHash: 'c1:same' });
    expect(decide(seen(), article)).toEqual({ kind: 'skip', reason: 'unchanged' });
  });

  it('queues changed content as an update with the next version', () => {
    const article = sampleArticle({ contentHash: 'c1:changed' });
    expect(decide(seen({ version: 3 }), article)).toEqual({ kind: 'queue', action: 'update', version: 4 });
  });

  it('queues a kill when a published article is canceled', () => {
    const article = { ...sampleArticle({ contentHash: 'c1:killed' }), status: 'canceled' as const };
    expect(decide(seen(), article)).toEqual({ kind: 'queue', action: 'kill', version: 2 });
  });

  it('does not publish a kill for a story it never published', () => {
    const article = { ...sampleArticle(), status: 'canceled' as const };
    expect(decide(null, article)).toEqual({ kind: 'skip', reason: 'kill_unknown' });
  });

  it('holds withheld copy back', () => {
    const article = { ...sampleArticle(), status: 'withheld' as const };
    expect(decide(null, article)).toEqual({ kind: 'skip', reason: 'withheld' });
  });
});

describe('versioned', () => {
  it('keeps the first-seen time for an article whose date was estimated', () => {
    const article = sampleArticle({ dateEstimated: true });
    const queued = versioned(article, 2, seen({ firstSeen: '2023-06-01T00:00:00Z' }));
    expect(queued).toMatchObject({ version: 2, firstCreated: '2023-06-01T00:00:00Z' });
  });

  it('keeps the source dates of an article that has them', () => {
    const article = sampleArticle();
    expect(versioned(article, 2, seen({ firstSeen: '2023-06-01T00:00:00Z' })).firstCreated).toBe(
      article.firstCreated,
    );
  });
});
