/**
 * Who and where: the agency credited for the copy and the story's dateline, from the feed's
 * settings, the item's metadata and the copy itself, in that order of trust.
 */
import type { Agency, Dateline } from '../model/article.js';
import type { ItemDraft } from '../model/draft.js';
import { agencyByCode, agencyFromCredit } from './agency.js';
import { extractDateline, type FoundDateline, normalisePlace } from './dateline.js';

export function resolveAgency(
  configured: string | null,
  draft: ItemDraft,
  fromDateline: string | null,
): Agency | null {
  if (configured) return agencyByCode(configured);
  const credited = agencyFromCredit(draft.credit ?? '') ?? agencyFromCredit(draft.author ?? '');
  if (credited) return credited;
  return fromDateline ? agencyByCode(fromDateline) : null;
}

/**
 * Metadata's dateline wins over one found in the body; a `located` place with no dateline text
 * still tells where the story is from. Places sent in capitals are title-cased.
 */
export function resolveDateline(
  dateline: string | null,
  located: string | null,
  found: FoundDateline | null,
): Dateline | null {
  const text = squash(dateline);
  const place = squash(located);
  if (text) {
    const where = place ?? extractDateline(text)?.place ?? placeOf(text);
    // A metadata dateline with the date alone says less than the one the copy opens with.
    if (!where && found) return { text: found.text, place: found.place };
    return { text, place: where ? normalisePlace(where) : null };
  }
  if (found) return { text: found.text, place: place ? normalisePlace(place) : found.place };
  return place ? { text: place, place: normalisePlace(place) } : null;
}

/**
 * "KATHMANDU, June 6" → "KATHMANDU": a metadata dateline's place is what precedes the date. A
 * dateline may state the date alone (NewsML-G2: "the date and/or place"; Reuters sends
 * "2018-01-03 20:13:08 GMT+00:00"), and then it names no place.
 */
function placeOf(dateline: string): string | null {
  const head = dateline.split(/,?\s+(?=(?:[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}\s+[A-Z][a-z]{2,8}|\())/)[0]?.trim();
  return head && !DATE_FIRST.test(head) ? head : null;
}

const DATE_FIRST = /^(?:[\d(]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)/i;

function squash(value: string | null): string | null {
  return value?.replace(/\s+/g, ' ').trim() || null;
}
