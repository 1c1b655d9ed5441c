import { describe, expect, it } from 'vitest';
import { parseBytes, parseDuration } from '../../src/config/index.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1.5s', 1_500],
    [' 10s ', 10_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '5', '5 m', 'm', '5M', '1w', '-5s', 'five minutes', '1h 30m', 'PT5M'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );
});

describe('parseBytes', () => {
  it.each([
    ['64MB', 64 * 1024 ** 2],
    ['512KB', 512 * 1024],
    ['1GiB', 1024 ** 3],
    ['1.5kb', 1536],
    ['100B', 100],
    [4096, 4096],
  ] as const)('reads %j as %d bytes', (value, bytes) => {
    expect(parseBytes(value)).toBe(bytes);
  });

  it.each(['64', 'MB', '64 TB', '0MB', '', -1, 0, 1.5])('rejects %j', (value) => {
    expect(parseBytes(value)).toBeNull();
  });
});
