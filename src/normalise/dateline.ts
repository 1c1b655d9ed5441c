/**
 * Agency datelines at the start of a story (`Islamabad, Jun 6 (PTI)`, `MUMBAI, Oct 5 (Reuters) -`,
 * `GROSSETO, Italy (AP) --`), an optional byline before them, and the desk initials agencies leave at
 * the end of a story (`PTI ABC DEF`, `--IANS`). Fixtures: fixtures/feeds/pti/world.rss.xml,
 * fixtures/feeds/ani/national.rss.xml, fixtures/feeds/ians/national.rss.xml.
 */
import { agencyFromCredit } from './agency.js';

export interface FoundDateline {
  /** As written, from the place to the closing parenthesis of the credit; byline excluded. */
  text: string;
  /** `New Delhi [India]` → `New Delhi, India` (also `(Odisha)`); an ALL-CAPS city is title-cased. */
  place: string | null;
  agencyCode: string | null;
  byline: string | null;
}

/** Datelines sit in the first line or two; nothing further in is looked at. */
const HEAD_LENGTH = 240;
const CREDIT = /\(([A-Za-z][A-Za-z .&/-]{0,38})\)/g;
/**
 * Month names as wires abbreviate them: English, and the Spanish (EFE `21 ene`), French (AFP
 * `21 févr`), Italian (ANSA `01 LUG`) and German (dpa `3. Okt`) ones that differ.
 */
const MONTH =
  '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic|f[ée]v|avr|mai|jui|ao[uû]|d[ée]c|gen|mag|giu|lug|set|ott|m[äa]r|okt|dez)\\p{L}*\\.?';
const DATE_AT_END = new RegExp(
  `,?\\s*(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\.?\\s+${MONTH})(?:,?\\s+\\d{4})?\\s*$`,
  'iu',
);
/** Words that begin a multi-word place (`New Delhi`), or end one (`Kuwait City`). */
// biome-ignore format: one list reads better than one word a line
const PLACE_PREFIXES = new Set([
  'New', 'San', 'Santa', 'Los', 'Las', 'Hong', 'Sri', 'Port', 'Kuala', 'Abu', 'Tel', 'Rio', 'Buenos',
  'Cape', 'St', 'St.', 'Saint', 'Navi', 'Greater', 'North', 'South', 'East', 'West', 'Addis', 'Dar',
]);
const PLACE_SUFFIXES = new Set(['City', 'Town']);
const CONNECTORS = new Set(['of', 'de', 'da', 'do', 'del', 'la', 'es', 'al', 'el', 'upon', 'on', 'the']);

export function extractDateline(text: string): FoundDateline | null {
  const head = text.trimStart().slice(0, HEAD_LENGTH);
  // The credit is the first parenthesis that names an agency or follows a date; an earlier one
  // can belong to the place (`Bhubaneswar (Odisha) [India], June 4 (ANI):`).
  for (const credit of head.matchAll(CREDIT)) {
    const found = datelineAt(head, credit);
    if (found !== null) return found;
  }
  return null;
}

function datelineAt(head: string, credit: RegExpExecArray | RegExpMatchArray): FoundDateline | null {
  const index = credit.index ?? 0;
  // `(ANI/PRNewswire)`: a release distributed by the agency named first.
  const words = credit[1] ?? '';
  const agency = agencyFromCredit(words) ?? agencyFromCredit(words.split('/')[0] ?? '');
  let lead = head.slice(0, index).trimEnd();
  const date = DATE_AT_END.exec(lead);
  // An unknown parenthesis without a date is more likely a ticker or an aside than a credit.
  if (agency === null && date === null) return null;
  if (date !== null) {
    const dateStart = date.index + date[0].length - date[0].replace(/^[,\s]+/, '').length;
    const before = lead.slice(0, dateStart);
    if (/(?:^|\n)[ \t]*$/.test(before)) {
      return dateOnly(head, before, dateStart, index + credit[0].length, agency);
    }
    lead = lead.slice(0, date.index);
  }
  lead = lead.replace(/[\s,]+$/, '');
  const split = splitByline(lead);
  if (split === null || !isPlace(split.place)) return null;
  return {
    text: head.slice(lead.length - split.place.length, index + credit[0].length),
    place: normalisePlace(split.place),
    agencyCode: agency?.code ?? null,
    byline: split.byline,
  };
}

/**
 * A dateline of the date alone, at the start or on a line of its own (`By Jonathan Underhill` /
 * `Jan. 12 (BusinessDesk) -`): no place, and a byline only from a line of its own above it.
 */
function dateOnly(
  head: string,
  before: string,
  dateIndex: number,
  end: number,
  agency: { code: string } | null,
): FoundDateline | null {
  const lines = before
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > 1) return null;
  const byline = lines.length === 1 ? /^by\s+(.+)$/i.exec(lines[0] ?? '')?.[1] : undefined;
  if (lines.length === 1 && byline === undefined) return null;
  return {
    text: head.slice(dateIndex, end).trim(),
    place: null,
    agencyCode: agency?.code ?? null,
    byline: byline?.replace(/[\s,.;:]+$/, '') ?? null,
  };
}

/** `By Shirish B Pradhan Kathmandu` → byline + place; the place must be a suffix of `lead`. */
function splitByline(lead: string): { byline: string | null; place: string } | null {
  const lines = lead
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const last = lines.at(-1) ?? '';
  if (lines.length > 2) return null;
  if (lines.length === 2) {
    const byline = /^by\s+(.+)$/i.exec(lines[0] ?? '')?.[1];
    return byline ? { byline: byline.replace(/[\s,.;:]+$/, ''), place: last } : null;
  }
  const by = /^by\s+/i.exec(last);
  if (by === null) return { byline: null, place: last };
  // Same line: the place is the last word before the first comma (with a multi-word prefix or
  // suffix and a bracketed country), plus whatever follows that comma.
  const rest = last.slice(by[0].length);
  const comma = rest.indexOf(',');
  const segment = comma < 0 ? rest : rest.slice(0, comma);
  const words = [...segment.matchAll(/\[[^\]]*\]|\S+/g)];
  let i = words.length - 1;
  while (i > 0 && words[i]?.[0].startsWith('[')) i--;
  const word = words[i]?.[0] ?? '';
  const prev = words[i - 1]?.[0] ?? '';
  if (i > 1 && (PLACE_PREFIXES.has(prev) || PLACE_SUFFIXES.has(word))) i--;
  const start = words[i]?.index;
  if (i < 1 || start === undefined) return null;
  return { byline: rest.slice(0, start).trim(), place: rest.slice(start) };
}

function isPlace(place: string): boolean {
  if (place.length === 0 || place.length > 60 || !/^\p{Lu}/u.test(place)) return false;
  if (/[\d!?;:"“”]/.test(place)) return false;
  const words = place
    .replace(/\[[^\]]*\]|\([^)]*\)/g, ' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  return words.length <= 6 && words.every((w) => /^\p{Lu}/u.test(w) || CONNECTORS.has(w));
}

/** `GROSSETO, Italy` → `Grosseto, Italy`; `New Delhi [India]` → `New Delhi, India`. */
export function normalisePlace(place: string): string {
  return place
    .replace(/\s*[[(]([^\])]+)[\])]/g, ', $1')
    .replace(/\p{Lu}{3,}/gu, (w) => w.charAt(0) + w.slice(1).toLowerCase())
    .replace(/\s+/g, ' ')
    .trim();
}

export { stripDeskTags } from './desk-tags.js';
