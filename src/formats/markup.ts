/**
 * Markup kept in document order, for mixed content the object form of node.ts scrambles: NITF
 * (`<byline>By <person>Jane Doe</person></byline>`, paragraphs with inline tags) and NewsML-G2
 * `inlineXML`. Elements are named by their local name; prefixes and `xmlns` declarations are gone.
 */

export interface MarkupElement {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: readonly Markup[];
}

/** An element, or a run of character data (entity references already decoded). */
export type Markup = MarkupElement | string;

export function isElement(markup: Markup | undefined): markup is MarkupElement {
  return typeof markup === 'object';
}

/** Child elements, all or only those named `name`. */
export function elementsOf(parent: MarkupElement | undefined, name?: string): MarkupElement[] {
  const out: MarkupElement[] = [];
  for (const child of parent?.children ?? []) {
    if (isElement(child) && (name === undefined || child.name === name)) out.push(child);
  }
  return out;
}

export function elementOf(parent: MarkupElement | undefined, name: string): MarkupElement | undefined {
  return parent?.children.find((c): c is MarkupElement => isElement(c) && c.name === name);
}

/** Follows a path of child names (`['head', 'docdata', 'doc-id']`), taking the first match at each step. */
export function pathOf(
  parent: MarkupElement | undefined,
  names: readonly string[],
): MarkupElement | undefined {
  let node = parent;
  for (const name of names) node = elementOf(node, name);
  return node;
}

/** The first element named `name` at any depth, depth-first in document order. */
export function findElement(nodes: readonly Markup[], name: string): MarkupElement | undefined {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name === name) return node;
    const found = findElement(node.children, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Trimmed attribute value; null when absent or blank. */
export function markupAttr(element: MarkupElement | undefined, name: string): string | null {
  const value = element?.attrs.get(name)?.trim();
  return value ? value : null;
}

/** All character data under `node`, in order, skipping elements named in `skip`. */
export function markupText(node: Markup | undefined, skip: ReadonlySet<string> = NONE): string {
  if (node === undefined) return '';
  if (!isElement(node)) return node;
  let text = '';
  for (const child of node.children) {
    if (!isElement(child) || !skip.has(child.name)) text += markupText(child, skip);
  }
  return text;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * fast-xml-parser's `preserveOrder` output (`[{ p: [...], ':@': { '@_id': 'x' } }, { '#text': 'y' }]`)
 * as Markup. Processing instructions (`?name`) and comments are dropped.
 */
export function fromOrdered(list: unknown, attrPrefix: string): Markup[] {
  if (!Array.isArray(list)) return [];
  const out: Markup[] = [];
  for (const entry of list as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const fields = entry as Readonly<Record<string, unknown>>;
    for (const [key, value] of Object.entries(fields)) {
      if (key === '#text') out.push(String(value));
      else if (key !== ':@' && !key.startsWith('?') && !key.startsWith('#')) {
        out.push({
          name: key,
          attrs: attrsOf(fields[':@'], attrPrefix),
          children: fromOrdered(value, attrPrefix),
        });
      }
    }
  }
  return out;
}

function attrsOf(raw: unknown, prefix: string): ReadonlyMap<string, string> {
  const attrs = new Map<string, string>();
  if (typeof raw !== 'object' || raw === null) return attrs;
  for (const [key, value] of Object.entries(raw)) {
    // A boolean attribute (`<media-reference noflow>`) parses as `true`.
    attrs.set(key.startsWith(prefix) ? key.slice(prefix.length) : key, value === true ? '' : String(value));
  }
  return attrs;
}
