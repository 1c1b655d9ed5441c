/** Writes YAML to a fresh folder under os.tmpdir() and returns the file path. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
