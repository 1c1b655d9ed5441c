/** Predicates for single config values that zod has no built-in for. */
import { isIP } from 'node:net';

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const HOST_NAME =
  /^(?=.{1,253}\.?$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)*\.?$/i;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** True when the text starts with a URL scheme (`https://…`); anything else is read as a file path. */
export function hasUrlScheme(text: string): boolean {
  return SCHEME.test(text);
}

/** An http(s) or file: URL, or a plain path (non-empty, without a scheme). */
export function isFeedLocation(text: string): boolean {
  if (text.trim() === '') return false;
  if (!hasUrlScheme(text)) return true;
  if (!URL.canParse(text)) return false;
  return ['http:', 'https:', 'file:'].includes(new URL(text).protocol);
}

export function isRedisUrl(text: string): boolean {
  return URL.canParse(text) && ['redis:', 'rediss:'].includes(new URL(text).protocol);
}

/** A host name, an IP address (IPv6 with or without brackets), or a CIDR block such as 10.0.0.0/8. */
export function isHostOrCidr(text: string): boolean {
  const [address = '', prefix, ...rest] = text.split('/');
  if (rest.length > 0) return false;
  if (prefix !== undefined) {
    const version = isIP(address);
    const bits = Number(prefix);
    return version !== 0 && /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
  }
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  return isIP(bare) !== 0 || HOST_NAME.test(address);
}
