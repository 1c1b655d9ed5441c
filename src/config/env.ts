/** Environment variables that override the config file, checked as strictly as the file itself. */
import { isRedisUrl } from './field-checks.js';
import { LOG_LEVELS } from './schema.js';
import type { LogLevel } from './types.js';

export interface EnvOverrides {
  redisUrl?: string;
  logLevel?: LogLevel;
  logPretty?: boolean;
  httpPort?: number;
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** The overrides set in `env` (empty values count as unset) and a problem line for each bad one. */
export function readEnvOverrides(env: NodeJS.ProcessEnv): { overrides: EnvOverrides; issues: string[] } {
  const overrides: EnvOverrides = {};
  const issues: string[] = [];
  const { REDIS_URL, LOG_LEVEL, LOG_PRETTY, WIREFEED_HTTP_PORT } = env;

  if (REDIS_URL) {
    if (isRedisUrl(REDIS_URL)) overrides.redisUrl = REDIS_URL;
    else issues.push('REDIS_URL: expected a redis:// or rediss:// URL');
  }
  if (LOG_LEVEL) {
    const level = LOG_LEVEL.toLowerCase();
    if (isLogLevel(level)) overrides.logLevel = level;
    else issues.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${LOG_LEVEL}"`);
  }
  if (LOG_PRETTY) {
    const flag = LOG_PRETTY.toLowerCase();
    if (TRUE.includes(flag) || FALSE.includes(flag)) overrides.logPretty = TRUE.includes(flag);
    else issues.push(`LOG_PRETTY: expected 1 or 0, got "${LOG_PRETTY}"`);
  }
  if (WIREFEED_HTTP_PORT) {
    const port = Number(WIREFEED_HTTP_PORT);
    if (/^\d+$/.test(WIREFEED_HTTP_PORT) && port <= 65535) overrides.httpPort = port;
    else issues.push(`WIREFEED_HTTP_PORT: expected a port number 0-65535, got "${WIREFEED_HTTP_PORT}"`);
  }
  return { overrides, issues };
}
