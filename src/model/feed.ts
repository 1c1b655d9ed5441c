/** Feed-level domain types: formats, per-feed settings as the pipeline sees them. */

export const FEED_FORMATS = ['rss', 'atom', 'jsonfeed', 'newsml-g2', 'nitf', 'ninjs', 'newsml-1'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/**
 * What the pure part of the pipeline needs to know about a feed: serialisable, so parsing and
 * normalising can move to worker threads without changing their API.
 */
export interface FeedSettings {
  id: string;
  /** Agency code from config, or null to detect it from the copy. */
  agency: string | null;
  /** Format from config, or null to detect it from the bytes. */
  format: FeedFormat | null;
  /** IANA zone for zone-less or ambiguous times, e.g. Asia/Kolkata. */
  timezone: string;
  /** Resolves relative links when the feed has no xml:base or item link. */
  baseUrl: string | null;
  /** Disclaimer resolved for this feed; null for own-staff feeds. */
  disclaimer: DisclaimerPolicy | null;
  publisherName: string;
  /** Hosts whose iframes (video embeds) survive sanitising; none when absent. */
  allowIframesFrom?: readonly string[];
}

export interface DisclaimerPolicy {
  key: string;
  /** Template with {publisher}, {agency} and {agencyName}. */
  template: string;
}
