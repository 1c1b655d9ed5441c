/**
 * Agencies mark versions in their own way: NewsML-G2 and ninjs count (`3`), NewsML 1.2 revises
 * (`RevisionId 2`), RSS and Atom only give an `updated` time. Two markers are compared only when
 * they are of the same kind; otherwise nothing can be said and the content hash decides.
 */

const NUMBER = /^\d+(?:\.\d+)*$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** Negative, zero or positive like a comparator; null when the two cannot be compared. */
export function compareSourceVersions(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  if (NUMBER.test(a) && NUMBER.test(b)) return compareDotted(a, b);
  if (ISO_TIME.test(a) && ISO_TIME.test(b)) {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    return Number.isNaN(ta) || Number.isNaN(tb) ? null : Math.sign(ta - tb);
  }
  return null;
}

function compareDotted(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
