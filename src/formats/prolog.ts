/**
 * Reads what precedes an XML document's root element (declaration, comments, processing
 * instructions, DOCTYPE) with plain index scanning, so sniffing and parsing never run a regex over
 * untrusted prolog text.
 */

export interface Prolog {
  /** Index of the root element's `<`, or -1 when there is none. */
  rootStart: number;
  /** Root element name as written (with its prefix), or null. */
  rootName: string | null;
  /** The DOCTYPE declaration's extent, when there is one. */
  doctype: { start: number; end: number; name: string } | null;
}

const NAME_END = /[\s/>]/;

export function readProlog(text: string): Prolog {
  let i = documentStart(text);
  let doctype: Prolog['doctype'] = null;
  for (;;) {
    i = skipSpace(text, i);
    if (text.startsWith('<?', i)) {
      i = after(text, '?>', i + 2);
    } else if (text.startsWith('<!--', i)) {
      i = after(text, '-->', i + 4);
    } else if (text.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      const end = doctypeEnd(text, i + 9);
      doctype = { start: i, end, name: readName(text, skipSpace(text, i + 9)) };
      i = end;
    } else {
      break;
    }
    if (i < 0) return { rootStart: -1, rootName: null, doctype };
  }
  if (text[i] !== '<') return { rootStart: -1, rootName: null, doctype };
  const name = readName(text, i + 1);
  return { rootStart: i, rootName: name === '' ? null : name, doctype };
}

const LATE_DECLARATION = /<\?xml\s/;
/** How far to look for a declaration printed after garbage; warnings are short. */
const GARBAGE_LIMIT = 4096;

/**
 * Where the XML starts: past whitespace and BOMs, and past garbage before a late `<?xml …?>`
 * (a PHP warning, in text or as `<br /><b>Warning</b>…`, printed ahead of the feed). A declaration
 * is only legal at the very start, so one found later marks the real start, unless it sits after
 * a CDATA section or comment, where it is content.
 */
export function documentStart(text: string): number {
  const i = skipSpace(text, 0);
  if (text.startsWith('<?xml', i)) return i;
  const head = text.slice(i, i + GARBAGE_LIMIT);
  const at = head.search(LATE_DECLARATION);
  if (at <= 0) return i;
  const garbage = head.slice(0, at);
  return garbage.includes('<![CDATA[') || garbage.includes('<!--') ? i : i + at;
}

/** The root start tag's default namespace (`xmlns="…"`), if declared there. */
export function rootNamespace(text: string, prolog: Prolog): string | null {
  if (prolog.rootStart < 0) return null;
  const close = text.indexOf('>', prolog.rootStart);
  const tag = text.slice(prolog.rootStart, close < 0 ? undefined : close);
  return /\sxmlns\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? null;
}

function skipSpace(text: string, i: number): number {
  let j = i;
  // U+FEFF: a BOM that survived decoding (e.g. a UTF-8 BOM inside a UTF-16 stream).
  while (j < text.length && (text.charCodeAt(j) <= 0x20 || text.charCodeAt(j) === 0xfeff)) j++;
  return j;
}

function after(text: string, marker: string, from: number): number {
  const j = text.indexOf(marker, from);
  return j < 0 ? -1 : j + marker.length;
}

function readName(text: string, from: number): string {
  let j = from;
  while (j < text.length && !NAME_END.test(text.charAt(j))) j++;
  return text.slice(from, j);
}

/** End of `<!DOCTYPE …>`, skipping an internal subset `[ … ]` that may itself contain `>`. */
/** The index just past a DOCTYPE declaration whose name starts at `from`; -1 when unclosed. */
export function doctypeEnd(text: string, from: number): number {
  const gt = text.indexOf('>', from);
  const bracket = text.indexOf('[', from);
  if (bracket < 0 || (gt >= 0 && gt < bracket)) return gt < 0 ? -1 : gt + 1;
  let close = text.indexOf(']', bracket);
  while (close >= 0) {
    const j = skipSpace(text, close + 1);
    if (text[j] === '>') return j + 1;
    close = text.indexOf(']', close + 1);
  }
  return -1;
}
