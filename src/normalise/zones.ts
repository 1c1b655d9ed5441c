/**
 * Time-zone arithmetic without a library: the offset of an IANA zone at an instant, read back from
 * Intl.DateTimeFormat, and the instant at which a zone's wall clock shows a given time.
 */

/** Zone abbreviations that mean one thing (minutes east of UTC). `IST` is handled in dates.ts. */
export const NAMED_ZONES: Readonly<Record<string, number>> = {
  GMT: 0,
  UT: 0,
  UTC: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CET: 60,
  CEST: 120,
  PKT: 300,
  NPT: 345,
  SGT: 480,
  HKT: 480,
  JST: 540,
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Minutes east of UTC in `zone` at `instant` (ms). An unknown zone counts as UTC. */
export function zoneOffset(zone: string, instant: number): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(zone).formatToParts(new Date(instant));
  } catch {
    return 0;
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return Math.round((asUtc - whole) / 60_000);
}

/**
 * The instant at which `zone`'s clock reads `wall` (a wall time encoded as if it were UTC).
 * Two passes, as in Luxon: guess with the offset at the wall time, re-check at the guess. In a
 * spring-forward gap the time is moved forward by the gap; in a fall-back overlap the earlier
 * (daylight) instant is chosen.
 */
export function wallTimeToUtc(wall: number, zone: string): number {
  const o1 = zoneOffset(zone, wall);
  const guess = wall - o1 * 60_000;
  const o2 = zoneOffset(zone, guess);
  if (o1 === o2) return guess;
  const second = guess - (o2 - o1) * 60_000;
  const o3 = zoneOffset(zone, second);
  if (o2 === o3) return second;
  return wall - Math.min(o2, o3) * 60_000;
}
