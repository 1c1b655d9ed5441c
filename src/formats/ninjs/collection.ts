/**
 * Where the ninjs objects are in a JSON document: one object, an array of them, the AP Media API
 * feed envelope (`{ "data": { "items": [{ "meta": …, "item": {…} }] } }`) or its single-item
 * answer (`{ "data": { "meta": …, "item": {…} } }`), or a plain list under `items` (or `item`,
 * as BBC's feed API has it).
 */
import { isObject, jsonText } from '../json.js';

/** Keys only ninjs uses beside `uri`, across 1.x (lower-case) and 3.x (camelCase). */
const NINJS_KEYS = [
  'headline',
  'headlines',
  'body_html',
  'body_text',
  'bodies',
  'versioncreated',
  'versionCreated',
  'firstcreated',
  'firstCreated',
  'pubstatus',
  'pubStatus',
  'ninjsVersion',
];

/**
 * `uri` and a ninjs field; Superdesk's ninjs output (a common agency delivery) identifies items by
 * `guid` instead of `uri`, which counts when at least two ninjs fields vouch for it.
 */
export function looksLikeNinjs(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (jsonText(value.uri) === null) {
    return jsonText(value.guid) !== null && NINJS_KEYS.filter((key) => key in value).length >= 2;
  }
  if (NINJS_KEYS.some((key) => key in value)) return true;
  const schema = jsonText(value.$schema) ?? (isObject(value.standard) ? jsonText(value.standard.name) : null);
  return schema?.toLowerCase().includes('ninjs') ?? false;
}

/** The candidate items (each still to be checked), or null when the document is no ninjs shape. */
export function ninjsCandidates(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value.map(unwrap);
  if (!isObject(value)) return null;
  if (looksLikeNinjs(value)) return [value];
  const data = isObject(value.data) ? value.data : value;
  const list = Array.isArray(data.items) ? data.items : Array.isArray(data.item) ? data.item : null;
  if (list !== null) return list.map(unwrap);
  return isObject(data.item) && looksLikeNinjs(data.item) ? [data.item] : null;
}

/**
 * True when the document holds ninjs. An AP envelope counts even when this poll brought no items,
 * and so does a bare empty array: what a ninjs list endpoint answers when nothing is new.
 */
export function isNinjsDocument(value: unknown): boolean {
  const candidates = ninjsCandidates(value);
  if (candidates === null) return false;
  if (candidates.some(looksLikeNinjs)) return true;
  if (candidates.length > 0) return false;
  return Array.isArray(value) || (isObject(value) && jsonText(value.api_version) !== null);
}

/** AP wraps each item as `{ meta, item }`. */
function unwrap(entry: unknown): unknown {
  return isObject(entry) && !('uri' in entry) && isObject(entry.item) ? entry.item : entry;
}
