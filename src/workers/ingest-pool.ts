/**
 * A small fixed pool of worker threads for `ingest`, so a huge feed (a 50 MB NewsML batch) is parsed
 * off the main event loop: BullMQ lock renewals, other feeds' polls and health checks keep running
 * meanwhile. Small inputs, the vast majority, stay inline: a thread hop costs more than they do.
 * Workers start on first use and stop after a spell with nothing to do: an idle worker still holds
 * its own V8 heap and module graph, 20 MB fresh and some 50 MB after a 1 MB feed, which would
 * otherwise stay on the service's resident set for good after a single large body. A crashed
 * worker fails its task and is replaced.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type IngestInput, type IngestOutput, type IngestSummary, ingestInSlices } from '../ingest.js';
import type { Article } from '../model/article.js';
import { IngestError } from '../model/errors.js';
import type { IngestReply, IngestTask, SerialisedError } from './ingest-messages.js';

export interface IngestPoolOptions {
  /** Worker threads at most; default 1, which keeps one core for the main loop on small machines. */
  size?: number;
  /** Inputs smaller than this run inline on the calling thread; default 1 MB. */
  inlineBelowBytes?: number;
  /**
   * A worker idle this long is stopped, and the next large input starts a new one; default 30 s.
   * Starting one takes 100–200 ms, mostly on the new thread: small beside parsing a 1 MB+ feed.
   */
  idleTimeoutMs?: number;
}

export const DEFAULT_INLINE_BELOW_BYTES = 1024 * 1024;
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/** Built JS beside this module: dist/workers/ingest-worker.js (what `wirefeed run` loads). */
const WORKER_URL = new URL('./ingest-worker.js', import.meta.url);
/**
 * Run from TypeScript source (tests, tsx) there is no JS worker file to load: everything then runs
 * inline, which is correct, only not off-thread.
 */
const WORKER_AVAILABLE = existsSync(fileURLToPath(WORKER_URL));

interface Pending {
  task: IngestTask;
  onArticles(articles: Article[]): void;
  resolve(output: IngestSummary): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
  /** Set while the worker waits for work: stops it when it fires. */
  idle: NodeJS.Timeout | null;
}

export class IngestPool {
  private readonly size: number;
  private readonly inlineBelowBytes: number;
  private readonly idleTimeoutMs: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: IngestPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? 1));
    this.inlineBelowBytes = options.inlineBelowBytes ?? DEFAULT_INLINE_BELOW_BYTES;
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  }

  /** Worker threads running now (busy or idle). */
  get threads(): number {
    return this.slots.length;
  }

  /** Same result as `ingest(input)`, and the same IngestError when the document cannot be read. */
  async ingest(input: IngestInput): Promise<IngestOutput> {
    const articles: Article[] = [];
    const summary = await this.ingestInSlices(input, (slice) => {
      for (const article of slice) articles.push(article);
    });
    return { ...summary, articles };
  }

  /**
   * `ingestInSlices` (ingest.ts): articles are handed to `onArticles` slice by slice as the worker
   * makes them, so the caller can queue them meanwhile; inline inputs arrive as one slice. Resolves
   * once the last slice has been handed over.
   */
  async ingestInSlices(
    input: IngestInput,
    onArticles: (articles: Article[]) => void,
  ): Promise<IngestSummary> {
    if (input.bytes.byteLength < this.inlineBelowBytes || !WORKER_AVAILABLE) {
      return ingestInSlices(input, Number.POSITIVE_INFINITY, onArticles);
    }
    if (this.closed) throw new Error('IngestPool is closed');
    // A copy, transferred: the caller keeps its bytes (pipeline.ts hashes them) and nothing is cloned twice.
    const bytes = input.bytes.slice().buffer;
    const task: IngestTask = { ...input, id: this.nextId++, bytes };
    return new Promise((resolve, reject) => {
      this.waiting.push({ task, onArticles, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the workers; tasks still queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) pending.reject(new Error('IngestPool closed'));
    await Promise.all(
      this.slots.splice(0).map(async (slot) => {
        slot.current?.reject(new Error('IngestPool closed'));
        slot.current = null;
        this.stopIdleTimer(slot);
        await slot.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = this.slots.find((s) => s.current === null) ?? this.spawn();
      if (slot === null) return;
      const pending = this.waiting.shift() as Pending;
      this.stopIdleTimer(slot);
      slot.current = pending;
      slot.worker.ref();
      slot.worker.postMessage(pending.task, [pending.task.bytes]);
    }
  }

  private spawn(): Slot | null {
    if (this.slots.length >= this.size) return null;
    const slot: Slot = { worker: new Worker(WORKER_URL), current: null, idle: null };
    slot.worker.on('message', (reply: IngestReply) => this.receive(slot, reply));
    slot.worker.on('error', (err) => this.lose(slot, err));
    slot.worker.on('exit', (code) => this.lose(slot, new Error(`ingest worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private receive(slot: Slot, reply: IngestReply): void {
    const pending = slot.current;
    if (pending === null || pending.task.id !== reply.id) return;
    if (reply.kind === 'articles') {
      pending.onArticles(reply.articles);
      return;
    }
    slot.current = null;
    // An idle worker does not keep the process alive; one with a task in hand does.
    slot.worker.unref();
    if (reply.kind === 'done') {
      pending.resolve({ format: reply.format, rejected: reply.rejected });
    } else {
      pending.reject(deserialise(reply.error));
    }
    this.dispatch();
    if (slot.current === null) this.startIdleTimer(slot);
  }

  private startIdleTimer(slot: Slot): void {
    slot.idle = setTimeout(() => this.retire(slot), this.idleTimeoutMs);
    slot.idle.unref();
  }

  private stopIdleTimer(slot: Slot): void {
    if (slot.idle !== null) clearTimeout(slot.idle);
    slot.idle = null;
  }

  /** Out of the pool first, so its exit is not taken for a crash; the next large input spawns anew. */
  private retire(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || slot.current !== null) return;
    this.slots.splice(index, 1);
    slot.idle = null;
    void slot.worker.terminate();
  }

  /** A worker that died (out of memory, a bug) fails only its own task; the next task gets a new one. */
  private lose(slot: Slot, err: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    this.stopIdleTimer(slot);
    slot.current?.reject(
      new IngestError('PARSE_MALFORMED', `ingest worker failed: ${err.message}`, { cause: err }),
    );
    slot.current = null;
    if (!this.closed) this.dispatch();
  }
}

function deserialise(error: SerialisedError): Error {
  if (error.code === null) return new Error(error.message);
  const { code, message, retryable } = error;
  return new IngestError(code, message, {
    retryable,
    ...(error.httpStatus === null ? {} : { httpStatus: error.httpStatus }),
    ...(error.retryAfterMs === null ? {} : { retryAfterMs: error.retryAfterMs }),
  });
}
