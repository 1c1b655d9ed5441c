/**
 * The publisher's third-party syndication disclaimer: rendered from a template per publisher,
 * agency and feed, and never attached twice — a disclaimer already in the incoming body (the
 * agency's own, or an upstream republisher's) is taken out of the body, so re-polls, updates and
 * republished copy never stack it.
 */
import type { Agency, Disclaimer } from '../model/article.js';
import type { DisclaimerPolicy } from '../model/feed.js';

export function renderDisclaimer(
  policy: DisclaimerPolicy,
  publisher: string,
  agency: Agency | null,
): Disclaimer {
  const values: Record<string, string> = {
    publisher,
    agency: agency?.code ?? 'agencies',
    agencyName: agency?.name ?? 'agencies',
  };
  const text = policy.template.replace(
    /\{(publisher|agency|agencyName)\}/g,
    (_, key: string) => values[key] ?? '',
  );
  return { key: policy.key, text: text.replace(/\s+/g, ' ').trim() };
}

/**
 * Phrases that mark a syndication disclaimer whatever its exact wording: the mid-day family of
 * templates and the common "not edited by … staff" notice.
 */
const DISCLAIMER_MARKERS = [
  /sourced from a third[- ]party syndicated feed/i,
  /accepts no responsibility or liability for its dependability/i,
  /has not been edited by [\w\s.'-]{1,40} staff and is (?:auto-)?(?:published|generated) from a syndicated feed/i,
];

/** Innermost blocks only: removing an outer div would take real paragraphs with it. */
const BLOCK = /<(p|div|blockquote|small)\b[^>]*>((?:(?!<(?:p|div|blockquote)\b)[\s\S])*?)<\/\1>/gi;

/** A word every marker above needs (case-insensitively); markers match text taken verbatim from the HTML. */
const MARKER_WORDS = /syndicated|dependability/i;

/** Removes paragraphs that carry a disclaimer; `own` is the text this publisher would attach. */
export function stripDisclaimers(bodyHtml: string, own: string | null): string {
  return disclaimerStripper(own)(bodyHtml);
}

/**
 * `stripDisclaimers` for one disclaimer text, with what it derives from that text worked out once:
 * a feed's articles share it, so ingest builds one per feed and agency.
 */
export function disclaimerStripper(own: string | null): (bodyHtml: string) => string {
  const ownText = own ? squash(own) : null;
  const longestWord = (ownText ?? '').split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
  const isDisclaimer = (text: string) => {
    const plain = squash(text.replace(/<[^>]+>/g, ' '));
    if (!plain) return false;
    return (ownText !== null && plain.includes(ownText)) || DISCLAIMER_MARKERS.some((m) => m.test(plain));
  };
  return (bodyHtml) => {
    if (!mayCarryDisclaimer(bodyHtml, ownText, longestWord)) return tidy(bodyHtml);
    return tidy(bodyHtml.replace(BLOCK, (block, _tag, inner: string) => (isDisclaimer(inner) ? '' : block)));
  };
}

/**
 * Whether any block could match: a block's text is the HTML's own characters (tags become spaces,
 * nothing is decoded), so every word of a match is in the HTML verbatim. Most bodies carry none,
 * and skip the block-by-block reading.
 */
function mayCarryDisclaimer(html: string, ownText: string | null, longestWord: string): boolean {
  if (MARKER_WORDS.test(html)) return true;
  return ownText !== null && html.includes(longestWord);
}

function tidy(html: string): string {
  return html.replace(/\n{3,}/g, '\n\n').trim();
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
