/**
 * The local feed servers the polling cases poll, on 127.0.0.1 only: one answers every conditional
 * request with 304, the other answers 200 with a 100-item feed whose window slides by one item per
 * request, so each poll reads 100 items and finds one of them new.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rssDocument, rssItems } from './generate.js';

export interface FeedServer {
  base: string;
  requests(): number;
  close(): Promise<void>;
}

const ETAG = '"bench-v1"';

export async function notModifiedServer(): Promise<FeedServer> {
  const body = rssDocument(rssItems(10, 7));
  return listen((req, res) => {
    if (req.headers['if-none-match'] === ETAG) res.writeHead(304, { etag: ETAG }).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG }).end(body);
  });
}

export async function slidingFeedServer(windowSize: number, maxRequests: number): Promise<FeedServer> {
  const items = rssItems(windowSize + maxRequests, 8);
  let next = 0;
  return listen((_req, res) => {
    const start = next++ % (items.length - windowSize);
    // Newest first, as agencies list them; each request brings one new item to the top.
    const window = items.slice(start, start + windowSize).reverse();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssDocument(window));
  });
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<FeedServer> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    count += 1;
    handler?.(req, res);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
