/** A real HTTP server on 127.0.0.1 that serves feeds from memory; tests change them between polls. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface FeedServer {
  url(path: string): string;
  /** Sets what `path` answers with. */
  set(path: string, body: string | ((req: IncomingMessage) => string), contentType?: string): void;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, { body: string | ((req: IncomingMessage) => string); type: string }>();
  const requests: FeedServer['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = typeof route.body === 'function' ? route.body(req) : route.body;
    res.writeHead(200, { 'content-type': route.type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    set: (path, body, type = 'application/rss+xml; charset=utf-8') => routes.set(path, { body, type }),
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
