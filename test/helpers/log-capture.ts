/** A pino destination that keeps every line as parsed JSON, for asserting on log events. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/observability/logger.js';

export interface CapturedLogs {
  logger: Logger;
  lines: Record<string, unknown>[];
  raw: string[];
  events(name: string): Record<string, unknown>[];
}

export function captureLogs(level = 'debug'): CapturedLogs {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  const logger = createLogger({ level, pretty: false, fd: 1, destination });
  return { logger, lines, raw, events: (name) => lines.filter((l) => l.event === name) };
}
