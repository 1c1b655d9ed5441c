/**
 * One NewsML 1.2 `NewsItem` → ItemDraft. News lines and descriptive metadata are read from the
 * top `NewsComponent` first, then from the component that holds the text (AFP puts them on the
 * top one; others on the text part).
 */
import { type DraftSubject, emptyDraft, IngestError, type ItemDraft } from '../../model/index.js';
import { nitfToDraft } from '../nitf/parse.js';
import { attr, childText, childTexts, first, nodes, rawText, type XmlNode } from '../node.js';
import { collapseWhitespace, textAsHtml } from '../text.js';
import { uniqueBy } from '../unique.js';
import { storyParts } from './components.js';
import { dataContentHtml, embeddedNitf, readDataContent } from './data-content.js';
import { identityOf, managementOf, providerIdCredit, revisionOf } from './management.js';

export interface EnvelopeContext {
  /** `NewsEnvelope/Priority@FormalName`, for items without their own `Urgency`. */
  priority: string | null;
}

const SUBJECT_CODES = 'http://cv.iptc.org/newscodes/subjectcode/';

export function parseNewsItem(item: XmlNode, envelope: EnvelopeContext): ItemDraft {
  const draft = emptyDraft();
  draft.guid = identityOf(item);
  draft.sourceVersion = revisionOf(item);
  Object.assign(draft, managementOf(item, envelope.priority));
  const root = first(item, 'NewsComponent');
  const parts = storyParts(root);
  const scopes = [...new Set([root, parts.textComponent])];
  const line = (name: string) =>
    firstOf(scopes, (c) => collapseWhitespace(childText(first(c, 'NewsLines'), name)));
  const raw = rawText(parts.textItem?.DataContent);
  const content = raw === null ? [] : readDataContent(raw);
  const nitf = embeddedNitf(content);
  draft.bodyHtml = nitf === undefined ? dataContentHtml(content) : null;
  draft.title = line('HeadLine');
  const subHeadline = line('SubHeadLine');
  draft.summaryHtml = subHeadline === null ? null : textAsHtml(subHeadline);
  draft.byline = line('ByLine');
  draft.dateline = line('DateLine');
  draft.slugline =
    line('SlugLine') ?? collapseWhitespace(childText(first(item, 'Identification'), 'NameLabel'));
  draft.rights = line('CopyrightLine') ?? line('RightsLine');
  draft.credit = line('CreditLine') ?? firstOf(scopes, providerOf) ?? providerIdCredit(item);
  draft.media = parts.media;
  const metadata = scopes.map((c) => first(c, 'DescriptiveMetadata'));
  draft.language =
    firstOf(metadata, (m) => attr(first(m, 'Language'), 'FormalName')) ??
    attr(root, 'xml:lang') ??
    attr(item, 'xml:lang');
  draft.located = firstOf(metadata, locatedOf);
  draft.subjects = uniqueBy(
    [...metadata.flatMap(subjectsOf), ...scopes.flatMap(keywordLines)],
    (s) => `${s.name.toLowerCase()}\n${s.uri ?? ''}`,
  );
  // Embedded NITF gives the body, and fills whatever the NewsML metadata left unsaid.
  if (nitf !== undefined) nitfToDraft(nitf, draft);
  // A picture item (AFP photo service) has no text of its own: its caption is the copy, as in G2.
  const caption = parts.textItem === undefined ? draft.media.find((m) => m.caption !== null)?.caption : null;
  if (draft.bodyHtml === null && caption) draft.summaryHtml ??= textAsHtml(caption);
  if (draft.title === null && draft.bodyHtml === null && draft.summaryHtml === null) {
    throw new IngestError('ITEM_INVALID', 'NewsItem has neither a HeadLine nor text content');
  }
  return draft;
}

function firstOf<T>(list: readonly T[], read: (value: T) => string | null): string | null {
  for (const value of list) {
    const found = read(value);
    if (found !== null) return found;
  }
  return null;
}

/** `AdministrativeMetadata/Provider/Party@FormalName` ("AFP"): the supplier when no CreditLine says. */
function providerOf(component: XmlNode | undefined): string | null {
  const admin = first(component, 'AdministrativeMetadata');
  const party = first(first(admin, 'Provider'), 'Party') ?? first(first(admin, 'Source'), 'Party');
  return collapseWhitespace(attr(party, 'FormalName'));
}

const ISO_CODE = /^[A-Z]{2,3}$/;

/**
 * `Location` properties (City, CountryArea, Country), the story's origin first when several are
 * given (`HowPresent="Origin"`).
 */
function locatedOf(metadata: XmlNode | undefined): string | null {
  const locations = nodes(metadata, 'Location');
  const origin = locations.find((l) => attr(l, 'HowPresent')?.toLowerCase() === 'origin');
  for (const location of origin ? [origin] : locations) {
    const properties = nodes(location, 'Property');
    const value = (name: string) =>
      attr(
        properties.find((p) => attr(p, 'FormalName') === name),
        'Value',
      );
    // Country is usually an ISO 3166 code (`IND`), which is no place to print in a dateline.
    const country = value('Country');
    const place =
      value('City') ?? value('CountryArea') ?? (country && !ISO_CODE.test(country) ? country : null);
    if (place !== null) return place;
  }
  return null;
}

/**
 * `SubjectCode/Subject|SubjectMatter|SubjectDetail@FormalName`: 8-digit IPTC Subject NewsCodes
 * (the NewsML 1 topic set), named by their code since the document carries no label. Keyword
 * properties (`Property FormalName="Keyword"`) are subjects without a URI.
 */
function subjectsOf(metadata: XmlNode | undefined): DraftSubject[] {
  const subjects: DraftSubject[] = [];
  for (const code of nodes(metadata, 'SubjectCode')) {
    for (const level of ['Subject', 'SubjectMatter', 'SubjectDetail']) {
      for (const subject of nodes(code, level)) {
        const name = attr(subject, 'FormalName');
        if (name !== null) subjects.push({ name, uri: /^\d{8}$/.test(name) ? SUBJECT_CODES + name : null });
      }
    }
  }
  for (const property of nodes(metadata, 'Property')) {
    const value = collapseWhitespace(attr(property, 'Value'));
    if (attr(property, 'FormalName')?.toLowerCase() === 'keyword' && value !== null) {
      subjects.push({ name: value, uri: null });
    }
  }
  return subjects;
}

function keywordLines(component: XmlNode | undefined): DraftSubject[] {
  return childTexts(first(component, 'NewsLines'), 'KeywordLine').flatMap((k) => {
    const name = collapseWhitespace(k);
    return name === null ? [] : [{ name, uri: null }];
  });
}
