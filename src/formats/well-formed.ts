/**
 * Whether a prepared document (leniency.ts) is well-formed enough to read: one root element,
 * every element closed in order, start tags with quoted and unrepeated attributes, comments, CDATA
 * sections and processing instructions closed, nothing but markup around the root, and no deeper
 * nesting than any real feed needs. fast-xml-parser's parser reads broken documents silently (a
 * truncated feed parses as fewer items), so this check is what turns them into PARSE_MALFORMED.
 *
 * It replaced fast-xml-parser's XMLValidator, a second character-by-character pass that cost a
 * third as much as the parse itself; this one jumps from `<` to `<` and matches each piece of
 * markup with one sticky regular expression. Text needs no check: `prepare` has already escaped
 * every `&` and `<` that does not start a reference or markup.
 */
import { doctypeEnd } from './prolog.js';

export interface MalformedXml {
  message: string;
  line: number;
  column: number;
}

/** Deeper than NewsML-G2 or nested XHTML ever goes; stops stack-exhausting documents up front. */
export const MAX_DEPTH = 1_000;

const NAME = String.raw`[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*`;
/**
 * One attribute: quoted value, or none at all (`<option selected>`, as HTML-minded agencies write).
 * Values may hold `<`, which XML forbids but the parser reads correctly.
 */
const ATTRIBUTE = String.raw`\s+(${NAME})(?:\s*=\s*(?:"[^"]*"|'[^']*'))?`;
const START_TAG = new RegExp(String.raw`<(${NAME})((?:${ATTRIBUTE.replace('(', '(?:')})*)\s*(/?)>`, 'y');
const END_TAG = new RegExp(String.raw`</(${NAME})\s*>`, 'y');
const ATTRIBUTES = new RegExp(ATTRIBUTE, 'g');
const SECTIONS: readonly [string, string, string][] = [
  ['<!--', '-->', 'comment'],
  ['<![CDATA[', ']]>', 'CDATA section'],
  ['<?', '?>', 'processing instruction'],
];

/** Null when the document can be read; the first problem otherwise. */
export function checkWellFormed(xml: string): MalformedXml | null {
  const open: { name: string; at: number }[] = [];
  let roots = 0;
  let i = xml.indexOf('<');
  if (i < 0) return problem(xml, 0, 'no XML element found');
  if (xml.slice(0, i).trim() !== '') return problem(xml, 0, 'text before the root element');
  while (i >= 0) {
    let next: number;
    const second = xml.charCodeAt(i + 1);
    const section =
      second === 0x21 || second === 0x3f ? SECTIONS.find(([o]) => xml.startsWith(o, i)) : undefined;
    if (second === 0x21 && xml.slice(i + 2, i + 9).toUpperCase() === 'DOCTYPE') {
      // Out of place, but never expanded (entities.ts): read past it as the parser does.
      next = doctypeEnd(xml, i + 9);
      if (next < 0) return problem(xml, i, 'unclosed DOCTYPE');
    } else if (section !== undefined) {
      const [opener, closer, what] = section;
      const end = xml.indexOf(closer, i + opener.length);
      if (end < 0) return problem(xml, i, `unclosed ${what}`);
      if (what === 'CDATA section' && open.length === 0)
        return problem(xml, i, 'CDATA outside the root element');
      next = end + closer.length;
    } else if (second === 0x2f) {
      END_TAG.lastIndex = i;
      const m = END_TAG.exec(xml);
      if (m === null) return problem(xml, i, 'malformed end tag');
      const name = m[1] ?? '';
      const top = open.pop();
      if (top === undefined) return problem(xml, i, `end tag </${name}> without a start tag`);
      if (top.name !== name) {
        const opened = position(xml, top.at);
        return problem(
          xml,
          i,
          `expected </${top.name}> (opened at line ${opened.line}, column ${opened.column}), found </${name}>`,
        );
      }
      next = END_TAG.lastIndex;
    } else {
      START_TAG.lastIndex = i;
      const m = START_TAG.exec(xml);
      if (m === null) return problem(xml, i, `malformed markup ${JSON.stringify(xml.slice(i, i + 24))}`);
      const [, name = '', attributes = '', selfClosing] = m;
      if (open.length === 0 && roots++ > 0) return problem(xml, i, 'more than one root element');
      const repeated = attributes === '' ? null : repeatedAttribute(attributes);
      if (repeated !== null) return problem(xml, i, `attribute '${repeated}' repeated in <${name}>`);
      if (selfClosing !== '/') {
        if (open.length >= MAX_DEPTH) return problem(xml, i, `elements nested more than ${MAX_DEPTH} deep`);
        open.push({ name, at: i });
      }
      next = START_TAG.lastIndex;
    }
    i = xml.indexOf('<', next);
    if (open.length === 0 && xml.slice(next, i < 0 ? xml.length : i).trim() !== '') {
      return problem(xml, next, roots === 0 ? 'text before the root element' : 'text after the root element');
    }
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) return problem(xml, unclosed.at, `<${unclosed.name}> is never closed`);
  if (roots === 0) return problem(xml, 0, 'no XML element found');
  return null;
}

function repeatedAttribute(attributes: string): string | null {
  const seen = new Set<string>();
  for (const [, name = ''] of attributes.matchAll(ATTRIBUTES)) {
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return null;
}

function problem(xml: string, at: number, message: string): MalformedXml {
  return { message, ...position(xml, at) };
}

/** 1-based; computed only for the one error reported, never while scanning. */
function position(xml: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let nl = xml.indexOf('\n'); nl >= 0 && nl < at; nl = xml.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, column: at - lineStart + 1 };
}
