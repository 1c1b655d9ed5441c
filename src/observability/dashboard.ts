/**
 * The optional Bull Board queue dashboard, served by the health server under `dashboard.path`
 * behind basic auth. Bull Board, Hono and its node:http bridge are imported only when the
 * dashboard is enabled, so a default run never loads them. Hono rather than Express: two packages
 * with no dependencies of their own, where Express brings some sixty.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queue } from 'bullmq';

export interface DashboardOptions {
  /** URL path the dashboard lives under, e.g. `/admin/queues`. */
  path: string;
  username: string;
  password: string;
  /** Shown with retry, promote and remove actions. */
  queues: readonly Queue[];
  /** Shown without actions: wirefeed manages these itself. */
  readOnlyQueues?: readonly Queue[];
}

/** Answers the requests under the dashboard path and resolves true; leaves all others (false). */
export type DashboardHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export async function createDashboard(options: DashboardOptions): Promise<DashboardHandler> {
  const [{ createBullBoard }, { BullMQAdapter }, { HonoAdapter }, { Hono }, { getRequestListener }, statics] =
    await Promise.all([
      import('@bull-board/api'),
      import('@bull-board/api/bullMQAdapter'),
      import('@bull-board/hono'),
      import('hono'),
      import('@hono/node-server'),
      import('@hono/node-server/serve-static'),
    ]);
  const board = new HonoAdapter(statics.serveStatic).setBasePath(options.path);
  createBullBoard({
    queues: [
      ...options.queues.map((queue) => new BullMQAdapter(queue)),
      ...(options.readOnlyQueues ?? []).map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    ],
    serverAdapter: board,
  });
  const listener = getRequestListener(
    new Hono({ strict: false }).route(options.path, board.registerPlugin()).fetch,
  );
  const authorized = basicAuth(options.username, options.password);

  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path !== options.path && !path.startsWith(`${options.path}/`)) return false;
    if (!authorized(req.headers.authorization)) {
      res.writeHead(401, {
        'www-authenticate': 'Basic realm="wirefeed dashboard", charset="UTF-8"',
        'content-type': 'text/plain',
        'cache-control': 'no-store',
      });
      res.end('unauthorized\n');
      return true;
    }
    await listener(req, res);
    return true;
  };
}

/**
 * Checks an `Authorization: Basic …` header. Both sides are hashed first so the comparison is
 * constant-time whatever their lengths, and one check covers user name and password together.
 */
function basicAuth(username: string, password: string): (header: string | undefined) => boolean {
  const expected = digest(`${username}:${password}`);
  return (header) => {
    const encoded = /^Basic +([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '')?.[1];
    if (encoded === undefined) return false;
    return timingSafeEqual(digest(Buffer.from(encoded, 'base64').toString('utf8')), expected);
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
