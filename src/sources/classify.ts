/** Maps what undici, DNS and TLS throw onto wirefeed's stable error codes. */
import { IngestError } from '../model/errors.js';

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'ABORT_ERR',
]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
/** The server hung up or sent less than it promised: a truncated body, a reset mid-stream. */
const INCOMPLETE_CODES = new Set([
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ECONNRESET',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'Z_BUF_ERROR',
]);

export function classifyFetchError(err: unknown): IngestError {
  if (err instanceof IngestError) return err;
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof IngestError) return cause;
  const code = String((err as { code?: unknown }).code ?? '');
  const name = (err as { name?: unknown }).name;
  const message = err instanceof Error ? err.message : String(err);
  if (TIMEOUT_CODES.has(code) || name === 'TimeoutError' || name === 'AbortError') {
    return new IngestError('FETCH_TIMEOUT', message, { cause: err });
  }
  if (DNS_CODES.has(code)) return new IngestError('FETCH_DNS', message, { cause: err });
  if (INCOMPLETE_CODES.has(code)) return new IngestError('FETCH_INCOMPLETE', message, { cause: err });
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code)) {
    return new IngestError('FETCH_TLS', message, { cause: err });
  }
  return new IngestError('FETCH_FAILED', message, { cause: err });
}
