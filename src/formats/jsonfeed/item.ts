/**
 * One JSON Feed item → ItemDraft. Spec: https://jsonfeed.org/version/1.1 (1.0 differences noted).
 * `_`-prefixed extension objects are never read.
 */
import { type DraftMedia, emptyDraft, IngestError, type ItemDraft } from '../../model/index.js';
import { isObject, type JsonObject, jsonObjects, jsonText, jsonTexts, textField } from '../json.js';
import { kindOf } from '../media-rss.js';
import { collapseWhitespace, plainText, textAsHtml } from '../text.js';
import { uniqueBy } from '../unique.js';

/** Feed-level values items inherit (1.1 §items: "if not specified in an item, the top-level authors"). */
export interface FeedContext {
  authors: string | null;
  language: string | null;
  /** `home_page_url`: what a relative item `url` is relative to (the spec wants them absolute). */
  homePage: string | null;
}

export function parseItem(value: unknown, feed: FeedContext): ItemDraft {
  if (!isObject(value)) throw new IngestError('ITEM_INVALID', 'item is not a JSON object');
  const draft = emptyDraft();
  draft.guid = itemGuid(value);
  draft.link = resolved(textField(value, 'url', 'external_url'), feed.homePage);
  // Titles are plain text, yet producers (WordPress plugins) send `&#8217;` references in them.
  draft.title = plainText(jsonText(value.title));
  const content = contentOf(value);
  const summary = jsonText(value.summary);
  // Same rule as RSS and Atom: without content the summary is the story.
  draft.bodyHtml = content ?? (summary === null ? null : textAsHtml(summary));
  draft.summaryHtml = content === null || summary === null ? null : textAsHtml(summary);
  draft.author = authorsOf(value) ?? feed.authors;
  draft.published = jsonText(value.date_published);
  draft.updated = jsonText(value.date_modified);
  draft.subjects = uniqueBy(
    jsonTexts(value.tags).flatMap((t) => {
      const name = collapseWhitespace(t);
      return name === null ? [] : [{ name, uri: null }];
    }),
    (s) => s.name.toLowerCase(),
  );
  draft.media = mediaOf(value);
  draft.language = jsonText(value.language) ?? feed.language;
  if (draft.title === null && draft.bodyHtml === null) {
    throw new IngestError('ITEM_INVALID', 'item has neither a title nor content or a summary');
  }
  return draft;
}

/** `id` is required and a string, but 1.0 producers send numbers: `"id": 1234` is kept as `"1234"`. */
export function itemGuid(value: unknown): string | null {
  return isObject(value) ? jsonText(value.id) : null;
}

/** The link made absolute, since it is also the base for the body's and the media's URLs. */
function resolved(link: string | null, homePage: string | null): string | null {
  if (link === null || homePage === null) return link;
  try {
    return new URL(link, homePage).href;
  } catch {
    return link;
  }
}

/** `content_html` wins; `content_text` is plain text, escaped into paragraphs. */
function contentOf(item: JsonObject): string | null {
  const html = jsonText(item.content_html);
  if (html !== null) return html;
  const text = jsonText(item.content_text);
  return text === null ? null : textAsHtml(text);
}

/** 1.1 `authors[]`, else the 1.0 `author` object (deprecated in 1.1 but still sent). */
export function authorsOf(parent: JsonObject): string | null {
  const named = [...jsonObjects(parent.authors), ...jsonObjects(parent.author)]
    .map((a) => collapseWhitespace(jsonText(a.name)))
    .filter((n): n is string => n !== null);
  const unique = [...new Set(named)];
  return unique.length > 0 ? unique.join(', ') : null;
}

/** `image`, `banner_image`, then `attachments[]`; deduplicated by URL. */
function mediaOf(item: JsonObject): DraftMedia[] {
  const found: DraftMedia[] = [];
  for (const key of ['image', 'banner_image']) {
    const url = jsonText(item[key]);
    if (url !== null) found.push(media(url, 'image', null, null));
  }
  for (const attachment of jsonObjects(item.attachments)) {
    const url = jsonText(attachment.url);
    if (url === null) continue;
    const mimeType = jsonText(attachment.mime_type);
    found.push(media(url, kindOf(null, mimeType), mimeType, collapseWhitespace(jsonText(attachment.title))));
  }
  return uniqueBy(found, (m) => m.url);
}

function media(url: string, kind: DraftMedia['kind'], mimeType: string | null, caption: string | null) {
  return { url, kind, mimeType, caption, credit: null, width: null, height: null } satisfies DraftMedia;
}
