/** The file transport on real files: packed files are unpacked under the cap. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/model/errors.js';
import { FileTransport } from '../../src/sources/file.js';
import type { FetchRequest } from '../../src/sources/transport.js';

const dir = mkdtempSync(join(tmpdir(), 'wirefeed-file-'));
const transport = new FileTransport();

function request(path: string, maxBytes = 1024 * 1024): FetchRequest {
  return { url: path, validators: null, maxBytes, timeoutMs: 1_000, allowPrivateHosts: [], headers: {} };
}

describe('FileTransport', () => {
  it('unpacks a .xml.gz batch', async () => {
    const path = join(dir, 'batch.xml.gz');
    writeFileSync(path, gzipSync('<rss><channel/></rss>'));
    const result = await transport.fetch(request(path));
    expect(result.kind === 'fetched' && Buffer.from(result.bytes).toString()).toBe('<rss><channel/></rss>');
  });

  it('refuses a packed file that unpacks past the cap', async () => {
    const path = join(dir, 'bomb.xml.gz');
    writeFileSync(path, gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)));
    const error = await transport.fetch(request(path, 1024 * 1024)).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe('FEED_TOO_LARGE');
  });
});
