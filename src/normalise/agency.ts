/** The news agencies wirefeed knows, and how their names appear in credits and datelines. */
import type { Agency } from '../model/index.js';

export interface AgencyEntry extends Agency {
  /** Other ways the agency is named in copy, matched case-insensitively. */
  aliases: readonly string[];
}

export const AGENCIES: readonly AgencyEntry[] = [
  { code: 'PTI', name: 'Press Trust of India', aliases: ['Press Trust of India'] },
  { code: 'ANI', name: 'Asian News International', aliases: ['Asian News International'] },
  {
    code: 'IANS',
    name: 'Indo-Asian News Service',
    aliases: ['Indo-Asian News Service', 'Indo Asian News Service'],
  },
  { code: 'REUTERS', name: 'Reuters', aliases: ['Reuters', 'Thomson Reuters'] },
  { code: 'AP', name: 'The Associated Press', aliases: ['The Associated Press', 'Associated Press'] },
  { code: 'AFP', name: 'Agence France-Presse', aliases: ['Agence France-Presse', 'Agence France Presse'] },
  { code: 'UNI', name: 'United News of India', aliases: ['United News of India'] },
];

const BY_CODE = new Map(AGENCIES.map((a) => [a.code, a]));
const BY_NAME = new Map(
  AGENCIES.flatMap((a) => [a.code, ...a.aliases].map((n) => [n.toLowerCase(), a] as const)),
);

/** Case-insensitive; an unknown code is kept (upper-cased) with the code as its name. */
export function agencyByCode(code: string): Agency {
  const upper = code.trim().toUpperCase();
  const known = BY_CODE.get(upper);
  return known ? { code: known.code, name: known.name } : { code: upper, name: code.trim() };
}

/**
 * The agency a credit line names: `PTI`, `(Reuters)`, `Press Trust of India`, or a credit that
 * starts with one (`AP Photo/Evan Vucci`, `Reuters staff`). Codes only match upper-case at the start
 * of a longer credit so a byline like `Ani Sharma` is not read as ANI. Generic credits
 * (`agencies`, `staff`) name no agency → null.
 */
export function agencyFromCredit(text: string): Agency | null {
  if (text.length > 200) return null; // a credit line, not copy
  const credit = text.replace(/^[\s([{"'“‘-]+|[\s)\]}"'”’.:,-]+$/g, '').replace(/\s+/g, ' ');
  if (credit === '') return null;
  const exact = BY_NAME.get(credit.toLowerCase());
  if (exact) return { code: exact.code, name: exact.name };
  for (const entry of AGENCIES) {
    const names = [entry.code, ...entry.aliases];
    const hit = names.find((n) => startsWithName(credit, n, n === entry.code));
    if (hit) return { code: entry.code, name: entry.name };
  }
  return null;
}

function startsWithName(credit: string, name: string, caseSensitive: boolean): boolean {
  const head = credit.slice(0, name.length);
  const matches = caseSensitive ? head === name : head.toLowerCase() === name.toLowerCase();
  return matches && credit.length > name.length && !/[\p{L}\p{N}]/u.test(credit.charAt(name.length));
}
