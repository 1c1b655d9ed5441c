import { describe, expect, it } from 'vitest';
import { cleanByline } from '../../src/normalise/byline.js';

const AP = { code: 'AP', name: 'The Associated Press' };
const PTI = { code: 'PTI', name: 'Press Trust of India' };

describe('cleanByline', () => {
  it('drops "By" and a trailing agency credit, and title-cases names sent in capitals', () => {
    expect(cleanByline('By JANE EXAMPLE Associated Press', AP)).toBe('Jane Example');
  });

  it('drops agency job titles', () => {
    expect(cleanByline('JANE ROE, AP Business Writer', AP)).toBe('Jane Roe');
    expect(cleanByline('Ravi Sample, Special Correspondent', PTI)).toBe('Ravi Sample');
  });

  it('keeps names already in mixed case as written', () => {
    expect(cleanByline('By Shirish B Pradhan', PTI)).toBe('Shirish B Pradhan');
    expect(cleanByline("MARY O'NEIL-SMITH", null)).toBe("Mary O'Neil-Smith");
  });

  it('treats a byline that is only the agency credit as no byline', () => {
    expect(cleanByline('PTI', PTI)).toBeNull();
    expect(cleanByline('By Associated Press', AP)).toBeNull();
    expect(cleanByline('  ', AP)).toBeNull();
  });

  it('treats "By" plus the agency name, "Agencies", a desk mailbox, desk initials, an agency code or a bare "By" as no byline', () => {
    expect(cleanByline('By Press Trust of India', PTI)).toBeNull();
    expect(cleanByline('Agencies', PTI)).toBeNull();
    expect(cleanByline('desk@pti.in', PTI)).toBeNull();
    expect(cleanByline('By', PTI)).toBeNull();
    expect(cleanByline('daa/mt/msr', null)).toBeNull();
    expect(cleanByline('sbp/arm', null)).toBeNull();
    expect(cleanByline('cig', null)).toBeNull();
    expect(cleanByline('globenewswire', null)).toBeNull();
    expect(cleanByline('Business Wire', null)).toBeNull();
    expect(cleanByline('Ravi', null)).toBe('Ravi');
    expect(cleanByline('NTB-Reuters', null)).toBeNull();
    expect(cleanByline('TT', null)).toBeNull();
    expect(cleanByline('Staff Reporter', null)).toBeNull();
  });

  it('drops "Written by" and a credit after a bar or slash, but not the "By" of a name', () => {
    expect(cleanByline('Written by Rajesh Kumar', PTI)).toBe('Rajesh Kumar');
    expect(cleanByline('Rajesh Kumar | PTI', PTI)).toBe('Rajesh Kumar');
    expect(cleanByline('Jane Roe/AP', AP)).toBe('Jane Roe');
    expect(cleanByline('Byron Smith', AP)).toBe('Byron Smith');
  });

  it('keeps two people', () => {
    expect(cleanByline('By JANE EXAMPLE and RAVI SAMPLE', AP)).toBe('Jane Example and Ravi Sample');
  });
});
