import { describe, expect, it } from 'vitest';
import { isCorrectionNotice, isKillNotice } from '../../src/normalise/notices.js';

describe('isKillNotice', () => {
  it('reads the headline conventions agencies use to withdraw a story', () => {
    for (const headline of [
      'KILL: Talks resume',
      'KILL - Talks resume',
      'MANDATORY KILL: Story FGN7',
      'WITHDRAWN-Oil prices rise',
      'WITHDRAWAL: duplicate story',
      'ELIMINATION: Paris story',
      'Kill: Talks resume',
    ]) {
      expect(isKillNotice(headline), headline).toBe(true);
    }
  });

  it('leaves headlines that only start with the word alone', () => {
    for (const headline of [
      'Kill the bill, says opposition',
      'KILLER whale spotted off Kerala',
      'Kill-switch law passed',
      'KILL-SWITCH LAW PASSED',
      'Withdrawn troops return home',
      'WITHDRAWN FROM RACE, SAYS CANDIDATE',
    ]) {
      expect(isKillNotice(headline), headline).toBe(false);
    }
  });
});

describe('isCorrectionNotice', () => {
  it('reads a corrected copy from its headline, and only from a set-off prefix', () => {
    expect(isCorrectionNotice('CORRECTED-Oil prices rise')).toBe(true);
    expect(isCorrectionNotice('CORRECTION: Talks resume')).toBe(true);
    expect(isCorrectionNotice('Correction sought in voter rolls')).toBe(false);
    expect(isCorrectionNotice('CORRECTIONAL HOME INSPECTED')).toBe(false);
  });
});
