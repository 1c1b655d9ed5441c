/** `wirefeed check-config`: validate, then print the resolved config with secrets redacted. */
import { loadConfig, redactConfig } from '../config/index.js';

export function checkConfigCommand(options: { config?: string }): void {
  const config = loadConfig({ file: options.config });
  process.stdout.write(`${JSON.stringify(redactConfig(config), null, 2)}\n`);
}
