/**
 * Atom text constructs (RFC 4287 §3.1) from the raw markup xml.ts keeps for them. Atom 0.3 spells
 * the type as a MIME type and adds `mode="escaped|xml|base64"`; both map onto text/html/xhtml.
 */
import { attr, isNode, rawText, type XmlNode } from '../node.js';
import { collapseWhitespace, textAsHtml } from '../text.js';
import { rawXmlToText } from '../xml.js';

export interface TextConstruct {
  kind: 'text' | 'html' | 'xhtml';
  /** Plain text for `text`; HTML (unsafe) for `html` and `xhtml`. */
  value: string;
}

export function textConstruct(value: unknown): TextConstruct | null {
  const node = Array.isArray(value) ? value[0] : value;
  const raw = rawText(node);
  if (raw === null) return null;
  const element: XmlNode | undefined = isNode(node) ? node : undefined;
  if (attr(element, 'src') !== null) return null; // out-of-line content: nothing inline to read
  const declared = kindOf(attr(element, 'type'), attr(element, 'mode'));
  if (declared === null) return null;
  // Elements inside a text construct are invalid Atom (and Atom 0.3's default mode="xml"): the
  // producer meant markup, so it is read as XHTML rather than shown with its tags as text.
  const kind = declared === 'text' && hasElements(raw) ? 'xhtml' : declared;
  const text = kind === 'xhtml' ? xhtmlInner(raw) : rawXmlToText(raw).trim();
  return text === '' ? null : { kind, value: text };
}

/** HTML for a summary or body: text is escaped into paragraphs, markup passes through. */
export function asHtml(tc: TextConstruct | null): string | null {
  if (tc === null) return null;
  return tc.kind === 'text' ? textAsHtml(tc.value) : tc.value;
}

/** Plain text for a title, rights line or caption; markup is left for the caller to flag. */
export function asText(tc: TextConstruct | null): string | null {
  return tc === null ? null : tc.kind === 'text' ? collapseWhitespace(tc.value) : tc.value.trim();
}

function kindOf(type: string | null, mode: string | null): TextConstruct['kind'] | null {
  if (mode?.toLowerCase() === 'base64') return null; // Atom 0.3 binary content: not a story
  const t = (type ?? 'text').toLowerCase();
  if (t === 'xhtml' || t === 'application/xhtml+xml') return 'xhtml';
  if (t === 'html' || t === 'text/html') return mode?.toLowerCase() === 'xml' ? 'xhtml' : 'html';
  if (t === 'text' || t.startsWith('text/')) return 'text';
  return null;
}

const CDATA_SECTIONS = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g;

function hasElements(raw: string): boolean {
  return raw.includes('<') && /<[A-Za-z_]/.test(raw.replace(CDATA_SECTIONS, ''));
}

/**
 * The children of the wrapping `<div xmlns="http://www.w3.org/1999/xhtml">`, as written: XHTML is
 * already HTML. A prefixed wrapper (`<xhtml:div>`) has its prefix removed from every tag.
 */
function xhtmlInner(raw: string): string {
  const body = raw.trim();
  const open = /^<(?:([\w.-]+):)?div\b[^>]*>/.exec(body);
  if (open === null) return rawCdataAsText(body);
  const prefix = open[1];
  const close = prefix ? `</${prefix}:div>` : '</div>';
  const end = body.endsWith(close) ? body.length - close.length : body.length;
  let inner = body.slice(open[0].length, end);
  if (prefix) inner = inner.replace(new RegExp(`<(/?)${prefix.replaceAll('.', '\\.')}:`, 'g'), '<$1');
  return rawCdataAsText(inner).trim();
}

/** CDATA inside XHTML is character data: escape it so it stays text once read as HTML. */
function rawCdataAsText(xhtml: string): string {
  if (!xhtml.includes('<![CDATA[')) return xhtml;
  return xhtml.replace(CDATA_SECTIONS, (_m, text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  );
}
