export { ConfigError } from './config-error.js';
export {
  DEFAULT_DISCLAIMER,
  DEFAULT_DISCLAIMER_KEY,
  TEMPLATE_PLACEHOLDERS,
  WITH_INPUTS_DISCLAIMER,
  WITH_INPUTS_DISCLAIMER_KEY,
} from './disclaimers.js';
export { parseBytes, parseDuration } from './duration.js';
export { feedSettings } from './feed-settings.js';
export { defaultConfigPath, loadConfig } from './load.js';
export { REDACTED, redactConfig, redactRedisUrl, redactUrl } from './redact.js';
export { configJsonSchema, LOG_LEVELS } from './schema.js';
export type { AgencyConfig, Config, FeedAuth, FeedConfig, LoadOptions, LogLevel } from './types.js';
