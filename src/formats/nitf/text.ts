/** Small NITF readers shared by the head and body readers. */
import { type MarkupElement, markupText } from '../markup.js';
import { collapseWhitespace } from '../text.js';

/** An element's character data as one line of plain text; null when empty. */
export function textIn(element: MarkupElement | undefined, skip?: ReadonlySet<string>): string | null {
  return element === undefined ? null : collapseWhitespace(markupText(element, skip));
}

/** NITF `ed-urg` and NewsML-G2 `urgency` share IPTC's 1 (most urgent) … 9 scale. */
export function urgencyOf(raw: string | null): number | null {
  return raw !== null && /^[1-9]$/.test(raw.trim()) ? Number(raw.trim()) : null;
}
