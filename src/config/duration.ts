/** Human-friendly durations ("1h30m") and byte sizes ("64MB") as they are written in config files. */

const DURATION_UNITS_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** One or more `<number><unit>` parts, e.g. `500ms`, `1h30m`, `1.5h`. Also the JSON Schema pattern. */
export const DURATION_PATTERN = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/** Milliseconds for a duration like "500ms", "30s", "5m", "1h30m" or "2d"; null when it is not one. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (!DURATION_PATTERN.test(trimmed)) return null;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(DURATION_PART)) {
    total += Number(amount) * DURATION_UNITS_MS[unit as keyof typeof DURATION_UNITS_MS];
  }
  return Math.round(total);
}

/**
 * Byte sizes: a plain number of bytes, or `<number><unit>` with B, KB, MB, GB (or KiB, MiB, GiB).
 * Units are binary either way — "64MB" is the 64 MiB default — because that is what people mean
 * when they cap a download, and one meaning per spelling avoids surprises.
 */
export const SIZE_PATTERN = /^\d+(?:\.\d+)?\s?(?:[kmg]i?)?b$/i;
const SIZE_SCALE = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as const;

/** Bytes for `64MB`, `512KB`, `1.5GiB` or `1000B`; numbers pass through. Null when not a size. */
export function parseBytes(value: string | number): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  const trimmed = value.trim();
  if (!SIZE_PATTERN.test(trimmed)) return null;
  const match = /^([\d.]+)\s?([kmg]?)/i.exec(trimmed);
  if (match === null) return null;
  const scale = SIZE_SCALE[(match[2] ?? '').toLowerCase() as keyof typeof SIZE_SCALE];
  const bytes = Math.round(Number(match[1]) * scale);
  return bytes > 0 ? bytes : null;
}
