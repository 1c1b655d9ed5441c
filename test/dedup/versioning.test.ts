import { describe, expect, it } from 'vitest';
import { compareSourceVersions } from '../../src/dedup/source-version.js';
import { type DecideContext, decide, type SeenState, versioned } from '../../src/dedup/versioning.js';
import type { Article } from '../../src/model/index.js';
import { sampleArticle } from '../helpers/article.js';

const NOW: DecideContext = { now: '2023-06-06T15:00:00Z', maxAgeMs: 48 * 3600_000 };

const seen = (overrides: Partial<SeenState> = {}): SeenState => ({
  version: 1,
  contentHash: 'c1:same',
  firstSeen: '2023-06-06T12:00:00Z',
  sourceVersion: null,
  killed: false,
  ...overrides,
});

function article(hash: string, extra: Partial<Article> = {}, sourceVersion: string | null = null): Article {
  return { ...sampleArticle({ contentHash: hash, sourceVersion }), ...extra };
}

describe('decide', () => {
  it('publishes an article it has never seen as version 1 and remembers it', () => {
    expect(decide(null, article('c1:a'), NOW)).toMatchObject({
      kind: 'queue',
      action: 'publish',
      version: 1,
      remember: { version: 1, contentHash: 'c1:a', firstSeen: NOW.now, killed: false },
    });
  });

  it('skips an article whose content hash is unchanged', () => {
    expect(decide(seen(), article('c1:same'), NOW)).toMatchObject({ kind: 'skip', reason: 'unchanged' });
  });

  it('re-baselines a hash of an older scheme instead of queueing an update', () => {
    const decision = decide(seen({ version: 3, contentHash: 'c0:old' }), article('c1:new'), NOW);
    expect(decision).toMatchObject({
      kind: 'skip',
      reason: 'rehashed',
      remember: { version: 3, contentHash: 'c1:new', firstSeen: '2023-06-06T12:00:00Z', killed: false },
    });
    expect(decide(seen({ version: 3, contentHash: 'c1:new' }), article('c1:changed'), NOW)).toMatchObject({
      kind: 'queue',
      action: 'update',
    });
  });

  it('queues changed content as an update with the next version', () => {
    expect(decide(seen({ version: 3 }), article('c1:changed'), NOW)).toMatchObject({
      kind: 'queue',
      action: 'update',
      version: 4,
    });
  });

  it('ignores a late copy whose source version is older or equal, even with other content', () => {
    const previous = seen({ sourceVersion: '3' });
    expect(decide(previous, article('c1:other', {}, '2'), NOW)).toMatchObject({
      kind: 'skip',
      reason: 'stale',
    });
    expect(decide(previous, article('c1:other', {}, '3'), NOW)).toMatchObject({
      kind: 'skip',
      reason: 'stale',
    });
    expect(decide(previous, article('c1:other', {}, '4'), NOW)).toMatchObject({ kind: 'queue', version: 2 });
  });

  it('queues a kill with the next version and leaves a tombstone', () => {
    expect(decide(seen(), article('c1:killed', { status: 'canceled' }), NOW)).toMatchObject({
      kind: 'queue',
      action: 'kill',
      version: 2,
      remember: { killed: true, version: 2 },
    });
  });

  it('never publishes a tombstoned article again, whatever version arrives', () => {
    const tomb = seen({ killed: true, version: 2 });
    expect(decide(tomb, article('c1:new', {}, '99'), NOW)).toEqual({
      kind: 'skip',
      reason: 'killed',
      remember: null,
    });
  });

  it('remembers a kill for a story it never published, so a later copy is not published', () => {
    const decision = decide(null, article('c1:x', { status: 'canceled' }), NOW);
    expect(decision).toMatchObject({
      kind: 'skip',
      reason: 'kill_unknown',
      remember: { killed: true, version: 0 },
    });
  });

  it('holds withheld copy back without remembering it', () => {
    expect(decide(null, article('c1:x', { status: 'withheld' }), NOW)).toEqual({
      kind: 'skip',
      reason: 'withheld',
      remember: null,
    });
  });

  it('remembers but does not queue an item older than maxAge on first sight', () => {
    const old = article('c1:old', { versionCreated: '2023-06-01T00:00:00Z' });
    expect(decide(null, old, NOW)).toMatchObject({
      kind: 'skip',
      reason: 'backfill',
      remember: { version: 0 },
    });
  });

  it('publishes (not updates) a remembered backfill item when it changes', () => {
    expect(decide(seen({ version: 0 }), article('c1:changed'), NOW)).toMatchObject({
      action: 'publish',
      version: 1,
    });
  });

  it('never treats an estimated date as old', () => {
    const undated = {
      ...sampleArticle({ contentHash: 'c1:x', dateEstimated: true }),
      versionCreated: '2000-01-01T00:00:00Z',
    };
    expect(decide(null, undated, NOW)).toMatchObject({ kind: 'queue', action: 'publish' });
  });
});

describe('compareSourceVersions', () => {
  it('compares counters numerically and dotted versions part by part', () => {
    expect(compareSourceVersions('10', '9')).toBe(1);
    expect(compareSourceVersions('1.2', '1.10')).toBe(-1);
    expect(compareSourceVersions('2', '2.0')).toBe(0);
  });

  it('compares ISO times, and refuses to compare markers of different kinds', () => {
    expect(compareSourceVersions('2023-06-06T10:00:00Z', '2023-06-06T09:00:00Z')).toBe(1);
    expect(compareSourceVersions('3', '2023-06-06T09:00:00Z')).toBeNull();
    expect(compareSourceVersions(null, '3')).toBeNull();
  });
});

describe('versioned', () => {
  it('keeps the first-seen time for an article whose date was estimated', () => {
    const queued = versioned(
      sampleArticle({ dateEstimated: true }),
      2,
      seen({ firstSeen: '2023-06-01T00:00:00Z' }),
    );
    expect(queued).toMatchObject({ version: 2, firstCreated: '2023-06-01T00:00:00Z' });
  });

  it('keeps the source dates of an article that has them', () => {
    const source = sampleArticle();
    expect(versioned(source, 2, seen({ firstSeen: '2023-06-01T00:00:00Z' })).firstCreated).toBe(
      source.firstCreated,
    );
  });
});
