/**
 * Bodies that are gzip files themselves: a `.xml.gz` batch, a feed served as `application/gzip` or
 * `application/octet-stream`, or a server that compresses an already compressed file (the HTTP
 * layer then removes only the outer layer). Recognised by the gzip magic bytes, whatever the
 * headers say, and unpacked under the same cap as any body, off the event loop.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { IngestError } from '../model/errors.js';

const gunzipAsync = promisify(gunzip);

export async function unpacked(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return await gunzipAsync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError('FEED_TOO_LARGE', `gzip body unpacks to over the ${maxBytes} byte cap`, {
        cause: err,
      });
    }
    throw new IngestError(
      'FETCH_INCOMPLETE',
      `gzip body is cut short or corrupt: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}
