/**
 * HTML in and out of the canonical model: the sanitiser and the HTML → text reader (both over
 * htmlparser2), escaping, and paragraphs for bare text. Every body, summary and caption passes
 * through here before it leaves wirefeed.
 */
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Plain text as HTML: blank lines separate paragraphs, single newlines become `<br>`. */
export function textToHtml(text: string): string {
  return text
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

const BLOCK_TAG = /<(p|h[2-6]|ul|ol|table|blockquote|pre|figure|hr)\b/i;

/**
 * Copy that arrives as bare text or inline HTML (RSS descriptions often do) gets paragraphs, so
 * every body a CMS receives is block-structured. Sanitised HTML in, sanitised HTML out.
 */
export function ensureParagraphs(html: string): string {
  if (!html.trim() || BLOCK_TAG.test(html)) return html;
  return html
    .split(/(?:\n[ \t]*\n|<br\s*\/?>\s*<br\s*\/?>)\s*/i)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${p}</p>`)
    .join('\n');
}

// The sanitiser and the text reader live apart, each over htmlparser2; one import for callers.
export { htmlToText, sanitisedHtmlToText } from './html-text.js';
export { sanitiseHtml } from './sanitise.js';
