/**
 * `wirefeed queue list|show|retry|remove`: the publish queue by hand — recent jobs, one job's
 * article, failed jobs retried or removed. Talks to the configured Redis like `status` does.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { JOB_STATES, type JobState, type JobSummary, QueueAdmin } from '../publish/queue-admin.js';
import { formatTable } from './table.js';
import { UsageError } from './usage-error.js';

const REDIS_NOTE = [
  'Redis: REDIS_URL, else redis.url from the config. With neither, it uses the embedded',
  'redis-server of a `wirefeed run` on the same data directory (redis.embedded.dataDir, default',
  './var/redis), or starts one there, so it sees what a local `wirefeed run` queued.',
].join('\n');

interface ConfigOption {
  config?: string;
}

export function addQueueCommand(program: Command): void {
  const queue = program
    .command('queue')
    .description('inspect the publish queue: list jobs, show an article, retry or remove failed jobs');

  queue
    .command('list')
    .description('the most recent jobs, newest first')
    .option('-c, --config <file>', 'config file')
    .addOption(new Option('--state <state>', 'only jobs in this state').choices(JOB_STATES))
    .option('--limit <n>', 'at most this many jobs', parseLimit, 20)
    .option('--json', 'JSON instead of a table')
    .action(async (options: ConfigOption & { state?: JobState; limit: number; json?: boolean }) => {
      const rows = await withAdmin(options, (admin) =>
        admin.list(options.state ? [options.state] : JOB_STATES, options.limit),
      );
      process.stdout.write(options.json ? `${JSON.stringify(rows, null, 2)}\n` : table(rows));
    });

  queue
    .command('show')
    .description("print one job's state and its article as JSON")
    .argument('<job-id>', 'a job id: <article id>-v<version>')
    .option('-c, --config <file>', 'config file')
    .action(async (id: string, options: ConfigOption) => {
      const job = await withAdmin(options, (admin) => admin.show(id));
      process.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
    });

  queue
    .command('retry')
    .description('move a failed job, or every failed job, back to waiting with fresh attempts')
    .argument('[job-id]', 'a failed job')
    .option('--all-failed', 'every failed job')
    .option('-c, --config <file>', 'config file')
    .action(async (id: string | undefined, options: ConfigOption & { allFailed?: boolean }) => {
      const one = oneOrAll(id, options.allFailed);
      const done = await withAdmin(options, async (admin) =>
        one ? [(await admin.retry(one)).id] : admin.retryAllFailed(),
      );
      process.stdout.write(report('retried', done, id));
    });

  queue
    .command('remove')
    .description('delete a job, or every failed job, from the queue')
    .argument('[job-id]', 'a job that no worker holds')
    .option('--all-failed', 'every failed job')
    .option('-c, --config <file>', 'config file')
    .action(async (id: string | undefined, options: ConfigOption & { allFailed?: boolean }) => {
      const one = oneOrAll(id, options.allFailed);
      const done = await withAdmin(options, async (admin) =>
        one ? [(await admin.remove(one)).id] : admin.removeAllFailed(),
      );
      process.stdout.write(report('removed', done, id));
    });

  for (const command of [queue, ...queue.commands]) command.addHelpText('after', `\n${REDIS_NOTE}`);
}

/** The service's modules load only when a queue command runs (see program.ts). */
async function withAdmin<T>(options: ConfigOption, use: (admin: QueueAdmin) => Promise<T>): Promise<T> {
  const [{ CLI_BACKENDS, connectBackends }, { loadConfig }] = await Promise.all([
    import('../app.js'),
    import('../config/index.js'),
  ]);
  const backends = await connectBackends(loadConfig({ file: options.config }), CLI_BACKENDS);
  try {
    return await use(new QueueAdmin(backends.publisher.queue));
  } finally {
    await backends.close();
  }
}

/** The one job id, or null for --all-failed; both or neither is a usage mistake. */
function oneOrAll(id: string | undefined, allFailed: boolean | undefined): string | null {
  if ((id === undefined) === !allFailed) throw new UsageError('give either a job id or --all-failed');
  return id ?? null;
}

function report(verb: string, ids: string[], id: string | undefined): string {
  if (id !== undefined) return `${verb} ${id}\n`;
  return `${verb} ${ids.length} failed job${ids.length === 1 ? '' : 's'}\n`;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > 10_000)
    throw new InvalidArgumentError('expected a whole number 1-10000');
  return limit;
}

function table(rows: JobSummary[]): string {
  const header = ['JOB', 'ACTION', 'STATE', 'ATTEMPTS', 'CREATED', 'HEADLINE', 'ERROR'];
  return formatTable(
    header,
    rows.map((r) => [
      r.id,
      r.action,
      r.state,
      String(r.attempts),
      r.created_at ?? '-',
      clip(r.headline ?? '-', 60),
      clip(r.failed_reason ?? '-', 60),
    ]),
  );
}

function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
