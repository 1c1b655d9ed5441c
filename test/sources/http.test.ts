/** The HTTP transport against real servers on 127.0.0.1: validators, caps, timeouts, SSRF. */
import { createServer, type RequestListener, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/model/errors.js';
import { HttpTransport } from '../../src/sources/http.js';
import type { FetchRequest } from '../../src/sources/transport.js';

const servers: Server[] = [];
const transport = new HttpTransport();

async function serve(handler: RequestListener, host = '127.0.0.1'): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  return `http://${host}:${typeof address === 'object' && address ? address.port : 0}`;
}

function request(url: string, overrides: Partial<FetchRequest> = {}): FetchRequest {
  return {
    url,
    validators: null,
    maxBytes: 1024 * 1024,
    timeoutMs: 5_000,
    allowPrivateHosts: ['127.0.0.1'],
    headers: {},
    ...overrides,
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return err instanceof IngestError ? err.code : `not an IngestError: ${String(err)}`;
  }
  return 'resolved';
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});
afterAll(() => transport.close());

describe('HttpTransport', () => {
  it('sends the stored validators back and reports 304 as not modified', async () => {
    const seen: (string | undefined)[] = [];
    const base = await serve((req, res) => {
      seen.push(req.headers['if-none-match'] as string | undefined);
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Tue, 06 Jun 2023 12:00:00 GMT' }).end('<rss/>');
    });
    const first = await transport.fetch(request(`${base}/feed`));
    expect(first).toMatchObject({ kind: 'fetched', httpStatus: 200, validators: { etag: '"v1"' } });
    const validators = first.kind === 'fetched' ? first.validators : null;
    const second = await transport.fetch(request(`${base}/feed`, { validators }));
    expect(second).toEqual({ kind: 'not_modified', httpStatus: 304, movedTo: null });
    expect(seen).toEqual([undefined, '"v1"']);
  });

  it('reports 204 No Content as nothing new, not as an empty feed', async () => {
    const base = await serve((_req, res) => res.writeHead(204).end());
    expect(await transport.fetch(request(base))).toEqual({
      kind: 'not_modified',
      httpStatus: 204,
      movedTo: null,
    });
  });

  it('does not keep validators when the server says no-store', async () => {
    const base = await serve((_req, res) =>
      res.writeHead(200, { etag: '"x"', 'cache-control': 'no-store' }).end('<rss/>'),
    );
    expect(await transport.fetch(request(base))).toMatchObject({ kind: 'fetched', validators: null });
  });

  it('decodes a gzip body', async () => {
    const base = await serve((_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('<rss>ok</rss>')),
    );
    const result = await transport.fetch(request(base));
    expect(result.kind === 'fetched' && Buffer.from(result.bytes).toString()).toBe('<rss>ok</rss>');
  });

  it('stops a gzip bomb at the decoded-size cap', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const base = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb));
    expect(await codeOf(transport.fetch(request(base, { maxBytes: 1024 * 1024 })))).toBe('FEED_TOO_LARGE');
  });

  it('unpacks a body that is itself a gzip file, whatever the headers say, and one compressed twice', async () => {
    const packed = gzipSync('<rss>packed</rss>');
    const base = await serve((req, res) =>
      req.url === '/twice'
        ? res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(packed))
        : res.writeHead(200, { 'content-type': 'application/gzip' }).end(packed),
    );
    for (const path of ['/file.xml.gz', '/twice']) {
      const result = await transport.fetch(request(`${base}${path}`));
      expect(result.kind === 'fetched' && Buffer.from(result.bytes).toString()).toBe('<rss>packed</rss>');
    }
  });

  it('stops a packed gzip bomb at the cap, and fails a cut-short gzip file as incomplete', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    const cut = gzipSync(Buffer.alloc(64 * 1024, 0x41)).subarray(0, 40);
    const base = await serve((req, res) => res.writeHead(200).end(req.url === '/bomb' ? bomb : cut));
    expect(await codeOf(transport.fetch(request(`${base}/bomb`, { maxBytes: 1024 * 1024 })))).toBe(
      'FEED_TOO_LARGE',
    );
    expect(await codeOf(transport.fetch(request(`${base}/cut`)))).toBe('FETCH_INCOMPLETE');
  });

  it('stops a plain body over the cap', async () => {
    const base = await serve((_req, res) => res.writeHead(200).end(Buffer.alloc(2 * 1024 * 1024, 0x41)));
    expect(await codeOf(transport.fetch(request(base, { maxBytes: 1024 * 1024 })))).toBe('FEED_TOO_LARGE');
  });

  it('cuts off a server that drips its body past the deadline', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200);
      const drip = setInterval(() => res.write('<'), 100);
      res.on('close', () => clearInterval(drip));
    });
    expect(await codeOf(transport.fetch(request(base, { timeoutMs: 500 })))).toBe('FETCH_TIMEOUT');
  });

  it('classifies 429, 5xx and 4xx answers', async () => {
    const base = await serve((req, res) => {
      const status = Number(req.url?.slice(1));
      res.writeHead(status, status === 429 ? { 'retry-after': '120' } : {}).end();
    });
    expect(await codeOf(transport.fetch(request(`${base}/429`)))).toBe('RATE_LIMITED');
    expect(await codeOf(transport.fetch(request(`${base}/503`)))).toBe('HTTP_5XX');
    expect(await codeOf(transport.fetch(request(`${base}/404`)))).toBe('HTTP_4XX');
  });

  it('refuses a loopback address the feed does not allow', async () => {
    const base = await serve((_req, res) => res.end('<rss/>'));
    expect(await codeOf(transport.fetch(request(base, { allowPrivateHosts: [] })))).toBe('SSRF_BLOCKED');
  });

  it('refuses a redirect to a private address that is not allowed', async () => {
    const base = await serve((_req, res) =>
      res.writeHead(302, { location: 'http://127.0.0.2:9/feed' }).end(),
    );
    expect(await codeOf(transport.fetch(request(base)))).toBe('SSRF_BLOCKED');
  });

  it('refuses a name that resolves to a private address', async () => {
    expect(await codeOf(transport.fetch(request('http://localhost:9/feed', { allowPrivateHosts: [] })))).toBe(
      'SSRF_BLOCKED',
    );
  });

  it('follows at most five redirects', async () => {
    const base = await serve((req, res) => {
      const n = Number(req.url?.slice(1) || 0);
      res.writeHead(302, { location: `/${n + 1}` }).end();
    });
    expect(await codeOf(transport.fetch(request(`${base}/0`)))).toBe('TOO_MANY_REDIRECTS');
  });
});
