/**
 * NITF 3.x `head` → draft: `docdata` (identity, urgency, dates, version, rights, keywords),
 * `tobject` subjects, `pubdata` and the document `title`. Element and attribute names follow the
 * NITF 3.x DTD (nitf-3-x.dtd, "head" section).
 */
import type { ArticleStatus, DraftSubject, ItemDraft } from '../../model/index.js';
import { elementOf, elementsOf, type MarkupElement, markupAttr } from '../markup.js';
import { collapseWhitespace, isHttpUrl } from '../text.js';
import { textIn, urgencyOf } from './text.js';

const SUBJECT_CODES = 'http://cv.iptc.org/newscodes/subjectcode/';

/** `docdata@management-status` (NITF 3.3+); `embargoed` is carried by `date.release` instead. */
const STATUSES: Readonly<Record<string, ArticleStatus>> = {
  usable: 'usable',
  withheld: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
};

export function readHead(head: MarkupElement | undefined, draft: ItemDraft): void {
  const docdata = elementOf(head, 'docdata');
  const pubdata = elementOf(head, 'pubdata');
  draft.guid = markupAttr(elementOf(docdata, 'doc-id'), 'id-string');
  draft.status = STATUSES[markupAttr(docdata, 'management-status')?.toLowerCase() ?? ''] ?? null;
  draft.title = textIn(elementOf(head, 'title'));
  const edUrg = markupAttr(elementOf(docdata, 'urgency'), 'ed-urg');
  draft.urgency = urgencyOf(edUrg);
  draft.priority = draft.urgency === null ? edUrg : null;
  Object.assign(draft, datesOf(docdata, pubdata));
  draft.sourceVersion = markupAttr(elementOf(docdata, 'du-key'), 'version');
  draft.rights = rightsOf(docdata);
  draft.subjects = [...tobjectSubjects(head), ...keywords(docdata)];
  const exRef = markupAttr(pubdata, 'ex-ref');
  draft.link = isHttpUrl(exRef) ? exRef : null;
  // `regsrc` names the registering source ("AP"): a credit when the body names no distributor.
  draft.credit = markupAttr(elementOf(docdata, 'doc-id'), 'regsrc');
}

/**
 * `date.issue` is when this document was issued. `date.release` is when it may be released, which
 * is an embargo whenever it differs from the issue time; without an issue time it is the only date
 * the story has. `date.expire` has no place in the model and is not read.
 */
function datesOf(
  docdata: MarkupElement | undefined,
  pubdata: MarkupElement | undefined,
): Pick<ItemDraft, 'published' | 'embargoedUntil'> {
  const issue = markupAttr(elementOf(docdata, 'date.issue'), 'norm');
  const release = markupAttr(elementOf(docdata, 'date.release'), 'norm');
  const published = issue ?? release ?? markupAttr(pubdata, 'date.publication');
  return {
    published,
    embargoedUntil: issue !== null && release !== null && release !== issue ? release : null,
  };
}

/** `doc.copyright` (holder, year), else `doc.rights@owner`, as a notice: "© 2023 The Associated Press". */
function rightsOf(docdata: MarkupElement | undefined): string | null {
  const copyright = elementOf(docdata, 'doc.copyright');
  const holder = markupAttr(copyright, 'holder') ?? markupAttr(elementOf(docdata, 'doc.rights'), 'owner');
  if (holder === null) return null;
  const year = markupAttr(copyright, 'year');
  return year === null ? `© ${holder}` : `© ${year} ${holder}`;
}

/**
 * `tobject.subject`: the most specific of detail, matter and type names it. An 8-digit refnum is an
 * IPTC Subject NewsCode and becomes its concept URI.
 */
function tobjectSubjects(head: MarkupElement | undefined): DraftSubject[] {
  const subjects: DraftSubject[] = [];
  for (const tobject of elementsOf(head, 'tobject')) {
    for (const subject of elementsOf(tobject, 'tobject.subject')) {
      const refnum = markupAttr(subject, 'tobject.subject.refnum');
      const name =
        markupAttr(subject, 'tobject.subject.detail') ??
        markupAttr(subject, 'tobject.subject.matter') ??
        markupAttr(subject, 'tobject.subject.type') ??
        refnum;
      if (name === null) continue;
      const uri = refnum !== null && /^\d{8}$/.test(refnum) ? SUBJECT_CODES + refnum : null;
      subjects.push({ name: collapseWhitespace(name) ?? name, uri });
    }
  }
  return subjects;
}

function keywords(docdata: MarkupElement | undefined): DraftSubject[] {
  const subjects: DraftSubject[] = [];
  for (const list of elementsOf(docdata, 'key-list')) {
    for (const keyword of elementsOf(list, 'keyword')) {
      const name = collapseWhitespace(markupAttr(keyword, 'key') ?? textIn(keyword));
      if (name !== null) subjects.push({ name, uri: null });
    }
  }
  return subjects;
}
