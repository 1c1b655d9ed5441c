/**
 * The `wirefeed` command line: one subcommand per file in this folder. Each command's module is
 * imported when that command runs, so a process loads only what its command needs: `run` none of
 * the others', and the Docker HEALTHCHECK (a fresh process every 30 s) not the service's queue,
 * Redis and pipeline modules at all.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { VERSION } from '../version.js';
import { addQueueCommand } from './queue.js';

export function buildProgram(): Command {
  const program = new Command('wirefeed')
    .description('Ingests news-agency syndication feeds and queues normalised articles on BullMQ.')
    .version(VERSION)
    .showHelpAfterError('(run wirefeed --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('run')
    .description('run the background service: scheduler, poll worker and publisher')
    .option(
      '-c, --config <file>',
      'config file (default: $WIREFEED_CONFIG, else the bundled config/default.yaml)',
    )
    .action(async (options: { config?: string }) => (await import('./run.js')).runCommand(options));

  program
    .command('replay')
    .description('run the pipeline over local files or folders; prints one JSON article per line')
    .argument('<paths...>', 'feed files or folders (walked recursively; *.expected.json skipped)')
    .option('-c, --config <file>', 'config file')
    .option('--feed <id>', "apply this configured feed's settings (agency, timezone, disclaimer)")
    .option('--agency <code>', 'agency code for the copy, e.g. PTI', parseAgency)
    .option('--base-url <url>', 'base for relative links', parseUrl)
    .addOption(
      new Option('--format <format>', 'output format').choices(['article', 'ninjs']).default('article'),
    )
    .option('--publish', 'dedup and queue the articles in Redis, as the service does')
    .action(async (paths: string[], options) => {
      process.exitCode = await (await import('./replay.js')).replayCommand(paths, options);
    });

  program
    .command('poll')
    .description('poll one feed now, through the same path as scheduled polls')
    .argument('<feed-id>', 'a feed id from the config')
    .option('-c, --config <file>', 'config file')
    .action(async (feedId: string, options: { config?: string }) => {
      process.exitCode = await (await import('./poll.js')).pollCommand(feedId, options);
    });

  program
    .command('status')
    .description("print every feed's state: last poll, last success, errors, next poll, articles in 24 h")
    .option('-c, --config <file>', 'config file')
    .option('--json', 'JSON instead of a table')
    .action(async (options: { config?: string; json?: boolean }) =>
      (await import('./status.js')).statusCommand(options),
    );

  addQueueCommand(program);

  program
    .command('check-config')
    .description('validate the config and print it resolved, secrets redacted')
    .option('-c, --config <file>', 'config file')
    .action(async (options: { config?: string }) =>
      (await import('./check-config.js')).checkConfigCommand(options),
    );

  program
    .command('healthcheck')
    .description("exit 0 when the running service's /healthz answers (the Docker HEALTHCHECK)")
    .option('-c, --config <file>', 'config file (for http.host and http.port)')
    .option('--url <url>', 'check this URL instead', parseUrl)
    .action(async (options: { config?: string; url?: string }) => {
      process.exitCode = await (await import('./healthcheck.js')).healthcheckCommand(options);
    });

  return program;
}

function parseAgency(value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,31}$/.test(value))
    throw new InvalidArgumentError('expected an agency code like PTI');
  return value.toUpperCase();
}

function parseUrl(value: string): string {
  try {
    return new URL(value).toString();
  } catch {
    throw new InvalidArgumentError('expected an absolute URL');
  }
}
