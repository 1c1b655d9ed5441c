/** loadConfig: the one place that reads the config file and process.env. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { ConfigError } from './config-error.js';
import { crossCheck } from './cross-checks.js';
import { readEnvOverrides } from './env.js';
import { formatIssues } from './issues.js';
import { deepFreeze, resolveConfig } from './resolve.js';
import { configFileSchema } from './schema.js';
import type { Config, LoadOptions } from './types.js';

/** The bundled config/default.yaml: this module runs from src/config or dist/config, both two levels down. */
export function defaultConfigPath(): string {
  return fileURLToPath(new URL('../../config/default.yaml', import.meta.url));
}

function readText(source: string): string {
  try {
    return readFileSync(source, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError(`config file not found: ${source}`, { source, cause: err });
    throw new ConfigError(`cannot read config file ${source}: ${code ?? String(err)}`, {
      source,
      cause: err,
    });
  }
}

/** The YAML as plain data; syntax errors become one ConfigError naming line and column of each. */
function readYaml(source: string): unknown {
  const doc = parseDocument(readText(source), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error) => {
      const at = error.linePos?.[0];
      const where = at === undefined ? '' : `line ${at.line}, column ${at.col}: `;
      return `${where}${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`;
    });
    throw new ConfigError(`invalid YAML in ${source}: ${issues.join('; ')}`, { issues, source });
  }
  return doc.toJS({ maxAliasCount: 100 });
}

/**
 * Reads, validates and resolves the config. File: `options.file`, else `WIREFEED_CONFIG`, else the
 * bundled default. Throws ConfigError listing every problem — file, cross-field and environment alike.
 */
export function loadConfig(options: LoadOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const source = resolve(cwd, options.file ?? (env.WIREFEED_CONFIG || defaultConfigPath()));
  const raw = readYaml(source);
  const parsed = configFileSchema.safeParse(raw, { reportInput: true });
  const { overrides, issues: envIssues } = readEnvOverrides(env);
  const issues = [
    ...(parsed.success ? [] : formatIssues(parsed.error.issues)),
    ...crossCheck(raw, env),
    ...envIssues,
  ];
  if (!parsed.success || issues.length > 0) throw ConfigError.invalid(source, issues);
  return deepFreeze(resolveConfig(parsed.data, { source, env, cwd, overrides }));
}
