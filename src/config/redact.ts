/** Config and URLs fit for logs: no credential survives, everything else stays readable. */
import type { Config, FeedAuth } from './types.js';

export const REDACTED = '[redacted]';

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i;
const SECRET_WORDS = new Set([
  'token',
  'key',
  'apikey',
  'password',
  'passwd',
  'pwd',
  'secret',
  'sig',
  'signature',
  'auth',
  'credential',
  'credentials',
]);

/** `access_token`, `X-Api-Key`, `apiKey`, `X-Amz-Signature` all count; `keyword` and `design` do not. */
function isSecretParam(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => SECRET_WORDS.has(word)) || SECRET_WORDS.has(words.join(''));
}

function redactQuery(query: string, extra: readonly string[]): string {
  return query
    .split('&')
    .map((pair) => {
      const [rawName = '', ...value] = pair.split('=');
      const name = safeDecode(rawName);
      const secret = isSecretParam(name) || extra.includes(name);
      return secret && value.length > 0 ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

/**
 * The URL with its `user:password@` replaced by `[redacted]@` and secret-looking query values (token,
 * key, apikey, api_key, password, secret, sig, signature … plus `extraParams`) replaced by
 * `[redacted]`. Works on the text, so the rest of the URL reads exactly as configured.
 */
export function redactUrl(url: string, extraParams: readonly string[] = []): string {
  const withoutUser = url.replace(USERINFO, `$1${REDACTED}@`);
  const hashAt = withoutUser.indexOf('#');
  const beforeHash = hashAt === -1 ? withoutUser : withoutUser.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : withoutUser.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return withoutUser;
  return `${beforeHash.slice(0, queryAt + 1)}${redactQuery(beforeHash.slice(queryAt + 1), extraParams)}${hash}`;
}

/** Redis URLs keep the user name: `redis://:secret@host:6379` → `redis://:[redacted]@host:6379`. */
export function redactRedisUrl(url: string): string {
  return url.replace(USERINFO, (_match, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    return colon === -1 ? `${scheme}${REDACTED}@` : `${scheme}${userinfo.slice(0, colon)}:${REDACTED}@`;
  });
}

function redactAuth(auth: FeedAuth): FeedAuth {
  switch (auth.type) {
    case 'bearer':
      return { ...auth, token: REDACTED };
    case 'basic':
      return { ...auth, username: REDACTED, password: REDACTED };
    case 'header':
    case 'query':
      return { ...auth, value: REDACTED };
  }
}

/** The resolved config as plain JSON, safe to print: `wirefeed config` and the startup log use it. */
export function redactConfig(config: Config): unknown {
  const copy = structuredClone(config) as Config;
  return {
    ...copy,
    redis: { ...copy.redis, url: copy.redis.url === null ? null : redactRedisUrl(copy.redis.url) },
    dashboard: { ...copy.dashboard, password: REDACTED },
    feeds: copy.feeds.map((feed) => ({
      ...feed,
      url:
        feed.transport === 'http'
          ? redactUrl(feed.url, feed.auth?.type === 'query' ? [feed.auth.param] : [])
          : feed.url,
      auth: feed.auth === null ? null : redactAuth(feed.auth),
    })),
  };
}
