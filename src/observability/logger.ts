/**
 * The one place pino is configured. Every line carries an `event` name (README "Log events"),
 * snake_case keys and an ISO timestamp; secrets are redacted by path as a second line of defence
 * (the first is never passing them to a logger at all).
 */
import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  /** 1 = stdout (the service), 2 = stderr (replay keeps stdout for NDJSON). */
  fd: 1 | 2;
  /** Tests capture lines here instead of on a file descriptor. */
  destination?: NodeJS.WritableStream;
}

const REDACT_PATHS = [
  'password',
  'token',
  'secret',
  'authorization',
  '*.password',
  '*.token',
  '*.secret',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  'auth.token',
  'auth.password',
  'auth.value',
];

export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    base: { service: 'wirefeed', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    const transport = pino.transport({
      target: 'pino-pretty',
      options: { destination: options.fd, translateTime: 'SYS:standard', ignore: 'pid,hostname,service' },
    });
    return pino(base, transport);
  }
  // Synchronous: a line logged just before the process exits (service.stopped, service.crashed) is
  // never lost or overtaken by one still in flight.
  return pino(base, pino.destination({ fd: options.fd, sync: true }));
}

/** Pretty output for people: asked for, or a terminal on the log stream. */
export function wantsPretty(requested: boolean, fd: 1 | 2): boolean {
  return requested || (fd === 1 ? process.stdout.isTTY : process.stderr.isTTY) === true;
}
