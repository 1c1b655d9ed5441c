/**
 * The HTTP(S) transport on undici: conditional GET, connect/headers/body timeouts plus an overall
 * deadline, at most five redirects followed here (so credentials never cross origins and permanent
 * moves are reported), a cap on the *decoded* body (a gzip bomb stops at the cap), and the SSRF
 * guard at connect time for every hop.
 */
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, buildConnector, type Dispatcher, request } from 'undici';
import { IngestError } from '../model/errors.js';
import { classifyFetchError } from './classify.js';
import { unpacked } from './packed.js';
import { parseRetryAfter } from './retry-after.js';
import { AddressPolicy } from './ssrf.js';
import type { FetchOutcome, FetchRequest, Transport, Validators } from './transport.js';

const CONNECT_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 30_000;
const BODY_IDLE_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;
const USER_AGENT = 'wirefeed/0.1 (news agency feed ingester)';
/** Headers that carry credentials: dropped when a redirect leaves the origin they were meant for. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

type Headers = Record<string, string | string[] | undefined>;

export interface HttpTransportOptions {
  /** Connections per origin: the per-host concurrency cap. */
  perHostConnections?: number;
}

export class HttpTransport implements Transport {
  /** One agent per allow-list, so keep-alive pools are shared by feeds with the same policy. */
  private readonly agents = new Map<string, Dispatcher>();

  constructor(private readonly options: HttpTransportOptions = {}) {}

  async fetch(req: FetchRequest): Promise<FetchOutcome> {
    const signal = AbortSignal.timeout(req.timeoutMs);
    const dispatcher = this.agentFor(req.allowPrivateHosts);
    let url = req.url;
    let headers = requestHeaders(req);
    let movedTo: string | null = null;
    try {
      for (let hop = 0; ; hop += 1) {
        const response = await request(url, { method: 'GET', headers, dispatcher, signal });
        const status = response.statusCode;
        const location = header(response.headers, 'location');
        if (status >= 300 && status < 400 && status !== 304 && location) {
          await response.body.dump();
          if (hop >= MAX_REDIRECTS) {
            throw new IngestError('TOO_MANY_REDIRECTS', `more than ${MAX_REDIRECTS} redirects`, {
              httpStatus: status,
            });
          }
          const next = redirectTarget(url, location);
          if (new URL(next).origin !== new URL(url).origin) headers = withoutCredentials(headers);
          // Only an unbroken chain of permanent moves from the configured URL moves the feed.
          if ((status === 301 || status === 308) && (hop === 0 || movedTo !== null)) movedTo = next;
          else movedTo = null;
          url = next;
          continue;
        }
        return await this.outcome(response, req.maxBytes, movedTo);
      }
    } catch (err) {
      throw classifyFetchError(err);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.agents.values()].map((agent) => agent.close()));
    this.agents.clear();
  }

  private async outcome(response: Dispatcher.ResponseData, maxBytes: number, movedTo: string | null) {
    const status = response.statusCode;
    // 204 is how some agency APIs say "nothing new since your last call": no body to read.
    if (status === 304 || status === 204) {
      await response.body.dump();
      return { kind: 'not_modified', httpStatus: status, movedTo } satisfies FetchOutcome;
    }
    if (status < 200 || status >= 300) {
      await response.body.dump();
      throw statusError(status, header(response.headers, 'retry-after'));
    }
    const body = await readCapped(response.body, header(response.headers, 'content-encoding'), maxBytes);
    const bytes = await unpacked(body, maxBytes);
    return {
      kind: 'fetched',
      bytes,
      contentType: header(response.headers, 'content-type'),
      httpStatus: status,
      validators: validatorsFrom(response.headers),
      movedTo,
    } satisfies FetchOutcome;
  }

  private agentFor(allowPrivateHosts: readonly string[]): Dispatcher {
    const key = [...allowPrivateHosts].sort().join(',');
    let agent = this.agents.get(key);
    if (!agent) {
      const policy = new AddressPolicy(allowPrivateHosts);
      const connect = buildConnector({ timeout: CONNECT_TIMEOUT_MS, lookup: policy.lookup });
      agent = new Agent({
        headersTimeout: HEADERS_TIMEOUT_MS,
        bodyTimeout: BODY_IDLE_TIMEOUT_MS,
        connections: this.options.perHostConnections ?? 4,
        // Literal IPs never reach `lookup`, so they are judged here, before the socket opens.
        connect: (options, callback) => {
          const host = options.hostname.replace(/^\[|\]$/g, '');
          try {
            if (isIP(host)) policy.check(host, host);
          } catch (err) {
            return callback(err as Error, null);
          }
          connect(options, callback);
        },
      });
      this.agents.set(key, agent);
    }
    return agent;
  }
}

function requestHeaders(req: FetchRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, br, deflate',
    ...req.headers,
  };
  if (req.validators?.etag) headers['if-none-match'] = req.validators.etag;
  if (req.validators?.lastModified) headers['if-modified-since'] = req.validators.lastModified;
  return headers;
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.includes(name)));
}

/** Redirects stay on http(s): a `file:` or `ftp:` Location is refused, not followed. */
function redirectTarget(from: string, location: string): string {
  const next = new URL(location, from);
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new IngestError('FETCH_FAILED', `refusing to follow a redirect to ${next.protocol} URL`);
  }
  return next.toString();
}

function header(headers: Headers, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Validators are not kept when the server asks for nothing to be stored. */
function validatorsFrom(headers: Headers): Validators | null {
  if (/no-store/i.test(header(headers, 'cache-control') ?? '')) return null;
  const etag = header(headers, 'etag');
  const lastModified = header(headers, 'last-modified');
  return etag || lastModified ? { etag, lastModified } : null;
}

function statusError(status: number, retryAfter: string | null): IngestError {
  const retryAfterMs = parseRetryAfter(retryAfter, new Date()) ?? undefined;
  const details = { httpStatus: status, retryAfterMs };
  const suffix = retryAfter ? ` (retry after ${retryAfter})` : '';
  if (status === 429) return new IngestError('RATE_LIMITED', `HTTP 429${suffix}`, details);
  if (status >= 500) return new IngestError('HTTP_5XX', `HTTP ${status}${suffix}`, details);
  if (status >= 300 && status < 400)
    return new IngestError('FETCH_FAILED', `HTTP ${status} without a Location`, details);
  return new IngestError('HTTP_4XX', `HTTP ${status}`, details);
}

/** Decodes as it reads and stops at the cap, so memory stays bounded whatever the server sends. */
async function readCapped(body: Readable, encoding: string | null, maxBytes: number): Promise<Uint8Array> {
  const decoder = decoderFor(encoding);
  const stream: Readable = decoder ? body.pipe(decoder) : body;
  if (decoder) body.on('error', (err) => decoder.destroy(err));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw new IngestError('FEED_TOO_LARGE', `body exceeds the ${maxBytes} byte cap`);
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    body.destroy();
    decoder?.destroy();
    throw classifyFetchError(err);
  }
  return Buffer.concat(chunks, total);
}

function decoderFor(encoding: string | null) {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      return createInflate();
    default:
      return null;
  }
}
