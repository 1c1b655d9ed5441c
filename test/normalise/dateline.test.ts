import { describe, expect, it } from 'vitest';
import { resolveDateline } from '../../src/normalise/attribution.js';
import { extractDateline, stripDeskTags } from '../../src/normalise/dateline.js';

describe('extractDateline', () => {
  it('reads a PTI dateline', () => {
    expect(extractDateline('Islamabad, Jun 6 (PTI) Pakistan’s government has declined…')).toEqual({
      text: 'Islamabad, Jun 6 (PTI)',
      place: 'Islamabad',
      agencyCode: 'PTI',
      byline: null,
    });
  });

  it('separates a byline written before the dateline', () => {
    expect(extractDateline('By Shirish B Pradhan Kathmandu, Jun 6 (PTI) Nepal’s prime minister…')).toEqual({
      text: 'Kathmandu, Jun 6 (PTI)',
      place: 'Kathmandu',
      agencyCode: 'PTI',
      byline: 'Shirish B Pradhan',
    });
  });

  it('keeps a multi-word place after a byline together', () => {
    expect(extractDateline('By Jane Example New Delhi, Jun 6 (PTI) Text')).toMatchObject({
      place: 'New Delhi',
      byline: 'Jane Example',
    });
  });

  it('reads a byline on its own line', () => {
    expect(extractDateline('By Jane Example\nKathmandu, Jun 6 (PTI) Text')).toMatchObject({
      text: 'Kathmandu, Jun 6 (PTI)',
      byline: 'Jane Example',
    });
  });

  it('turns an ANI bracketed country into a comma and leaves the colon out', () => {
    expect(extractDateline('New Delhi [India], June 4 (ANI): The railways will…')).toEqual({
      text: 'New Delhi [India], June 4 (ANI)',
      place: 'New Delhi, India',
      agencyCode: 'ANI',
      byline: null,
    });
  });

  it('skips a parenthesised state that is part of the place', () => {
    expect(extractDateline('Bhubaneswar (Odisha) [India], June 4 (ANI): The weather office…')).toEqual({
      text: 'Bhubaneswar (Odisha) [India], June 4 (ANI)',
      place: 'Bhubaneswar, Odisha, India',
      agencyCode: 'ANI',
      byline: null,
    });
  });

  it('reads an IANS dateline', () => {
    expect(extractDateline('New Delhi, July 26 (IANS) Spending…')).toMatchObject({
      place: 'New Delhi',
      agencyCode: 'IANS',
    });
  });

  it('title-cases an ALL-CAPS Reuters place', () => {
    expect(extractDateline('MUMBAI, Oct 5 (Reuters) - The central bank…')).toEqual({
      text: 'MUMBAI, Oct 5 (Reuters)',
      place: 'Mumbai',
      agencyCode: 'REUTERS',
      byline: null,
    });
  });

  it('reads an AP dateline with a country and no date', () => {
    expect(extractDateline('GROSSETO, Italy (AP) -- Firefighters…')).toMatchObject({
      text: 'GROSSETO, Italy (AP)',
      place: 'Grosseto, Italy',
      agencyCode: 'AP',
    });
  });

  it('reads an AFP dateline', () => {
    expect(extractDateline('Paris (AFP) - France said…')).toMatchObject({
      place: 'Paris',
      agencyCode: 'AFP',
    });
  });

  it('reads a date with its year, a blank line after the byline, and a distributor after the agency', () => {
    expect(extractDateline('PARIS, Nov 28, 2026 (AFP) - France said')).toMatchObject({
      text: 'PARIS, Nov 28, 2026 (AFP)',
      place: 'Paris',
      agencyCode: 'AFP',
    });
    expect(extractDateline('By Jane Doe\n\nNEW YORK (AP) — Stocks rose')).toMatchObject({
      text: 'NEW YORK (AP)',
      byline: 'Jane Doe',
    });
    expect(extractDateline('New Delhi [India], Nov 28 (ANI/PRNewswire): Acme Ltd said')).toMatchObject({
      place: 'New Delhi, India',
      agencyCode: 'ANI',
    });
  });

  it('reads the dates of Spanish, French, Italian and German wires', () => {
    const cases: [string, string][] = [
      ['Nueva Delhi, 21 ene (EFE).- Una pareja', 'Nueva Delhi'],
      ['PARIS, 8 juin 2023 (AFP) - Le vote', 'Paris'],
      ['Genève, 3 févr. 2024 (AFP) - La', 'Genève'],
      ['ROMA, 01 LUG (ANSA) - Il governo', 'Roma'],
      ['Berlin, 3. Okt (dpa) - Die', 'Berlin'],
    ];
    for (const [text, place] of cases) expect(extractDateline(text)?.place).toBe(place);
  });

  it('reads a dateline of the date alone, with no place, and a byline on its own line above it', () => {
    expect(extractDateline('Jan 30 (Gracenote) - Results and standings')).toEqual({
      text: 'Jan 30 (Gracenote)',
      place: null,
      agencyCode: null,
      byline: null,
    });
    expect(extractDateline('By Jonathan Underhill\n\nJan. 12 (BusinessDesk) - The receivers')).toMatchObject({
      text: 'Jan. 12 (BusinessDesk)',
      place: null,
      byline: 'Jonathan Underhill',
    });
  });

  it('reads an unknown agency when a date is present', () => {
    expect(extractDateline('Dhaka, Jun 6 (UNB) Text')).toMatchObject({ place: 'Dhaka', agencyCode: null });
  });

  it('ignores a ticker in parentheses', () => {
    expect(extractDateline('Shares of Infosys (INFY) rose on Tuesday.')).toBeNull();
  });

  it('ignores an agency named inside a sentence', () => {
    expect(extractDateline('The minister told reporters (PTI) that talks were on.')).toBeNull();
  });

  it('ignores text without a dateline', () => {
    expect(extractDateline('Officials cited a poor record of earlier negotiations.')).toBeNull();
  });
});

describe('stripDeskTags', () => {
  it('removes a trailing PTI desk-initials paragraph', () => {
    expect(stripDeskTags('<p>Story.</p>\n<p>PTI ABC DEF</p>')).toBe('<p>Story.</p>');
  });

  it('removes a trailing (ANI) line', () => {
    expect(stripDeskTags('<p>Story.</p><p>(ANI)</p>')).toBe('<p>Story.</p>');
  });

  it('removes the IANS sign-off and the initials under it', () => {
    expect(stripDeskTags('<p>Story.</p><p>--IANS</p><p>sbp/arm</p>')).toBe('<p>Story.</p>');
  });

  it('removes a desk tag after a line break', () => {
    expect(stripDeskTags('Story.<br><br>PTI SBP GRS')).toBe('Story.');
  });

  it('keeps a desk-tag lookalike inside the last sentence', () => {
    const html = '<p>Story, said PTI ABC.</p>';
    expect(stripDeskTags(html)).toBe(html);
  });

  it('keeps a desk tag that is not at the end', () => {
    const html = '<p>PTI ABC</p><p>Story.</p>';
    expect(stripDeskTags(html)).toBe(html);
  });

  it('keeps a closing paragraph that is real text', () => {
    const html = '<p>Story.</p><p>PTI said more later.</p>';
    expect(stripDeskTags(html)).toBe(html);
  });

  it('keeps a body that is only a desk tag', () => {
    expect(stripDeskTags('<p>PTI ABC</p>')).toBe('<p>PTI ABC</p>');
  });

  it('keeps a lone initials line without an IANS sign-off above it', () => {
    const html = '<p>Story.</p><p>and/or</p>';
    expect(stripDeskTags(html)).toBe(html);
  });
});

describe('resolveDateline', () => {
  it("takes a metadata dateline's place from before its date", () => {
    expect(resolveDateline('KATHMANDU, June 6', null, null)).toEqual({
      text: 'KATHMANDU, June 6',
      place: 'Kathmandu',
    });
  });

  it('finds no place in a dateline that states only the date', () => {
    for (const text of ['2018-01-03 20:13:08 GMT+00:00', 'June 6, 2023', '(June 6)']) {
      expect(resolveDateline(text, null, null)).toEqual({ text, place: null });
    }
  });

  it("takes the copy's dateline when the metadata one states only the date", () => {
    const found = extractDateline('JOHANNESBURG, South Africa, July 22, 2022 (GLOBE NEWSWIRE) -- Enernet');
    expect(resolveDateline('July 22, 2022', null, found)).toEqual({
      text: 'JOHANNESBURG, South Africa, July 22, 2022 (GLOBE NEWSWIRE)',
      place: 'Johannesburg, South Africa',
    });
  });

  it('prefers the located place to the one in the text', () => {
    expect(resolveDateline('June 6', 'Mumbai', null)).toEqual({ text: 'June 6', place: 'Mumbai' });
  });
});
