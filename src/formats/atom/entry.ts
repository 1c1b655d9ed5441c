/** One Atom `<entry>` → ItemDraft. Spec: RFC 4287; Atom 0.3 names noted where they differ. */
import {
  type DraftMedia,
  type DraftSubject,
  emptyDraft,
  IngestError,
  type ItemDraft,
} from '../../model/index.js';
import { kindOf, mediaDescriptionOf, mediaOf } from '../media-rss.js';
import { attr, childText, childTextOf, first, nodes, type XmlNode } from '../node.js';
import { collapseWhitespace, isHttpUrl, resolveBase } from '../text.js';
import { uniqueBy } from '../unique.js';
import { asHtml, asText, textConstruct } from './text.js';

/** Feed-level values entries inherit (RFC 4287 §4.2.1: entries inherit the feed's authors). */
export interface FeedContext {
  authors: string | null;
  language: string | null;
  rights: string | null;
  baseUrl: string | null;
}

export function parseEntry(entry: XmlNode, feed: FeedContext): ItemDraft {
  const draft = emptyDraft();
  draft.guid = childText(entry, 'id');
  draft.link = alternateLink(entry);
  const title = textConstruct(entry.title);
  draft.title = asText(title);
  draft.titleIsHtml = title !== null && title.kind !== 'text';
  const content = asHtml(textConstruct(entry.content));
  const summary = asHtml(textConstruct(entry.summary));
  // Same rule as RSS: without content the summary is the story, and no separate summary is kept.
  draft.bodyHtml = content ?? summary ?? mediaDescriptionOf(entry);
  draft.summaryHtml = content === null ? null : summary;
  draft.author = authorsOf(entry) ?? feed.authors;
  draft.published = childTextOf(entry, ['published', 'issued', 'created']);
  draft.updated = childTextOf(entry, ['updated', 'modified']);
  draft.subjects = subjectsOf(entry);
  draft.media = uniqueBy([...mediaOf(entry), ...enclosures(entry)], (m) => m.url);
  draft.language = attr(entry, 'xml:lang') ?? feed.language;
  draft.baseUrl = resolveBase(attr(entry, 'xml:base'), feed.baseUrl);
  draft.rights = asText(textConstruct(entry.rights)) ?? feed.rights;
  draft.credit = asText(textConstruct(first(entry, 'source')?.title));
  if (draft.title === null && draft.bodyHtml === null) {
    throw new IngestError('ITEM_INVALID', 'entry has neither a title nor a summary or content');
  }
  return draft;
}

/** `rel="alternate"` or no rel (RFC 4287 §4.2.7.2), preferring an HTML page when several. */
export function alternateLink(parent: XmlNode | undefined): string | null {
  const alternates = nodes(parent, 'link').filter((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const html = alternates.find((l) => attr(l, 'type')?.toLowerCase().includes('html'));
  return attr(html ?? alternates[0], 'href');
}

/** Author names joined; null when none is named. */
export function authorsOf(parent: XmlNode | undefined): string | null {
  const names = nodes(parent, 'author')
    .map((a) => collapseWhitespace(childText(a, 'name')))
    .filter((n): n is string => n !== null);
  return names.length > 0 ? names.join(', ') : collapseWhitespace(childText(parent, 'dc:creator'));
}

function enclosures(entry: XmlNode): DraftMedia[] {
  return nodes(entry, 'link')
    .filter((l) => attr(l, 'rel') === 'enclosure' && attr(l, 'href') !== null)
    .map((l) => {
      const mimeType = attr(l, 'type');
      return {
        url: attr(l, 'href') ?? '',
        kind: kindOf(null, mimeType),
        mimeType,
        caption: attr(l, 'title'),
        credit: null,
        width: null,
        height: null,
      };
    });
}

/**
 * `label` is the display name, `term` the code. A scheme ending in `/` or `#` is a vocabulary
 * base (IPTC: `http://cv.iptc.org/newscodes/subjectcode/` + `15000000`), giving a concept URI.
 */
function subjectsOf(entry: XmlNode): DraftSubject[] {
  const subjects: DraftSubject[] = [];
  for (const category of nodes(entry, 'category')) {
    const term = attr(category, 'term');
    const name = collapseWhitespace(attr(category, 'label') ?? term);
    if (name === null) continue;
    const scheme = attr(category, 'scheme');
    const uri = isHttpUrl(term)
      ? term
      : isHttpUrl(scheme) && term !== null && /[/#]$/.test(scheme)
        ? scheme + term
        : null;
    subjects.push({ name, uri });
  }
  return uniqueBy(subjects, (s) => s.name.toLowerCase());
}
