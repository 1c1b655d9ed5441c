/**
 * One ninjs object → ItemDraft, for all three generations: 1.x and 2.x use lower-case names
 * (`versioncreated`, `pubstatus`), 3.x camelCase (`versionCreated`, `pubStatus`), so each field is
 * read under every spelling. Schemas: https://www.iptc.org/std/ninjs/ (ninjs-schema_1.4, _2.1, _3.0).
 */
import { type ArticleStatus, emptyDraft, IngestError, type ItemDraft } from '../../model/index.js';
import {
  field,
  isObject,
  type JsonObject,
  jsonInt,
  jsonObjects,
  jsonText,
  jsonTexts,
  textField,
} from '../json.js';
import { collapseWhitespace } from '../text.js';
import { bodyOf, descriptionOf, headlineOf } from './content.js';
import { mediaOf } from './media.js';
import { subjectsOf } from './subjects.js';

export function parseNinjsItem(value: unknown): ItemDraft {
  if (!isObject(value)) throw new IngestError('ITEM_INVALID', 'ninjs item is not a JSON object');
  const draft = emptyDraft();
  draft.guid = ninjsGuid(value);
  const headline = headlineOf(value);
  draft.title = headline?.text ?? null;
  draft.titleIsHtml = headline?.isHtml ?? false;
  draft.bodyHtml = bodyOf(value);
  draft.summaryHtml = descriptionOf(value);
  draft.byline = bylineOf(value);
  draft.dateline = collapseWhitespace(textField(value, 'dateline'));
  draft.located = collapseWhitespace(textField(value, 'located'));
  draft.slugline = collapseWhitespace(textField(value, 'slugline'));
  draft.published = textField(value, 'firstCreated', 'firstcreated');
  draft.updated = textField(value, 'versionCreated', 'versioncreated');
  // 3.0 names it `embargoed` and proposes `embargoedUntil`; producers use both.
  draft.embargoedUntil = textField(value, 'embargoedUntil', 'embargoed');
  draft.status = statusOf(textField(value, 'pubStatus', 'pubstatus'));
  draft.urgency = urgencyOf(value.urgency);
  // Superdesk-style ninjs adds a `priority`; AP adds `signals`. Neither is in the IPTC schema.
  draft.priority = jsonText(value.priority);
  draft.signals = jsonTexts(value.signals).map((s) => s.toLowerCase());
  draft.subjects = subjectsOf(value);
  draft.media = mediaOf(value);
  draft.language = textField(value, 'language');
  draft.sourceVersion = textField(value, 'version');
  draft.rights = collapseWhitespace(textField(value, 'copyrightNotice', 'copyrightnotice'));
  draft.copyrightHolder = collapseWhitespace(textField(value, 'copyrightHolder', 'copyrightholder'));
  draft.usageTerms = collapseWhitespace(textField(value, 'usageTerms', 'usageterms'));
  draft.credit = creditOf(value);
  if (draft.title === null && draft.bodyHtml === null && draft.summaryHtml === null) {
    throw new IngestError('ITEM_INVALID', 'ninjs item has no headline, body or description');
  }
  return draft;
}

/**
 * `uri` is the item's identity, except from the AP Media API, whose `uri` carries per-request
 * query parameters (`?qt=…&et=…`) while `altids.itemid` stays the same across polls and versions.
 * Superdesk's ninjs has a `guid` and no `uri`.
 */
export function ninjsGuid(value: unknown): string | null {
  if (!isObject(value)) return null;
  return altId(value, 'itemid') ?? textField(value, 'uri', 'guid');
}

/** 1.x `altids` is `{ role: value }`; 2.x `altids` and 3.x `altIds` are `[{ role, value }]`. */
function altId(item: JsonObject, role: string): string | null {
  const ids = field(item, 'altIds', 'altids');
  if (isObject(ids)) return jsonText(ids[role]);
  const entry = jsonObjects(ids).find((id) => jsonText(id.role)?.toLowerCase() === role);
  return jsonText(entry?.value);
}

/** 2.x/3.x `by`, 1.x `byline`; AP also sends `bylines: [{ by, title }]`. */
function bylineOf(item: JsonObject): string | null {
  const byline = collapseWhitespace(textField(item, 'by', 'byline'));
  if (byline !== null) return byline;
  const names = jsonObjects(item.bylines).map((b) => collapseWhitespace(textField(b, 'by', 'name')));
  const named = names.filter((n): n is string => n !== null);
  return named.length > 0 ? named.join(', ') : null;
}

const STATUSES: Readonly<Record<string, ArticleStatus>> = {
  usable: 'usable',
  withheld: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
};

/** `stat:canceled` qcodes and British spelling are accepted; unknown values leave the default. */
function statusOf(raw: string | null): ArticleStatus | null {
  return STATUSES[raw?.toLowerCase().replace(/^stat:/, '') ?? ''] ?? null;
}

/** IPTC urgency 1–9 (a number, or a digit string from lax producers). */
function urgencyOf(value: unknown): number | null {
  const urgency = jsonInt(value);
  return urgency !== null && urgency >= 1 && urgency <= 9 ? urgency : null;
}

/**
 * The supplier: an `infoSources` (3.x) / `infosources` (2.x) / `infosource` (1.x) entry whose role
 * marks it as the originator, else the first one, else the copyright holder
 * (AP: "The Associated Press").
 */
function creditOf(item: JsonObject): string | null {
  const sources = jsonObjects(field(item, 'infoSources', 'infosources', 'infosource'));
  // Roles are URIs or qcodes (`…/infosourcerole/origcont`): only the last segment names the role.
  const role = (s: JsonObject) => jsonText(s.role)?.replace(/^.*[/:#]/, '') ?? '';
  const origin = sources.find((s) => /orig|source|supplier|provider/i.test(role(s)));
  const named = [origin, ...sources].map((s) => collapseWhitespace(textField(s, 'name', 'literal')));
  return (
    named.find((n) => n !== null) ?? collapseWhitespace(textField(item, 'copyrightHolder', 'copyrightholder'))
  );
}
