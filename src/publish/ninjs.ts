/**
 * The canonical article as IPTC ninjs 3.1 (schemas/ninjs-schema_3.1.json): for consumers that
 * speak ninjs rather than wirefeed's flatter contract. Nulls are left out, as ninjs has no nulls.
 */
import type { Article, Media } from '../model/article.js';

type Json = Record<string, unknown>;

export function toNinjs(article: Article): Json {
  const ninjs: Json = {
    uri: `urn:wirefeed:article:${article.id}`,
    type: 'text',
    representationType: 'full',
    version: String(article.version),
    firstCreated: article.firstCreated,
    versionCreated: article.versionCreated,
    pubStatus: article.status,
    headlines: [{ role: 'main', value: article.headline }],
    bodies: [
      { role: 'main', contentType: 'text/html', value: article.bodyHtml },
      { role: 'main', contentType: 'text/plain', value: article.bodyText },
    ],
    subjects: article.subjects.map((s) =>
      compact({ name: s.name, uri: isUri(s.uri) ? s.uri : null, literal: isUri(s.uri) ? null : s.uri }),
    ),
    altIds: [
      { role: 'wirefeed', value: article.id },
      ...(article.sourceGuid ? [{ role: 'sourceGuid', value: article.sourceGuid }] : []),
    ],
  };
  const descriptions = [
    ...(article.summary ? [{ role: 'summary', contentType: 'text/plain', value: article.summary }] : []),
    ...(article.disclaimer
      ? [{ role: 'disclaimer', contentType: 'text/plain', value: article.disclaimer.text }]
      : []),
  ];
  if (descriptions.length > 0) ninjs.descriptions = descriptions;
  if (article.agency) {
    ninjs.infoSources = [{ name: article.agency.name, literal: article.agency.code, role: 'originfo' }];
  }
  if (article.urgency !== null) ninjs.urgency = article.urgency;
  if (article.slugline) ninjs.slugline = article.slugline;
  if (article.embargoedUntil) ninjs.embargoedUntil = article.embargoedUntil;
  if (article.language) ninjs.language = article.language;
  if (article.byline) ninjs.by = article.byline;
  if (article.dateline?.place) ninjs.located = article.dateline.place;
  if (article.rights.holder) ninjs.copyrightHolder = article.rights.holder;
  if (article.rights.notice) ninjs.copyrightNotice = article.rights.notice;
  if (article.rights.usageTerms) ninjs.usageTerms = article.rights.usageTerms;
  if (article.url) ninjs.renditions = [{ name: 'web', href: article.url, contentType: 'text/html' }];
  if (article.media.length > 0) ninjs.associations = article.media.map(association);
  return ninjs;
}

const NINJS_TYPE: Record<Media['kind'], string> = {
  image: 'picture',
  video: 'video',
  audio: 'audio',
  graphic: 'graphic',
  other: 'component',
};

function association(media: Media, index: number): Json {
  const rendition = compact({
    name: 'original',
    href: media.url,
    contentType: media.mimeType,
    width: media.width,
    height: media.height,
  });
  return compact({
    name: `media${index + 1}`,
    uri: media.url,
    type: NINJS_TYPE[media.kind],
    descriptions: media.caption
      ? [{ role: 'caption', contentType: 'text/plain', value: media.caption }]
      : null,
    by: media.credit,
    renditions: [rendition],
  });
}

function compact(object: Json): Json {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== null && value !== undefined),
  );
}

function isUri(value: string | null): value is string {
  return value !== null && /^[a-z][a-z0-9+.-]*:/i.test(value);
}
