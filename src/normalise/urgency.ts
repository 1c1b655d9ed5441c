/**
 * Agency priorities → IPTC urgency (1 most urgent … 9 least). Agencies write priority as a word
 * (PTI/ANI "FLASH", "URGENT"; AP "Bulletin"), a letter (the old ANPA/AP wire codes: f, b, u, r, d),
 * or a number on their own scale (IPTC 1–9 in NewsML-G2 and NITF; AFP's 1–4). Routine copy is 5.
 */

const WORDS: Readonly<Record<string, number>> = {
  flash: 1,
  bulletin: 2,
  'breaking news': 2,
  breaking: 2,
  alert: 2,
  urgent: 3,
  'very urgent': 2,
  priority: 4,
  high: 4,
  important: 4,
  routine: 5,
  normal: 5,
  regular: 5,
  medium: 5,
  deferred: 7,
  low: 7,
  advisory: 8,
  background: 8,
};

/** ANPA-1312 priority codes, still seen in AP and UNI copy. */
const ANPA: Readonly<Record<string, number>> = { f: 1, b: 2, u: 3, r: 5, d: 7 };

/** AFP's own 1–4 scale (1 flash, 2 alert/urgent, 3 routine-plus, 4 routine). */
const AFP: Readonly<Record<number, number>> = { 1: 1, 2: 2, 3: 4, 4: 5 };

export function urgencyFromPriority(priority: string | null, agencyCode: string | null): number | null {
  const raw = priority
    ?.trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  if (!raw) return null;
  if (/^\d+$/.test(raw)) {
    const value = Number(raw);
    if (agencyCode === 'AFP' && AFP[value] !== undefined) return AFP[value] ?? null;
    return value >= 1 && value <= 9 ? value : null;
  }
  if (raw.length === 1) return ANPA[raw] ?? null;
  return WORDS[raw] ?? null;
}
