/** The Transport port: how a feed's bytes arrive, whatever carries them. */

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchRequest {
  url: string;
  validators: Validators | null;
  maxBytes: number;
  timeoutMs: number;
  allowPrivateHosts: readonly string[];
  headers: Readonly<Record<string, string>>;
}

export type FetchOutcome =
  | {
      kind: 'fetched';
      bytes: Uint8Array;
      contentType: string | null;
      httpStatus: number | null;
      validators: Validators | null;
      /** The URL a permanent redirect (301/308) pointed to: the feed's config should follow. */
      movedTo?: string | null;
    }
  | { kind: 'not_modified'; httpStatus: number | null; movedTo?: string | null };

export interface Transport {
  fetch(request: FetchRequest): Promise<FetchOutcome>;
}

/** http(s) URLs go over the network; anything else is a local path. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
