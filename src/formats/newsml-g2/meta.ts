/**
 * NewsML-G2 2.x `contentMeta` ("Content Metadata": administrative and descriptive properties)
 * → draft fields. The properties are repeatable and may carry roles and languages; each reader
 * picks one value, or collects all for subjects.
 */
import type { DraftSubject, ItemDraft } from '../../model/index.js';
import { urgencyOf } from '../nitf/text.js';
import { attr, childText, first, nodes, textOf, type XmlNode } from '../node.js';
import { collapseWhitespace, textAsHtml } from '../text.js';
import { type Catalog, codeOf, qcodeUri } from './qcode.js';

/** Headline roles meaning the main headline, and those meaning a subheadline. */
const MAIN_ROLES = new Set(['main', 'headline', 'hl1', 'full']);
const SUB_ROLES = new Set(['sub', 'subheadline', 'subhead', 'hl2', 'deck']);

export function readContentMeta(meta: XmlNode | undefined, catalog: Catalog, draft: ItemDraft): void {
  const headlines = nodes(meta, 'headline');
  const main = headlines.find((h) => isMain(codeOf(attr(h, 'role')))) ?? headlines.find((h) => !isSub(h));
  draft.title = lineOf(main);
  draft.summaryHtml = html(lineOf(described(meta, 'summary')) ?? lineOf(headlines.find(isSub)));
  draft.slugline = firstLine(meta, 'slugline');
  draft.dateline = firstLine(meta, 'dateline');
  draft.located =
    nodes(meta, 'located')
      .map(placeOf)
      .find((p) => p !== null) ?? null;
  draft.byline = firstLine(meta, 'by')?.replace(/^by\s+/i, '') || null;
  draft.author = creatorsOf(meta);
  draft.credit = firstLine(meta, 'creditline');
  draft.urgency = urgencyOf(childText(meta, 'urgency'));
  draft.language = attr(first(meta, 'language'), 'tag');
  draft.subjects = [...subjectsOf(meta, catalog), ...keywordsOf(meta)];
  draft.published = childText(meta, 'contentCreated');
  draft.updated = childText(meta, 'contentModified');
}

/**
 * The `description` with the first of `roles` found (`drol:summary`, `drol:caption`), else one
 * with no role. Only plain text is read: G2 descriptions rarely carry inline markup.
 */
export function described(meta: XmlNode | undefined, ...roles: string[]): XmlNode | undefined {
  const descriptions = nodes(meta, 'description');
  for (const role of roles) {
    const found = descriptions.find((d) => codeOf(attr(d, 'role')) === role);
    if (found !== undefined) return found;
  }
  return descriptions.find((d) => attr(d, 'role') === null);
}

export function lineOf(node: XmlNode | undefined): string | null {
  return collapseWhitespace(textOf(node));
}

function isMain(role: string | null): boolean {
  return role === null || MAIN_ROLES.has(role);
}

function isSub(headline: XmlNode): boolean {
  return SUB_ROLES.has(codeOf(attr(headline, 'role')) ?? '');
}

function firstLine(meta: XmlNode | undefined, name: string): string | null {
  return (
    nodes(meta, name)
      .map(lineOf)
      .find((t) => t !== null) ?? null
  );
}

function html(text: string | null): string | null {
  return text === null ? null : textAsHtml(text);
}

/** `located` names its place in a `name` child; `@literal` when the provider has no code for it. */
function placeOf(located: XmlNode): string | null {
  return lineOf(first(located, 'name')) ?? attr(located, 'literal');
}

/** `creator` names (people or desks); the normaliser drops one that is only the agency. */
function creatorsOf(meta: XmlNode | undefined): string | null {
  const names = nodes(meta, 'creator')
    .map((c) => lineOf(first(c, 'name')) ?? attr(c, 'literal'))
    .filter((n): n is string => n !== null);
  return names.length > 0 ? names.join(', ') : null;
}

/**
 * `subject`: `@uri`, else the QCode expanded through the catalog. A subject with no `name` (common:
 * `<subject qcode="medtop:20000763"/>`) is named by its QCode so it is not lost.
 */
function subjectsOf(meta: XmlNode | undefined, catalog: Catalog): DraftSubject[] {
  const subjects: DraftSubject[] = [];
  for (const subject of nodes(meta, 'subject')) {
    const qcode = attr(subject, 'qcode');
    const uri = attr(subject, 'uri') ?? qcodeUri(qcode, catalog);
    const name = lineOf(first(subject, 'name')) ?? attr(subject, 'literal') ?? qcode ?? uri;
    if (name !== null) subjects.push({ name, uri });
  }
  return subjects;
}

function keywordsOf(meta: XmlNode | undefined): DraftSubject[] {
  return nodes(meta, 'keyword').flatMap((k) => {
    const name = lineOf(k);
    return name === null ? [] : [{ name, uri: null }];
  });
}
