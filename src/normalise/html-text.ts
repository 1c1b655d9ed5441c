/**
 * Readable plain text from HTML: block elements become paragraphs separated by a blank line,
 * `<br>` and table rows a newline, cells a space; whitespace collapses except inside `<pre>`.
 *
 * Two readers feed one writer. `htmlToText` reads any HTML through htmlparser2 (entities decoded
 * by the parser). `sanitisedHtmlToText` reads only what sanitise.ts writes — allowlisted tags,
 * quoted attributes, text escaped as `&amp;` `&lt;` `&gt;` — with one regular expression, at a
 * third of the cost; every body's text is read from its sanitised HTML, so that is the hot path.
 * A property test holds the two readers to the same output on sanitised HTML.
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
const TRAILING_SPACE = /[ \t]+(?=\n)/g;
/** Most text runs hold single spaces only; the collapsing replace is skipped for them. */
const NEEDS_COLLAPSING = /[\t\n\r\f\u00a0]| {2}/;

export function htmlToText(html: string): string {
  const writer = new TextWriter();
  const parser = new Parser(
    {
      onopentag: (name) => writer.open(name),
      onclosetag: (name) => writer.close(name),
      ontext: (text) => writer.text(text),
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return writer.result();
}

/** Tags (group 1 `/`, group 2 the name) or a run of text. */
const SANITISED_TOKEN = /<(\/?)([a-z][a-z\d]*)[^>]*>|[^<]+/g;
const SANITISED_ENTITY = /&(amp|lt|gt|quot);/g;
const SANITISED_CHARS: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const SELF_CLOSED = new Set(['br', 'hr', 'img']);

/** `htmlToText` for HTML that sanitise.ts wrote (and later stages only cut or wrapped in `<p>`). */
export function sanitisedHtmlToText(html: string): string {
  const writer = new TextWriter();
  for (const [token, slash, name] of html.matchAll(SANITISED_TOKEN)) {
    if (name === undefined) {
      writer.text(
        token.includes('&')
          ? token.replace(SANITISED_ENTITY, (_, e: string) => SANITISED_CHARS[e] ?? _)
          : token,
      );
    } else if (slash === '/') {
      writer.close(name);
    } else {
      writer.open(name);
      if (SELF_CLOSED.has(name)) writer.close(name);
    }
  }
  return writer.result();
}

/** Turns a stream of open, close and text events into readable text. */
class TextWriter {
  /**
   * The text so far without its trailing whitespace, which waits in `tail`: a break replaces it.
   * Kept apart, and the last character tracked, because reading the end of a string being built by
   * concatenation makes V8 flatten it, which turned long bodies quadratic.
   */
  private out = '';
  private tail = '';
  private last = '';
  /** 0 none, 1 newline, 2 blank line: the strongest break requested since the last text. */
  private pending = 0;
  private pre = 0;
  private skipped = 0;

  open(name: string): void {
    if (SKIPPED.has(name)) this.skipped++;
    if (name === 'pre') this.pre++;
    if (name === 'br')
      this.pending = Math.min(2, this.pending + 1); // `<br><br>` is a paragraph break
    else if (name === 'td' || name === 'th') this.emit(' ');
    else if (BLOCKS.has(name)) this.break(2);
    else if (LINES.has(name)) this.break(1);
  }

  close(name: string): void {
    if (SKIPPED.has(name)) this.skipped = Math.max(0, this.skipped - 1);
    if (name === 'pre') this.pre = Math.max(0, this.pre - 1);
    if (BLOCKS.has(name)) this.break(2);
    else if (LINES.has(name)) this.break(1);
  }

  text(text: string): void {
    if (this.skipped > 0) return;
    this.emit(this.pre || !NEEDS_COLLAPSING.test(text) ? text : text.replace(SPACE, ' '));
  }

  result(): string {
    return (this.out + this.tail).replace(TRAILING_SPACE, '').trim();
  }

  private emit(raw: string): void {
    let text = raw;
    const started = this.out !== '' || this.tail !== '';
    if (!this.pre && (!started || this.pending > 0 || this.last === '\n')) text = text.trimStart();
    else if (!this.pre && this.last === ' ' && text.startsWith(' ')) text = text.slice(1);
    if (text === '') return;
    if (this.pending > 0 && started) this.tail = this.pending === 2 ? '\n\n' : '\n';
    this.pending = 0;
    const content = endsInSpace(text) ? text.trimEnd() : text;
    if (content === '') {
      this.tail += text;
    } else {
      this.out += this.tail + content;
      this.tail = text.slice(content.length);
    }
    this.last = text[text.length - 1] ?? '';
  }

  private break(kind: number): void {
    if (this.out !== '' || this.tail !== '') this.pending = Math.max(this.pending, kind);
  }
}

/** Whether trimEnd would change the string (its whitespace is JavaScript's \s). */
function endsInSpace(text: string): boolean {
  return /\s/.test(text[text.length - 1] ?? '');
}
