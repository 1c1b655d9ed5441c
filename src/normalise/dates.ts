/**
 * Feed date strings → instants. Handles ISO 8601/W3CDTF (and the compact `20230606T182300+0530`),
 * RFC 822/2822 in its many broken forms, and Indian desk strings (`06 June,2023 06:23 PM IST`).
 * Zone-less times are wall-clock times in the feed's IANA zone. Never throws: unreadable → null.
 */
import { NAMED_ZONES, wallTimeToUtc } from './zones.js';

/** `YYYY-MM-DD[THH[:mm[:ss[.fff]]]][zone]`, separators optional (basic format). */
const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const MONTH_NAMES = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
];
const MONTHS = new Map(MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const WEEKDAYS = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|rsday|urday)?\.?$/i;
/** Desk strings add these around the time: `18:23 hrs IST`, `Updated on: …`. */
const FILLER = new Set(['hrs', 'hours', 'at', 'on', 'updated', 'updated:', 'published', 'published:']);

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Minutes east of UTC; null = wall time in the feed zone. */
  offset: number | null;
  /** `IST`: India unless the feed zone says Ireland or Israel. */
  ist: boolean;
}

export function parseDate(raw: string | null, timezone: string): Date | null {
  const text = raw?.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  if (/^\d{10}(\d{3})?$/.test(text)) return epoch(text);
  const order = numericOrder(timezone);
  const fields = parseFields(text, order) ?? parseFields(tidy(text), order);
  return fields === null ? null : toInstant(fields, timezone);
}

/**
 * How `05/06/2023` reads when neither number can only be a day: month first for feeds set to an
 * American zone (US and Canadian sites write month/day), day first everywhere else, India included.
 */
type NumericOrder = 'day-first' | 'month-first';

function numericOrder(timezone: string): NumericOrder {
  return /^(America|US|Canada)\//.test(timezone) ? 'month-first' : 'day-first';
}

function parseFields(text: string, order: NumericOrder): Fields | null {
  const fields = parseIso(text) ?? parseWords(text, order);
  return fields !== null && isValid(fields) ? fields : null;
}

/** Unix time in seconds or milliseconds, as some JSON producers send it; only plausible years. */
function epoch(text: string): Date | null {
  const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(ms) : null;
}

/**
 * Second chance for strings real feeds produce from code rather than a spec: JavaScript's
 * `Date#toString` ("… GMT+0530 (India Standard Time)") and slashed ISO dates ("2023/06/06 10:00").
 */
function tidy(text: string): string {
  return text
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/\b(?:GMT|UTC)([+-]\d{2}:?\d{2})$/i, '$1')
    .replace(
      /^(\d{4})\/(\d{1,2})\/(\d{1,2})/,
      (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
    );
}

/** `YYYY-MM-DDTHH:mm:ssZ`, UTC, no milliseconds: the article contract's date form. */
export function formatUtc(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

function parseIso(text: string): Fields | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  return {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    ms: frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0,
    offset: zone ? numericOffset(zone.toUpperCase() === 'Z' ? '+00:00' : zone) : null,
    ist: false,
  };
}

/**
 * RFC 822 and desk strings, read token by token in any order: weekday (ignored), day, month name,
 * year (2-digit years: 00–49 → 20xx, per RFC 2822 §4.3), time with optional AM/PM, zone; or a
 * numeric date (`28-11-2026`, `28/11/2026`, `28.11.2026`, `2026-11-28`) in place of the first three.
 * An unknown word makes the whole string unreadable rather than guessed at.
 */
function parseWords(text: string, order: NumericOrder): Fields | null {
  const f: Fields = {
    year: -1,
    month: -1,
    day: -1,
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
    offset: null,
    ist: false,
  };
  let meridiem: 'am' | 'pm' | null = null;
  let hasTime = false;
  // `06-Jun-2023` and RFC 2822 comments `(IST)` read like their spaced, bare forms.
  const spaced = text.replace(/[,()]/g, ' ').replace(/\b(\d{1,2})-([a-z]{3,9})-(\d{2,4})\b/gi, '$1 $2 $3');
  for (const token of spaced.split(' ')) {
    if (token === '' || WEEKDAYS.test(token) || FILLER.has(token.toLowerCase())) continue;
    const time = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?(am|pm)?$/i.exec(token);
    const month = MONTHS.get(token.toLowerCase().replace(/\.$/, ''));
    const upper = token.toUpperCase().replace(/\./g, '');
    const numericDate = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(token);
    const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/.exec(token);
    if (time && !hasTime) {
      [f.hour, f.minute, f.second] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
      meridiem = (time[4]?.toLowerCase() as 'am' | 'pm' | undefined) ?? null;
      hasTime = true;
    } else if (numericDate && f.day < 0 && f.month < 0 && f.year < 0) {
      const [a, b] = [Number(numericDate[1]), Number(numericDate[3])];
      const dayFirst = a > 12 || (b <= 12 && order === 'day-first');
      [f.day, f.month, f.year] = [dayFirst ? a : b, dayFirst ? b : a, Number(numericDate[4])];
    } else if (isoDate && f.day < 0 && f.month < 0 && f.year < 0) {
      [f.year, f.month, f.day] = [Number(isoDate[1]), Number(isoDate[2]), Number(isoDate[3])];
    } else if (upper === 'AM' || upper === 'PM') {
      meridiem = upper === 'AM' ? 'am' : 'pm';
    } else if (month !== undefined && f.month < 0) {
      f.month = month;
    } else if (/^\d{4}$/.test(token) && f.year < 0) {
      f.year = Number(token);
    } else if (/^\d{1,2}(st|nd|rd|th)?$/i.test(token) && f.day < 0) {
      f.day = Number.parseInt(token, 10);
    } else if (/^\d{2}$/.test(token) && f.year < 0) {
      f.year = Number(token) + (Number(token) < 50 ? 2000 : 1900);
    } else if (!readZone(token, f, hasTime)) {
      return null;
    }
  }
  if (meridiem !== null) f.hour = (f.hour % 12) + (meridiem === 'pm' ? 12 : 0);
  return f.year < 0 || f.month < 0 || f.day < 0 ? null : f;
}

/** Numeric offsets, `GMT+05:30`, named zones, `IST`, and military letters (after the time only). */
function readZone(token: string, f: Fields, hasTime: boolean): boolean {
  const upper = token.toUpperCase();
  const numeric = /^(?:GMT|UTC|UT)?([+-]\d{1,2}(?::?\d{2})?)$/.exec(upper);
  if (numeric?.[1]) {
    f.offset = numericOffset(numeric[1]);
    return f.offset !== null;
  }
  if (upper === 'IST') {
    f.ist = true;
    return true;
  }
  const named = NAMED_ZONES[upper];
  if (named !== undefined) {
    f.offset = named;
    return true;
  }
  // RFC 2822 §4.3: military zones other than Z were used inconsistently; treat them as UTC.
  if (hasTime && /^[A-IK-Z]$/.test(upper)) {
    f.offset = 0;
    return true;
  }
  return false;
}

/** `+0530`, `+05:30`, `-05`, `+5` → minutes east of UTC. */
function numericOffset(zone: string): number | null {
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (m === null) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return minutes > 14 * 60 ? null : (m[1] === '-' ? -1 : 1) * minutes;
}

function isValid(f: Fields): boolean {
  const date = new Date(Date.UTC(f.year, f.month - 1, f.day));
  return (
    f.year >= 1900 &&
    f.year <= 2999 &&
    date.getUTCMonth() === f.month - 1 &&
    date.getUTCDate() === f.day &&
    f.hour < 24 &&
    f.minute < 60 &&
    f.second <= 60
  );
}

function toInstant(f: Fields, timezone: string): Date {
  // A leap second (`:60`) is read as :59; JavaScript dates have no leap seconds.
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, Math.min(f.second, 59), f.ms);
  if (f.offset !== null) return new Date(wall - f.offset * 60_000);
  return new Date(wallTimeToUtc(wall, f.ist ? istZone(timezone) : timezone));
}

/**
 * `IST` is India, Ireland or Israel Standard Time. When the feed's zone is Irish or Israeli the
 * string means that zone's wall clock; otherwise India (+05:30), by far the common case for wires.
 */
const IST_ZONES = new Set(['Europe/Dublin', 'Eire', 'Asia/Jerusalem', 'Asia/Tel_Aviv', 'Israel']);

function istZone(timezone: string): string {
  return IST_ZONES.has(timezone) ? timezone : 'Asia/Kolkata';
}
