/** The worker-thread entry of the ingest pool: runs `ingest` on each task, posting articles as they are made. */
import { parentPort } from 'node:worker_threads';
import { ingestInSlices } from '../ingest.js';
import { IngestError } from '../model/errors.js';
import {
  ARTICLES_PER_MESSAGE,
  type IngestReply,
  type IngestTask,
  type SerialisedError,
} from './ingest-messages.js';

const port = parentPort;
if (port === null) throw new Error('ingest-worker.js runs as a worker thread of IngestPool');

port.on('message', (task: IngestTask) => {
  const reply = (message: IngestReply) => port.postMessage(message);
  try {
    // Each slice leaves as soon as it is made: the main thread queues it while this one goes on.
    const output = ingestInSlices(
      { ...task, bytes: new Uint8Array(task.bytes) },
      ARTICLES_PER_MESSAGE,
      (articles) => reply({ id: task.id, kind: 'articles', articles }),
    );
    reply({ id: task.id, kind: 'done', format: output.format, rejected: output.rejected });
  } catch (err) {
    reply({ id: task.id, kind: 'failed', error: serialise(err) });
  }
});

function serialise(err: unknown): SerialisedError {
  if (!(err instanceof IngestError)) {
    const message = err instanceof Error ? err.message : String(err);
    return { code: null, message, retryable: false, httpStatus: null, retryAfterMs: null };
  }
  const { code, message, retryable, httpStatus, retryAfterMs } = err;
  return { code, message, retryable, httpStatus, retryAfterMs };
}
