/**
 * An article's id: stable across polls, restarts, replicas and versions. Scoped per agency, so the
 * same PTI story carried by two PTI feeds is one article; feeds without an agency are their own scope.
 * The id is a hash so that it is safe as a Redis key and a BullMQ job id (no `:`).
 */
import { createHash } from 'node:crypto';

export interface IdentitySource {
  agencyCode: string | null;
  feedId: string;
  sourceGuid: string | null;
  url: string | null;
  headline: string;
  /** The source's own date; null when estimated, since an estimate changes from poll to poll. */
  sourceDate: string | null;
}

export function articleId(source: IdentitySource): string {
  const scope = source.agencyCode ? `agency/${source.agencyCode}` : `feed/${source.feedId}`;
  const key = identityKey(source);
  const digest = createHash('sha256').update(`${scope}\n${key}`).digest('hex').slice(0, 24);
  const prefix = (source.agencyCode ?? source.feedId).toLowerCase().replace(/[^a-z0-9]+/g, '');
  return `${prefix.slice(0, 16) || 'wf'}-${digest}`;
}

function identityKey(source: IdentitySource): string {
  const guid = source.sourceGuid?.trim();
  if (guid) return `guid\n${guid}`;
  const url = source.url ? canonicalLink(source.url) : null;
  if (url) return `url\n${url}`;
  return `text\n${source.headline.trim().toLowerCase()}\n${source.sourceDate ?? ''}`;
}

/** Tracking parameters and fragments do not make a different story. */
function canonicalLink(link: string): string | null {
  try {
    const url = new URL(link);
    url.hash = '';
    for (const key of [...url.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|ref$)/i.test(key)) url.searchParams.delete(key);
    }
    url.hostname = url.hostname.toLowerCase();
    return url.toString();
  } catch {
    return null;
  }
}
