import { describe, expect, it } from 'vitest';
import { renderDisclaimer, stripDisclaimers } from '../../src/enrich/disclaimer.js';

const MIDDAY =
  'This story has been sourced from a third party syndicated feed, agencies. {publisher} accepts no responsibility or liability for its dependability, trustworthiness, reliability and data of the text.';

describe('renderDisclaimer', () => {
  it('fills publisher, agency code and agency name', () => {
    const rendered = renderDisclaimer(
      { key: 'inputs', template: 'By {publisher} with inputs from {agencyName} ({agency}).' },
      'Mid-day',
      { code: 'PTI', name: 'Press Trust of India' },
    );
    expect(rendered).toEqual({
      key: 'inputs',
      text: 'By Mid-day with inputs from Press Trust of India (PTI).',
    });
  });

  it('says "agencies" when the agency is unknown', () => {
    expect(renderDisclaimer({ key: 'k', template: 'From {agency}.' }, 'Mid-day', null).text).toBe(
      'From agencies.',
    );
  });
});

describe('stripDisclaimers', () => {
  const own = renderDisclaimer({ key: 'default', template: MIDDAY }, 'Mid-day', null).text;

  it('removes our own disclaimer already present in the body, so it is never attached twice', () => {
    const body = `<p>Story text.</p>\n<p>${own}</p>`;
    expect(stripDisclaimers(body, own)).toBe('<p>Story text.</p>');
  });

  it("removes an upstream republisher's disclaimer of the same family", () => {
    const upstream = MIDDAY.replace('{publisher}', 'Some Other Daily');
    expect(stripDisclaimers(`<p>Story text.</p><p><em>${upstream}</em></p>`, own)).toBe('<p>Story text.</p>');
  });

  it('keeps a paragraph that merely mentions syndication', () => {
    const body = '<p>The syndicated feed market grew last year.</p>';
    expect(stripDisclaimers(body, own)).toBe(body);
  });

  it('never removes a wrapper holding real paragraphs', () => {
    const body = `<div><p>Story text.</p><p>${own}</p></div>`;
    expect(stripDisclaimers(body, own)).toBe('<div><p>Story text.</p></div>');
  });
});
