/**
 * Notices in the headline, for formats that have no status or signal fields.
 *
 * Kill notices. RSS, Atom and JSON Feed cannot say that a
 * story is withdrawn, so agencies say it in the headline, in capitals and set off from the rest:
 * `KILL: …`, `MANDATORY KILL - …`, `WITHDRAWN-…` (Reuters), `ELIMINATION: …`, and AP's `Kill: …`.
 * Such an item is read as canceled: with the id of a story already queued it becomes that story's
 * kill; with a new id it is remembered as a tombstone and the notice itself is never published.
 * Headlines that merely start with the word ("Kill the bill, says opposition") do not match.
 */
// A colon or a spaced dash sets the word off (`KILL-SWITCH LAW` in a capitals-only feed is a
// headline); Reuters writes `WITHDRAWN-` with no space, and no headline starts with that compound.
const NOTICE =
  /^(?:(?:MANDATORY\s+)?KILL|WITHDRAWN|WITHDRAWAL|ELIMINATION)\s*(?::|\s[-–—]\s)|^WITHDRAWN[-–—]|^(?:Mandatory\s+)?Kill\s*:/;

export function isKillNotice(headline: string): boolean {
  return NOTICE.test(headline);
}

/** `CORRECTED-…` (Reuters), `CORRECTION: …`, `CORRECTS …`: the copy corrects an earlier version. */
const CORRECTION = /^(?:CORRECTED|CORRECTION|CORRECTS)\s*(?::|\s[-–—]\s|[-–—](?=\S))/;

export function isCorrectionNotice(headline: string): boolean {
  return CORRECTION.test(headline);
}
