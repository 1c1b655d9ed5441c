/** The replay transport: a feed that is a local file. */
import { readFile, stat } from 'node:fs/promises';
import { IngestError } from '../model/errors.js';
import { unpacked } from './packed.js';
import type { FetchOutcome, FetchRequest, Transport } from './transport.js';

export class FileTransport implements Transport {
  async fetch(request: FetchRequest): Promise<FetchOutcome> {
    const path = request.url.startsWith('file://') ? new URL(request.url).pathname : request.url;
    const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
      throw new IngestError('INPUT_NOT_FOUND', `cannot read ${path}: ${err.code ?? err.message}`, {
        cause: err,
      });
    });
    if (!info.isFile()) throw new IngestError('INPUT_NOT_FOUND', `not a file: ${path}`);
    if (info.size > request.maxBytes) {
      throw new IngestError(
        'FEED_TOO_LARGE',
        `${path} is ${info.size} bytes, over the ${request.maxBytes} byte cap`,
      );
    }
    // Size and mtime act as the file's ETag: an unchanged file costs no read and no parse.
    const etag = `${info.size}-${info.mtimeMs}`;
    if (request.validators?.etag === etag) return { kind: 'not_modified', httpStatus: null };
    const bytes = await unpacked(await readFile(path), request.maxBytes);
    return {
      kind: 'fetched',
      bytes,
      contentType: null,
      httpStatus: null,
      validators: { etag, lastModified: null },
    };
  }
}
