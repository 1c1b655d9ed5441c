/** Per-item isolation: one bad item becomes a rejected result and the rest of the feed survives. */
import { type ItemDraft, type ItemResult, toIngestError } from '../model/index.js';

export function itemResult(parse: () => ItemDraft, guid: () => string | null): ItemResult {
  try {
    return { ok: true, draft: parse() };
  } catch (err) {
    return { ok: false, error: toIngestError(err, 'ITEM_INVALID'), guid: safeGuid(guid) };
  }
}

function safeGuid(guid: () => string | null): string | null {
  try {
    return guid();
  } catch {
    return null;
  }
}
