/**
 * The HTTP(S) transport on undici: conditional GET, connect/headers/body timeouts plus an overall
 * deadline, at most five redirects, a cap on the *decoded* body (a gzip bomb stops at the cap), and
 * the SSRF guard at connect time for every hop.
 */
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, buildConnector, type Dispatcher, interceptors, request } from 'undici';
import { IngestError } from '../model/errors.js';
import { classifyFetchError } from './classify.js';
import { AddressPolicy } from './ssrf.js';
import type { FetchOutcome, FetchRequest, Transport, Validators } from './transport.js';

const CONNECT_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 30_000;
const BODY_IDLE_TIMEOUT_MS = 30_000;
const MAX_REDIRECTIONS = 5;
const USER_AGENT = 'wirefeed/0.1 (+https://github.com/wirefeed/wirefeed)';

export class HttpTransport implements Transport {
  /** One agent per allow-list, so keep-alive pools are shared by feeds with the same policy. */
  private readonly agents = new Map<string, Dispatcher>();

  async fetch(req: FetchRequest): Promise<FetchOutcome> {
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      'accept-encoding': 'gzip, br, deflate',
      ...req.headers,
    };
    if (req.validators?.etag) headers['if-none-match'] = req.validators.etag;
    if (req.validators?.lastModified) headers['if-modified-since'] = req.validators.lastModified;
    try {
      const response = await request(req.url, {
        method: 'GET',
        headers,
        dispatcher: this.agentFor(req.allowPrivateHosts),
        signal: AbortSignal.timeout(req.timeoutMs),
      });
      const status = response.statusCode;
      if (status === 304) {
        await response.body.dump();
        return { kind: 'not_modified', httpStatus: status };
      }
      if (status < 200 || status >= 300) {
        await response.body.dump();
        throw statusError(status, header(response.headers, 'retry-after'));
      }
      const bytes = await readCapped(
        response.body,
        header(response.headers, 'content-encoding'),
        req.maxBytes,
      );
      return {
        kind: 'fetched',
        bytes,
        contentType: header(response.headers, 'content-type'),
        httpStatus: status,
        validators: validatorsFrom(response.headers),
      };
    } catch (err) {
      throw err instanceof IngestError ? err : classifyFetchError(err);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.agents.values()].map((agent) => agent.close()));
    this.agents.clear();
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
        connections: 8,
        // Literal IPs never reach `lookup`, so they are judged here, before the socket opens.
        connect: (options, callback) => {
          try {
            if (isIP(options.hostname.replace(/^\[|\]$/g, ''))) {
              policy.check(options.hostname, options.hostname.replace(/^\[|\]$/g, ''));
            }
          } catch (err) {
            return callback(err as Error, null);
          }
          connect(options, callback);
        },
      }).compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTIONS }));
      this.agents.set(key, agent);
    }
    return agent;
  }
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Validators are not kept when the server asks for nothing to be stored. */
function validatorsFrom(headers: Record<string, string | string[] | undefined>): Validators | null {
  if (/no-store/i.test(header(headers, 'cache-control') ?? '')) return null;
  const etag = header(headers, 'etag');
  const lastModified = header(headers, 'last-modified');
  return etag || lastModified ? { etag, lastModified } : null;
}

function statusError(status: number, retryAfter: string | null): IngestError {
  const suffix = retryAfter ? ` (retry after ${retryAfter})` : '';
  if (status === 429) return new IngestError('RATE_LIMITED', `HTTP 429${suffix}`);
  // undici hands back the last 3xx once the redirect limit is reached.
  if (status >= 300 && status < 400) {
    return new IngestError('TOO_MANY_REDIRECTS', `HTTP ${status} after ${MAX_REDIRECTIONS} redirects`);
  }
  if (status >= 500) return new IngestError('HTTP_5XX', `HTTP ${status}${suffix}`);
  return new IngestError('HTTP_4XX', `HTTP ${status}`);
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
      if (total > maxBytes) {
        throw new IngestError('FEED_TOO_LARGE', `body exceeds the ${maxBytes} byte cap`);
      }
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
