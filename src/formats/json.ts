/**
 * Read-only accessors over parsed JSON, the JSON twin of `node.ts`. A JSON feed may put any type
 * anywhere (numbers for ids, a string where a list belongs, nulls), so every reader accepts
 * `unknown` and returns null or [] instead of throwing.
 */
import { IngestError } from '../model/index.js';
import type { SniffedDocument } from './types.js';

export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Trimmed text of a string, or a finite number as written (`"id": 1234`); anything else → null. */
export function jsonText(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

/** Text of the first key with a non-empty value: `textField(o, 'versioncreated', 'versionCreated')`. */
export function textField(object: JsonObject | undefined, ...keys: string[]): string | null {
  for (const key of keys) {
    const text = jsonText(object?.[key]);
    if (text !== null) return text;
  }
  return null;
}

/** The first key present with a value other than null/undefined. */
export function field(object: JsonObject | undefined, ...keys: string[]): unknown {
  for (const key of keys) {
    const value = object?.[key];
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** A list as a list, a lone value as a one-element list, null or absent as empty. */
export function jsonList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function jsonObjects(value: unknown): JsonObject[] {
  return jsonList(value).filter(isObject);
}

/** Non-empty texts of a list (or of a lone value). */
export function jsonTexts(value: unknown): string[] {
  return jsonList(value)
    .map(jsonText)
    .filter((t): t is string => t !== null);
}

/** A non-negative integer from a number or a digit string (`"width": "1200"`); else null. */
export function jsonInt(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : null;
  const text = jsonText(value);
  return text !== null && /^\d{1,9}$/.test(text) ? Number.parseInt(text, 10) : null;
}

/** The parsed JSON value of a sniffed document; an XML document declared as a JSON format is refused. */
export function jsonValue(document: SniffedDocument, format: string): unknown {
  if (document.kind === 'json') return document.value;
  throw new IngestError('FORMAT_UNSUPPORTED', `a ${format} feed must be JSON, got <${document.root.name}>`);
}
