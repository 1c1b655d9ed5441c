import { IngestError } from '../model/errors.js';

/**
 * The config cannot be used. `issues` names every problem by path (`feeds[2].interval: …`) so one
 * run shows them all; the message is the same on one line, for logs and the CLI.
 */
export class ConfigError extends IngestError {
  readonly issues: string[];
  /** The config file concerned, when there is one. */
  readonly source: string | null;

  constructor(
    message: string,
    options: { issues?: readonly string[]; source?: string; cause?: unknown } = {},
  ) {
    super('CONFIG_INVALID', message, { cause: options.cause });
    this.name = 'ConfigError';
    this.issues = [...(options.issues ?? [message])];
    this.source = options.source ?? null;
  }

  /** One error for a file whose content has problems. */
  static invalid(source: string, issues: readonly string[]): ConfigError {
    return new ConfigError(`invalid config ${source}: ${issues.join('; ')}`, { issues, source });
  }
}
