import { describe, expect, it } from 'vitest';
import { urgencyFromPriority } from '../../src/normalise/urgency.js';

describe('urgencyFromPriority', () => {
  it('maps agency priority words: flash 1, bulletin 2, urgent 3, routine 5, deferred 7', () => {
    expect(
      ['FLASH', 'Bulletin', 'URGENT', 'routine', 'Deferred'].map((p) => urgencyFromPriority(p, 'PTI')),
    ).toEqual([1, 2, 3, 5, 7]);
  });

  it('reads the ANPA single-letter codes', () => {
    expect(['f', 'b', 'u', 'r', 'd'].map((p) => urgencyFromPriority(p, 'AP'))).toEqual([1, 2, 3, 5, 7]);
  });

  it("keeps an IPTC 1–9 number, but reads AFP's 1–4 scale as AFP means it", () => {
    expect(urgencyFromPriority('3', 'REUTERS')).toBe(3);
    expect(urgencyFromPriority('4', 'AFP')).toBe(5);
    expect(urgencyFromPriority('1', 'AFP')).toBe(1);
  });

  it('gives null for nothing, out-of-range numbers and unknown words', () => {
    expect(urgencyFromPriority(null, 'PTI')).toBeNull();
    expect(urgencyFromPriority('12', 'PTI')).toBeNull();
    expect(urgencyFromPriority('whenever', 'PTI')).toBeNull();
  });
});
