/**
 * The one HTML sanitiser (over sanitize-html) and the HTML → text reader (over htmlparser2). Every
 * body, summary and caption passes through here before it leaves wirefeed.
 */
import sanitize from 'sanitize-html';

// biome-ignore format: one list reads better than one tag a line
const ALLOWED_TAGS = [
  'p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u',
  'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'pre', 'code', 'hr',
  'sub', 'sup',
];

/**
 * Elements whose content is never text a reader should see; dropped with everything inside them
 * (sanitize-html only drops the tags and keeps the inner text by default).
 */
// biome-ignore format: as above
const DROPPED_WITH_CONTENT = [
  'script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'template', 'noscript',
  'textarea', 'select', 'option', 'button', 'head', 'title', 'noembed', 'noframes', 'applet',
  'canvas', 'audio', 'video', 'frameset', 'frame', 'xmp',
];

const DROPPED_UNLESS_IFRAMES = DROPPED_WITH_CONTENT.filter((tag) => tag !== 'iframe');

/**
 * `<span>` carries only styling in agency copy, so it is unwrapped; `<div>` becomes a paragraph.
 * Iframes survive only from the hosts a publisher allowlists (video embeds), over https.
 */
function options(baseUrl: string | null, iframeHosts: readonly string[]): sanitize.IOptions {
  const iframes = iframeHosts.length > 0;
  return {
    allowedTags: iframes ? [...ALLOWED_TAGS, 'iframe'] : ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      ...(iframes ? { iframe: ['src', 'width', 'height', 'title', 'allowfullscreen'] } : {}),
    },
    allowedIframeHostnames: [...iframeHosts],
    allowIframeRelativeUrls: false,
    allowedSchemesByTag: { iframe: ['https'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    nonTextTags: iframes ? DROPPED_UNLESS_IFRAMES : DROPPED_WITH_CONTENT,
    transformTags: {
      div: 'p',
      h1: 'h2',
      a: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, 'href', baseUrl) }),
      img: (tagName, attribs) => ({ tagName, attribs: withDimensions(withUrl(attribs, 'src', baseUrl)) }),
    },
    // An image whose source was dropped, and paragraphs emptied by the filtering, are noise.
    exclusiveFilter: (frame) =>
      ((frame.tag === 'img' || frame.tag === 'iframe') && !frame.attribs.src) ||
      (frame.tag === 'p' && frame.text.trim() === '' && !frame.mediaChildren.length),
  };
}

/** `iframeHosts`: hostnames whose embeds are kept (e.g. www.youtube.com); none by default. */
export function sanitiseHtml(
  html: string,
  baseUrl: string | null,
  iframeHosts: readonly string[] = [],
): string {
  return sanitize(html, options(baseUrl, iframeHosts)).trim();
}

/**
 * Relative URLs resolved against `baseUrl`; protocol-relative ones get https. A URL that stays
 * relative (no base) is dropped. Scheme filtering (javascript:, data:, vbscript:) is sanitize-html's.
 */
function withUrl(attribs: sanitize.Attributes, name: string, baseUrl: string | null): sanitize.Attributes {
  const out: sanitize.Attributes = {};
  for (const [key, value] of Object.entries(attribs)) {
    const resolved = key === name ? resolveUrl(value.trim(), baseUrl) : value;
    if (resolved !== null) out[key] = resolved;
  }
  return out;
}

function resolveUrl(value: string, baseUrl: string | null): string | null {
  if (value === '') return null;
  try {
    if (value.startsWith('//')) return new URL(`https:${value}`).href;
    return new URL(value, baseUrl ?? undefined).href;
  } catch {
    return null;
  }
}

function withDimensions(attribs: sanitize.Attributes): sanitize.Attributes {
  const out = { ...attribs };
  for (const name of ['width', 'height']) {
    if (out[name] !== undefined && !/^\d{1,5}$/.test(out[name].trim())) delete out[name];
  }
  return out;
}

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

// htmlToText lives apart (over htmlparser2) to keep both files small; one import for callers.
export { htmlToText } from './html-text.js';
