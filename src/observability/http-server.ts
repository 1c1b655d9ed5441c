/** /healthz (alive), /readyz (Redis reachable and scheduler running), /metrics, and optional extras. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Metrics } from './metrics.js';

export interface HealthServerOptions {
  host: string;
  port: number;
  metrics: Metrics;
  /**
   * `problems` make the service unready (503); `notes` are shown either way — failing feeds are
   * news for the operator but no reason to restart the process.
   */
  readiness(): Promise<{ problems: string[]; notes: string[] }>;
  /** Tried first; resolves true when it answered the request (the queue dashboard). */
  extra?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

export async function createHealthServer(
  options: HealthServerOptions,
): Promise<{ server: Server; port: number }> {
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (await options.extra?.(req, res)) return;
      if (path === '/healthz') return send(res, 200, 'text/plain', 'ok\n');
      if (path === '/readyz') {
        const { problems, notes } = await options.readiness();
        const lines = [problems.length === 0 ? 'ready' : 'not ready', ...problems, ...notes];
        return send(res, problems.length === 0 ? 200 : 503, 'text/plain', `${lines.join('\n')}\n`);
      }
      if (path === '/metrics') {
        return send(res, 200, options.metrics.registry.contentType, await options.metrics.registry.metrics());
      }
      send(res, 404, 'text/plain', 'not found\n');
    } catch (err) {
      send(res, 500, 'text/plain', `${(err as Error).message}\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : options.port };
}

function send(res: import('node:http').ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
