import { describe, expect, it } from 'vitest';
import { formatUtc, parseDate } from '../../src/normalise/dates.js';

const KOLKATA = 'Asia/Kolkata';

function utc(raw: string | null, timezone = KOLKATA): string | null {
  const d = parseDate(raw, timezone);
  return d === null ? null : formatUtc(d);
}

describe('parseDate: RFC 822', () => {
  it('reads a full RFC 822 date with a numeric offset', () => {
    expect(utc('Tue, 06 Jun 2023 18:23:00 +0530')).toBe('2023-06-06T12:53:00Z');
  });

  it('reads a date without a weekday', () => {
    expect(utc('06 Jun 2023 18:23:00 GMT')).toBe('2023-06-06T18:23:00Z');
  });

  it('reads a two-digit year and missing seconds', () => {
    expect(utc('Tue, 6 Jun 23 18:23 GMT')).toBe('2023-06-06T18:23:00Z');
  });

  it('reads two-digit years from 50 as 19xx', () => {
    expect(utc('Sat, 01 Jan 99 00:00:00 GMT')).toBe('1999-01-01T00:00:00Z');
  });

  it.each([
    ['UT', '18:23'],
    ['UTC', '18:23'],
    ['Z', '18:23'],
    ['EST', '23:23'],
    ['EDT', '22:23'],
    ['CST', '00:23'],
    ['CDT', '23:23'],
    ['MST', '01:23'],
    ['MDT', '00:23'],
    ['PST', '02:23'],
    ['PDT', '01:23'],
  ])('reads the named zone %s', (zone, time) => {
    const day = time < '18:23' ? '07' : '06';
    expect(utc(`06 Jun 2023 18:23:00 ${zone}`)).toBe(`2023-06-${day}T${time}:00Z`);
  });

  it('treats military zones other than Z as UTC (RFC 2822 §4.3)', () => {
    expect(utc('06 Jun 2023 18:23:00 A')).toBe('2023-06-06T18:23:00Z');
  });

  it('reads an offset with a colon and a GMT prefix', () => {
    expect(utc('Tue, 06 Jun 2023 18:23:00 GMT+05:30')).toBe('2023-06-06T12:53:00Z');
  });

  it('ignores an RFC 2822 comment after the zone', () => {
    expect(utc('Tue, 06 Jun 2023 18:23:00 +0530 (IST)')).toBe('2023-06-06T12:53:00Z');
  });

  it('reads full weekday and month names', () => {
    expect(utc('Tuesday, 06 June 2023 18:23:00 +0000')).toBe('2023-06-06T18:23:00Z');
  });
});

describe('parseDate: ISO 8601 and W3CDTF', () => {
  it('reads a full timestamp with an offset', () => {
    expect(utc('2023-06-06T18:23:00+05:30')).toBe('2023-06-06T12:53:00Z');
  });

  it('reads fractional seconds and Z', () => {
    expect(parseDate('2023-06-06T12:53:00.123Z', KOLKATA)?.toISOString()).toBe('2023-06-06T12:53:00.123Z');
  });

  it('reads a time without seconds', () => {
    expect(utc('2023-06-06T18:23Z')).toBe('2023-06-06T18:23:00Z');
  });

  it('reads a zone-less time in the feed timezone', () => {
    expect(utc('2023-06-06T18:23:00')).toBe('2023-06-06T12:53:00Z');
  });

  it('reads a date alone as midnight in the feed timezone', () => {
    expect(utc('2023-06-06')).toBe('2023-06-05T18:30:00Z');
  });

  it('reads the compact basic format', () => {
    expect(utc('20230606T182300+0530')).toBe('2023-06-06T12:53:00Z');
  });

  it('reads a space instead of T', () => {
    expect(utc('2023-06-06 18:23:00 +0530')).toBe('2023-06-06T12:53:00Z');
  });
});

describe('parseDate: Indian desk strings and IST', () => {
  it('reads "06 June,2023 06:23 PM IST"', () => {
    expect(utc('06 June,2023 06:23 PM IST')).toBe('2023-06-06T12:53:00Z');
  });

  it('reads "Jun 6, 2023 18:23 IST"', () => {
    expect(utc('Jun 6, 2023 18:23 IST')).toBe('2023-06-06T12:53:00Z');
  });

  it('reads numeric day-first dates with -, / or . and an ISO date followed by a zone word', () => {
    expect(utc('06-07-2023 18:23:00')).toBe('2023-07-06T12:53:00Z');
    expect(utc('06/07/2023 06:23 PM')).toBe('2023-07-06T12:53:00Z');
    expect(utc('06.07.2023 18:23 IST')).toBe('2023-07-06T12:53:00Z');
    expect(utc('2023-07-06 18:23:00 IST')).toBe('2023-07-06T12:53:00Z');
  });

  it('reads an ambiguous numeric date month first in American zones, and an unambiguous one either way', () => {
    expect(utc('06/07/2023 10:00', 'America/New_York')).toBe('2023-06-07T14:00:00Z');
    expect(utc('13/07/2023 10:00', 'America/New_York')).toBe('2023-07-13T14:00:00Z');
    expect(utc('07/13/2023 10:00')).toBe('2023-07-13T04:30:00Z');
    expect(utc('31/02/2023 10:00')).toBeNull();
  });

  it('reads 12 AM as midnight', () => {
    expect(utc('Jun 6, 2023 12:05 AM IST')).toBe('2023-06-05T18:35:00Z');
  });

  it('reads IST as India Standard Time when the feed zone is not Irish or Israeli', () => {
    expect(utc('Jun 6, 2023 18:23 IST', 'America/New_York')).toBe('2023-06-06T12:53:00Z');
  });

  it('reads IST as Irish time for a Europe/Dublin feed', () => {
    expect(utc('Jun 6, 2023 18:23 IST', 'Europe/Dublin')).toBe('2023-06-06T17:23:00Z');
  });

  it('reads IST as Israel time for an Asia/Jerusalem feed', () => {
    expect(utc('Jan 6, 2023 18:23 IST', 'Asia/Jerusalem')).toBe('2023-01-06T16:23:00Z');
  });
});

describe('parseDate: feed time zones', () => {
  it('uses the summer offset for a zone-less time in a DST zone', () => {
    expect(utc('2023-07-01T12:00:00', 'Europe/London')).toBe('2023-07-01T11:00:00Z');
  });

  it('uses the winter offset for a zone-less time in a DST zone', () => {
    expect(utc('2023-01-01T12:00:00', 'Europe/London')).toBe('2023-01-01T12:00:00Z');
  });

  it('moves a time in the spring-forward gap forward', () => {
    expect(utc('2023-03-12T02:30:00', 'America/New_York')).toBe('2023-03-12T07:30:00Z');
  });

  it('picks the earlier instant for a time in the fall-back overlap', () => {
    expect(utc('2023-11-05T01:30:00', 'America/New_York')).toBe('2023-11-05T05:30:00Z');
  });

  it('treats an unknown time zone as UTC instead of throwing', () => {
    expect(utc('2023-06-06T18:23:00', 'Not/AZone')).toBe('2023-06-06T18:23:00Z');
  });
});

describe('parseDate: bad input', () => {
  it.each([
    null,
    '',
    '   ',
    'yesterday',
    'Tue, 32 Jun 2023 10:00:00 GMT',
    '2023-02-30',
    'Jun 2023',
    '06 Jun 2023 25:00 GMT',
  ])('returns null for %j', (raw) => {
    expect(parseDate(raw, KOLKATA)).toBeNull();
  });

  it('returns null for an unknown zone word rather than guessing', () => {
    expect(parseDate('06 Jun 2023 18:23 XYZT', KOLKATA)).toBeNull();
  });
});

describe('formatUtc', () => {
  it('formats without milliseconds', () => {
    expect(formatUtc(new Date('2023-06-06T12:53:00.999Z'))).toBe('2023-06-06T12:53:00Z');
  });
});

describe('parseDate second chances', () => {
  it("reads JavaScript's Date#toString output", () => {
    expect(utc('Tue Jun 06 2023 10:00:00 GMT+0530 (India Standard Time)')).toBe('2023-06-06T04:30:00Z');
  });

  it('reads Unix time in seconds and milliseconds, but not implausible years', () => {
    expect(utc('1686045600')).toBe('2023-06-06T10:00:00Z');
    expect(utc('1686045600000')).toBe('2023-06-06T10:00:00Z');
    expect(utc('9999999999')).toBeNull();
  });

  it('reads slashed ISO dates with an offset', () => {
    expect(utc('2023/06/06 10:00:00 +0530')).toBe('2023-06-06T04:30:00Z');
  });
});
