/**
 * `wirefeed replay`: the real pipeline over local files. Without --publish it needs no Redis and
 * prints one JSON document per article on stdout (NDJSON); logs go to stderr. With --publish the
 * articles go through the same dedup and queue path as the service.
 */
import { type Backends, CLI_BACKENDS, connectBackends } from '../app.js';
import { commitArticles } from '../commit.js';
import { type Config, feedSettings, loadConfig } from '../config/index.js';
import { ingest } from '../ingest.js';
import { IngestError, toIngestError } from '../model/errors.js';
import type { FeedSettings } from '../model/feed.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { logRejected } from '../pipeline.js';
import { toNinjs } from '../publish/ninjs.js';
import { FileTransport } from '../sources/file.js';
import { expandInputs } from './inputs.js';
import { UsageError } from './usage-error.js';

export interface ReplayOptions {
  config?: string;
  feed?: string;
  agency?: string;
  baseUrl?: string;
  format: 'article' | 'ninjs';
  publish?: boolean;
}

/** Replay reads whole files; the cap only guards against pointing it at something huge by mistake. */
const REPLAY_MAX_BYTES = 512 * 1024 * 1024;

/** Resolves to the exit code: 0, or 1 when any input was rejected. */
export async function replayCommand(paths: string[], options: ReplayOptions): Promise<number> {
  const config = loadConfig({ file: options.config });
  const logger = createLogger({ level: config.log.level, pretty: config.log.pretty, fd: 2 });
  const settings = replaySettings(config, options);
  const backends: Backends | null = options.publish ? await connectBackends(config, CLI_BACKENDS) : null;
  let failed = 0;
  try {
    for (const path of expandInputs(paths)) {
      const log = logger.child({ feed_id: settings.id, input: path });
      try {
        const articles = await replayFile(path, settings, backends, log);
        for (const article of articles) {
          const document = options.format === 'ninjs' ? toNinjs(article) : article;
          process.stdout.write(`${JSON.stringify(document)}\n`);
        }
      } catch (err) {
        failed += 1;
        const error = toIngestError(err, 'PARSE_MALFORMED');
        log.error({ event: 'input.rejected', error_code: error.code, err: error.message }, 'input rejected');
      }
    }
  } finally {
    await backends?.close();
  }
  return failed > 0 ? 1 : 0;
}

/** One input through the pipeline; throws when not a single item in it is readable. */
async function replayFile(path: string, settings: FeedSettings, backends: Backends | null, log: Logger) {
  const fetched = await new FileTransport().fetch({
    url: path,
    validators: null,
    maxBytes: REPLAY_MAX_BYTES,
    timeoutMs: 0,
    allowPrivateHosts: [],
    headers: {},
  });
  if (fetched.kind !== 'fetched') return [];
  const fetchedAt = new Date();
  const { articles, rejected } = ingest({
    bytes: fetched.bytes,
    settings,
    source: path,
    contentType: null,
    fetchedAt,
  });
  logRejected(log, rejected);
  if (articles.length === 0 && rejected.length > 0) {
    const reason = `no readable item (${rejected.length} rejected: ${rejected[0]?.message})`;
    throw new IngestError(rejected[0]?.code ?? 'ITEM_INVALID', reason);
  }
  if (!backends) return articles;
  // Replay is for archives and fixtures: it queues what it reads, whatever its age (no maxAge).
  const { jobs, counts } = await commitArticles(articles, backends, { now: fetchedAt, maxAgeMs: 0 }, log);
  const items = { seen: articles.length + rejected.length, ...counts, rejected: rejected.length };
  log.info({ event: 'input.completed', items }, 'input replayed');
  // Printed as queued: an update carries its new version.
  const queued = new Map(jobs.map((job) => [job.article.id, job.article]));
  return articles.map((article) => queued.get(article.id) ?? article);
}

function replaySettings(config: Config, options: ReplayOptions): FeedSettings {
  const feed = options.feed ? config.feeds.find((f) => f.id === options.feed) : undefined;
  if (options.feed && !feed) throw new UsageError(`--feed ${options.feed}: no such feed in ${config.source}`);
  const base: FeedSettings = feed
    ? feedSettings(config, feed)
    : {
        id: 'replay',
        agency: null,
        format: null,
        timezone: config.timezone,
        baseUrl: null,
        disclaimer: { key: 'default', template: config.publisher.disclaimers.default ?? '' },
        publisherName: config.publisher.name,
        allowIframesFrom: config.html.allowIframesFrom,
      };
  return {
    ...base,
    agency: options.agency ? options.agency.toUpperCase() : base.agency,
    baseUrl: options.baseUrl ?? base.baseUrl,
  };
}
