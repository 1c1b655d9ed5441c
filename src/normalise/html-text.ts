/**
 * Readable plain text from (sanitised) HTML, written over htmlparser2 directly: block elements
 * become paragraphs separated by a blank line, `<br>` and table rows a newline, cells a space;
 * whitespace collapses except inside `<pre>`; entities are decoded by the parser.
 */
import { Parser } from 'htmlparser2';

// biome-ignore format: one list reads better than one tag a line
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'pre', 'figure', 'figcaption',
  'table', 'hr', 'section', 'article', 'header', 'footer', 'aside', 'address', 'dl', 'main', 'nav',
]);
const LINES = new Set(['li', 'tr', 'dt', 'dd', 'caption']);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'svg', 'math']);
const SPACE = /[ \t\n\r\f\u00a0]+/g;

export function htmlToText(html: string): string {
  let out = '';
  /** 0 none, 1 newline, 2 blank line: the strongest break requested since the last text. */
  let pending = 0;
  let pre = 0;
  let skipped = 0;

  const emit = (raw: string) => {
    let text = raw;
    if (!pre && (out === '' || pending > 0 || out.endsWith('\n'))) text = text.trimStart();
    if (!pre && out.endsWith(' ') && text.startsWith(' ')) text = text.slice(1);
    if (text === '') return;
    if (out !== '' && pending > 0) out = out.trimEnd() + (pending === 2 ? '\n\n' : '\n');
    pending = 0;
    out += text;
  };
  const brk = (kind: number) => {
    if (out !== '') pending = Math.max(pending, kind);
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipped++;
        if (name === 'pre') pre++;
        if (name === 'br')
          pending = Math.min(2, pending + 1); // `<br><br>` is a paragraph break
        else if (name === 'td' || name === 'th') emit(' ');
        else if (BLOCKS.has(name)) brk(2);
        else if (LINES.has(name)) brk(1);
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipped = Math.max(0, skipped - 1);
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (BLOCKS.has(name)) brk(2);
        else if (LINES.has(name)) brk(1);
      },
      ontext(text) {
        if (skipped > 0) return;
        emit(pre ? text : text.replace(SPACE, ' '));
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .trim();
}
