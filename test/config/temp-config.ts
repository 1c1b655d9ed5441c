/** Writes YAML to a fresh folder under os.tmpdir() and returns the file path. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/index.js';

export function writeTempConfig(yaml: string, name = 'wirefeed.yaml'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wirefeed-config-')), name);
  writeFileSync(file, yaml);
  return file;
}

export const MINIMAL = `
publisher: { name: Mid-day }
feeds:
  - id: pti-world
    url: https://wire.example/pti/world.xml
    agency: pti
`;

/** The issues a config fails with; throws when it unexpectedly loads. */
export function problems(yaml: string, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    loadConfig({ file: writeTempConfig(yaml), env });
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  throw new Error('expected a ConfigError');
}
