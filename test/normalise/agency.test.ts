import { describe, expect, it } from 'vitest';
import { agencyByCode, agencyFromCredit } from '../../src/normalise/agency.js';

describe('agencyByCode', () => {
  it('finds a known agency case-insensitively', () => {
    expect(agencyByCode('pti')).toEqual({ code: 'PTI', name: 'Press Trust of India' });
  });

  it('keeps an unknown code, upper-cased, with the code as its name', () => {
    expect(agencyByCode('Xinhua')).toEqual({ code: 'XINHUA', name: 'Xinhua' });
  });
});

describe('agencyFromCredit', () => {
  it.each([
    ['PTI', 'PTI'],
    ['(Reuters)', 'REUTERS'],
    ['Press Trust of India', 'PTI'],
    ['AFP', 'AFP'],
    ['Asian News International', 'ANI'],
    ['Indo-Asian News Service', 'IANS'],
    ['The Associated Press', 'AP'],
    ['United News of India', 'UNI'],
    ['AP Photo/Evan Example', 'AP'],
    ['Reuters staff', 'REUTERS'],
    ['REUTERS/Photographer Example', 'REUTERS'],
    ['  ians  ', 'IANS'],
  ])('reads %j as %s', (credit, code) => {
    expect(agencyFromCredit(credit)?.code).toBe(code);
  });

  it.each(['agencies', 'Staff Reporter', '', 'Ani Sharma', 'Apoorva Rao', 'APN News'])(
    'names no agency in %j',
    (credit) => {
      expect(agencyFromCredit(credit)).toBeNull();
    },
  );
});
