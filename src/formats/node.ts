/**
 * Read-only accessors over fast-xml-parser output. Every accessor accepts whatever shape the
 * parser produced (string, object, array, missing) and returns null or [] rather than throwing,
 * so one odd element never takes down an item.
 */

export type XmlNode = { readonly [key: string]: unknown };

const TEXT = '#text';
const ATTR = '@_';

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Child elements named `name`, as nodes (a text-only child becomes `{ '#text': … }`). */
export function nodes(parent: XmlNode | undefined, name: string): XmlNode[] {
  const value = parent?.[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: XmlNode[] = [];
  for (const v of list) {
    if (isNode(v)) out.push(v);
    else if (typeof v === 'string') out.push({ [TEXT]: v });
  }
  return out;
}

export function first(parent: XmlNode | undefined, name: string): XmlNode | undefined {
  return nodes(parent, name)[0];
}

/** Trimmed text of a parsed value; null when empty or absent. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (Array.isArray(value)) {
    for (const v of value) {
      const text = textOf(v);
      if (text !== null) return text;
    }
    return null;
  }
  return isNode(value) ? textOf(value[TEXT]) : null;
}

/** Text of the first non-empty child named `name`. */
export function childText(parent: XmlNode | undefined, name: string): string | null {
  return textOf(parent?.[name]);
}

/** First non-empty text among several child names, in order of preference. */
export function childTextOf(parent: XmlNode | undefined, names: readonly string[]): string | null {
  for (const name of names) {
    const text = childText(parent, name);
    if (text !== null) return text;
  }
  return null;
}

/** Texts of every child named `name`, empties dropped. */
export function childTexts(parent: XmlNode | undefined, name: string): string[] {
  return nodes(parent, name)
    .map((n) => textOf(n))
    .filter((t): t is string => t !== null);
}

export function attr(node: XmlNode | undefined, name: string): string | null {
  const value = node?.[ATTR + name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The untrimmed text of a raw (stop-node) element. */
export function rawText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return rawText(value[0]);
  if (!isNode(value)) return null;
  const text = value[TEXT];
  return typeof text === 'string' ? text : '';
}
