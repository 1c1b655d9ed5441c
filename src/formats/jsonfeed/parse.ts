/**
 * JSON Feed 1.0 and 1.1 → FeedDraft (https://jsonfeed.org/version/1.1). The document arrives parsed
 * (SniffedDocument `json`); nothing here reads the text again.
 */
import { type FeedDraft, IngestError } from '../../model/index.js';
import { itemResult } from '../item-result.js';
import { isObject, jsonList, jsonText, jsonValue } from '../json.js';
import { plainText } from '../text.js';
import type { SniffedDocument } from '../types.js';
import { authorsOf, type FeedContext, itemGuid, parseItem } from './item.js';

/** 1.1 §"top-level": `version` is the URL of the spec version; early producers wrote `http://`. */
const VERSION = /^https?:\/\/jsonfeed\.org\/version\//i;

/**
 * The version URL, or, for producers that write `"version": "1.0"` or none, the shape only JSON Feed
 * has: an `items` list beside `home_page_url`/`feed_url`, or items carrying `content_html`/`content_text`.
 */
export function isJsonFeed(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (VERSION.test(jsonText(value.version) ?? '')) return true;
  if (!Array.isArray(value.items)) return false;
  if (typeof value.home_page_url === 'string' || typeof value.feed_url === 'string') return true;
  return value.items.some((i) => isObject(i) && ('content_html' in i || 'content_text' in i));
}

export function parseJsonFeed(document: SniffedDocument): FeedDraft {
  const feed = jsonValue(document, 'JSON Feed');
  if (!isObject(feed)) throw new IngestError('FORMAT_UNSUPPORTED', 'a JSON Feed must be a JSON object');
  const ctx: FeedContext = {
    authors: authorsOf(feed),
    language: jsonText(feed.language),
    homePage: jsonText(feed.home_page_url),
  };
  return {
    format: 'jsonfeed',
    title: plainText(jsonText(feed.title)),
    link: ctx.homePage,
    language: ctx.language,
    rights: null,
    items: jsonList(feed.items).map((item) =>
      itemResult(
        () => parseItem(item, ctx),
        () => itemGuid(item),
      ),
    ),
  };
}
