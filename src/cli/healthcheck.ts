/**
 * `wirefeed healthcheck`: asks the running service's /healthz on the configured port. The Docker
 * HEALTHCHECK runs this, so it needs nothing the image lacks (no curl).
 */
import { loadConfig } from '../config/index.js';
import { UsageError } from './usage-error.js';

export async function healthcheckCommand(options: { config?: string; url?: string }): Promise<number> {
  const url = options.url ?? defaultUrl(options.config);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(4_000) });
    process.stdout.write(`${url}: ${response.status}\n`);
    return response.ok ? 0 : 1;
  } catch (err) {
    process.stderr.write(`wirefeed: ${url}: ${(err as Error).message}\n`);
    return 1;
  }
}

function defaultUrl(file: string | undefined): string {
  const { http } = loadConfig({ file });
  if (http.port === 0) throw new UsageError('the health server is off (http.port: 0); nothing to check');
  const host = http.host === '0.0.0.0' || http.host === '::' ? '127.0.0.1' : http.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${http.port}/healthz`;
}
