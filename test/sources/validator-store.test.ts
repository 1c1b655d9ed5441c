/** The Redis validator store on the suite's redis-server (database 0, keys under its own prefix). */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisValidatorStore } from '../../src/sources/validator-store.js';
import { redisUrlForDb } from '../helpers/redis.js';

const connection = new Redis(redisUrlForDb(0), { maxRetriesPerRequest: null });
const store = new RedisValidatorStore(connection, `validators-test:${randomUUID()}:`);

afterAll(() => {
  connection.disconnect();
});

describe('RedisValidatorStore', () => {
  it('remembers nothing for a feed it never saw', async () => {
    expect(await store.get('unseen')).toEqual({ validators: null, bodyHash: null });
  });

  it('replaces what a feed had: a validator the server stopped sending is forgotten', async () => {
    await store.put('pti', {
      validators: { etag: '"v1"', lastModified: 'Tue, 06 Jun 2023 12:53:00 GMT' },
      bodyHash: 'h1',
    });
    expect(await store.get('pti')).toEqual({
      validators: { etag: '"v1"', lastModified: 'Tue, 06 Jun 2023 12:53:00 GMT' },
      bodyHash: 'h1',
    });
    await store.put('pti', {
      validators: { etag: null, lastModified: 'Wed, 07 Jun 2023 08:00:00 GMT' },
      bodyHash: 'h2',
    });
    expect(await store.get('pti')).toEqual({
      validators: { etag: null, lastModified: 'Wed, 07 Jun 2023 08:00:00 GMT' },
      bodyHash: 'h2',
    });
    await store.put('pti', { validators: null, bodyHash: null });
    expect(await store.get('pti')).toEqual({ validators: null, bodyHash: null });
  });
});
