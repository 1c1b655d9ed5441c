/**
 * Copy escaped twice: `o&amp;#39;clock` in the XML reads as the text `o&#39;clock`. WordPress
 * titles (`&amp;#8217;`) and some agency systems (STT's NewsML-G2) do it. A reference left in text
 * after decoding is almost never meant literally in news copy, so it is decoded once more, as text:
 * never into markup. Only well-formed references to known characters change.
 */
import { decodeHTMLStrict } from 'entities';

const REFERENCE = '(?:#\\d{1,7}|#[xX][\\dA-Fa-f]{1,6}|[A-Za-z][A-Za-z\\d]{1,31});';
const IN_TEXT = new RegExp(`&${REFERENCE}`, 'g');
const ESCAPED_REFERENCE = new RegExp(`&amp;${REFERENCE}`);
const IN_HTML = new RegExp(`(<[^>]*>)|&amp;(${REFERENCE})`, 'g');

export function undoDoubleEscape(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(IN_TEXT, (ref) => decodeHTMLStrict(ref));
}

/**
 * The same in the text of the sanitiser's own output, where every `&` is written `&amp;` and no
 * `>` is left inside an attribute, so tags are skipped whole and attribute values stay as they are.
 */
export function undoDoubleEscapeInHtml(html: string, escapeText: (text: string) => string): string {
  // The tag-aware pass only for the rare body that needs it; a bare `AT&amp;T` does not.
  if (!ESCAPED_REFERENCE.test(html)) return html;
  return html.replace(IN_HTML, (match, tag: string | undefined, ref: string | undefined) =>
    tag !== undefined || ref === undefined ? match : escapeText(decodeHTMLStrict(`&${ref}`)),
  );
}
