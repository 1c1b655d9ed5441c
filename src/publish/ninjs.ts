/**
 * The canonical article as IPTC ninjs 3.1 (schemas/ninjs/ninjs-schema_3.1.json): for consumers
 * that speak ninjs rather than wirefeed's flatter contract. Nulls are left out, as ninjs has no
 * nulls, and every value is shaped so the output validates (test/publish/ninjs.test.ts).
 */
import type { Article, Media } from '../model/article.js';

type Json = Record<string, unknown>;

const STANDARD = {
  name: 'ninjs',
  version: '3.1',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json',
};

export function toNinjs(article: Article): Json {
  const url = asUri(article.url);
  return compact({
    uri: `urn:wirefeed:article:${article.id}`,
    standard: STANDARD,
    type: 'text',
    representationType: 'full',
    version: String(article.version),
    firstCreated: article.firstCreated,
    versionCreated: article.versionCreated,
    embargoedUntil: article.embargoedUntil,
    pubStatus: article.status,
    urgency: urgencyOf(article.urgency),
    language: article.language,
    slugline: article.slugline,
    headlines: [{ role: 'main', value: article.headline }],
    by: article.byline,
    located: article.dateline?.place ?? null,
    descriptions: nonEmpty([
      ...(article.summary ? [{ role: 'summary', contentType: 'text/plain', value: article.summary }] : []),
      ...(article.disclaimer
        ? [{ role: 'disclaimer', contentType: 'text/plain', value: article.disclaimer.text }]
        : []),
    ]),
    bodies: [
      { role: 'main', contentType: 'text/html', value: article.bodyHtml },
      { role: 'main', contentType: 'text/plain', value: article.bodyText },
    ],
    // "originfo": the originating information source, in IPTC's infosource-role NewsCodes.
    infoSources: article.agency
      ? [{ name: article.agency.name, literal: article.agency.code, role: 'originfo' }]
      : null,
    subjects: nonEmpty(article.subjects.map(subject)),
    copyrightHolder: article.rights.holder,
    copyrightNotice: article.rights.notice,
    usageTerms: article.rights.usageTerms,
    altIds: [
      { role: 'wirefeed', value: article.id },
      ...(article.sourceGuid ? [{ role: 'sourceGuid', value: article.sourceGuid }] : []),
    ],
    renditions: url ? [{ name: 'web', href: url, contentType: 'text/html' }] : null,
    associations: nonEmpty(article.media.flatMap(association)),
  });
}

const NINJS_TYPE: Record<Media['kind'], string> = {
  image: 'picture',
  video: 'video',
  audio: 'audio',
  graphic: 'graphic',
  other: 'component',
};

/** A subject's uri when it is one; anything else identifying it is kept as `literal`. */
function subject(s: Article['subjects'][number]): Json {
  const uri = asUri(s.uri);
  return compact({ name: s.name, uri, literal: uri === null ? s.uri : null });
}

/** ninjs requires an association to have a uri; media whose URL cannot be one is left out. */
function association(media: Media, index: number): Json[] {
  const uri = asUri(media.url);
  if (uri === null) return [];
  const rendition = compact({
    name: 'original',
    href: uri,
    contentType: media.mimeType,
    width: media.width,
    height: media.height,
  });
  return [
    compact({
      name: `media${index + 1}`,
      uri,
      type: NINJS_TYPE[media.kind],
      descriptions: media.caption
        ? [{ role: 'caption', contentType: 'text/plain', value: media.caption }]
        : null,
      by: media.credit,
      renditions: [rendition],
    }),
  ];
}

/** ninjs allows 1–9 only; a source's out-of-scale value is better absent than invalid. */
function urgencyOf(urgency: number | null): number | null {
  return urgency !== null && Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : null;
}

function compact(object: Json): Json {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== null && value !== undefined),
  );
}

function nonEmpty<T>(list: T[]): T[] | null {
  return list.length > 0 ? list : null;
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i;
/** Characters RFC 3986 allows in a URI, plus `%` (checked below as an escape). */
const NOT_URI_CHAR = /[^A-Za-z\d\-._~:/?#[\]@!$&'()*+,;=%]|%(?![\da-fA-F]{2})/gu;
/** After the authority, `[` and `]` are not allowed either (RFC 3986 keeps them for IPv6 hosts). */
const NOT_URI_CHAR_AFTER_HOST = /[^A-Za-z\d\-._~:/?#@!$&'()*+,;=%]|%(?![\da-fA-F]{2})/gu;
const AUTHORITY = /^[a-z][a-z\d+.-]*:(?:\/\/[^/?#]*)?/i;

/**
 * The value as an RFC 3986 URI (what ninjs's `format: uri` means), or null when it has no scheme.
 * WHATWG URLs, which normalise/ produces, may still hold `|`, `^` or non-ASCII: percent-encoded.
 */
function asUri(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  if (!SCHEME.test(trimmed)) return null;
  const head = trimmed.match(AUTHORITY)?.[0] ?? '';
  const encode = (c: string) => encodeURIComponent(c);
  try {
    return (
      head.replace(NOT_URI_CHAR, encode) + trimmed.slice(head.length).replace(NOT_URI_CHAR_AFTER_HOST, encode)
    );
  } catch {
    return null; // a lone surrogate: encodeURIComponent throws, and no URI can hold it
  }
}
