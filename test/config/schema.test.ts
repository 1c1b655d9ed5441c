import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, loadConfig } from '../../src/config/index.js';

const SCHEMA_FILE = new URL('../../schemas/config.schema.json', import.meta.url);

describe('schemas/config.schema.json', () => {
  // UPDATE_SCHEMA=1 npx vitest run test/config/schema.test.ts regenerates it; then `npm run format`.
  it('is what configJsonSchema() produces', () => {
    if (process.env.UPDATE_SCHEMA === '1') {
      writeFileSync(SCHEMA_FILE, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    }
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(configJsonSchema());
  });
});

describe('config/example.yaml', () => {
  it('loads once its secrets are in the environment', () => {
    const secrets = ['PTI_TOKEN', 'ANI_USER', 'ANI_PASSWORD', 'IANS_API_KEY', 'REUTERS_API_KEY'];
    const env = Object.fromEntries(secrets.map((name) => [name, `value-of-${name}`]));
    const config = loadConfig({ file: new URL('../../config/example.yaml', import.meta.url).pathname, env });
    expect(config.feeds.map((feed) => feed.id)).toContain('reuters-world');
    expect(config.feeds.find((feed) => feed.id === 'reuters-world')?.intervalMs).toBe(90_000);
  });
});
