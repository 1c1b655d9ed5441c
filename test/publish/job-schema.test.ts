/** Every job wirefeed would queue for the fixture feeds validates against schemas/publish-job.schema.json. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest.js';
import type { PublishJob } from '../../src/model/index.js';
import { fixtureFeeds } from '../helpers/fixture-feeds.js';

const schema = JSON.parse(readFileSync('schemas/publish-job.schema.json', 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

describe('schemas/publish-job.schema.json', () => {
  it('accepts the job of every article in every fixture feed', () => {
    const settings = {
      id: 'schema',
      agency: null,
      format: null,
      timezone: 'Asia/Kolkata',
      baseUrl: null,
      disclaimer: { key: 'default', template: 'From {agency} for {publisher}.' },
      publisherName: 'Mid-day',
    };
    let checked = 0;
    for (const file of fixtureFeeds()) {
      const { articles } = ingest({
        bytes: readFileSync(file),
        settings,
        source: file,
        contentType: null,
        fetchedAt: new Date(),
      });
      for (const article of articles) {
        const job: PublishJob = { action: 'publish', article };
        expect(validate(job), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('rejects an unknown action', () => {
    const job = { action: 'republish', article: {} };
    expect(validate(job)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/action');
  });
});
